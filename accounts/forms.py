"""Login forms with throttling (see accounts.throttle): the app's and the admin's."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from . import throttle


class ThrottledMixin:
    def clean(self):
        attempt = throttle.Attempt(self.data.get("username", ""), client_address(self.request))
        wait = throttle.seconds_locked(attempt)
        if wait:
            # Checked before the password so that a lock cannot be used to test guesses.
            raise forms.ValidationError(throttle.wait_message(wait), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(attempt)
            raise
        throttle.record_success(attempt)
        return cleaned


class ThrottledLoginForm(ThrottledMixin, AuthenticationForm):
    # Django's Indonesian text repeats the field's own name ("nama pengguna nama pengguna").
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil.",
    }


class ThrottledAdminLoginForm(ThrottledMixin, AdminAuthenticationForm):
    pass


def client_address(request) -> str:
    """REMOTE_ADDR: a proxy in front must set it (X-Forwarded-For can be typed by anyone)."""
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""
