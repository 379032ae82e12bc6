from .access import Capabilities
from .scoping import profile_of


def user_area(request):
    """The user's profile and capabilities (`{% if can.record_visits %}`), for every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"profile": profile_of(user), "can": Capabilities(user)}
