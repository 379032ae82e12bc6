"""The login backend: Django's, with the user's profile and area read in the user's query."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

# Every page reads the profile (scoping, the menu) and the area's name (the header).
_AREA = ("profile__posyandu", "profile__puskesmas", "profile__kab_kota")


class AreaUserBackend(ModelBackend):
    """Django's ModelBackend; the user of a session comes with profile and area, one query
    instead of three on every request. (Its async twin, aget_user, stays Django's: the app runs
    on WSGI.)"""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related(*_AREA)
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
