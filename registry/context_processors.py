from .permissions import can_edit_registry
from .scoping import profile_of


def user_area(request):
    """The user's profile and edit right, for the navigation bar of every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"profile": profile_of(user), "can_edit_registry": can_edit_registry(user)}
