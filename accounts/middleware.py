"""Protections for phones that several kader share, and for the browser's handling of pages.

- IdleTimeoutMiddleware logs out a session left unused for SESSION_IDLE_MINUTES.
- NoStoreMiddleware tells browsers and proxies not to keep the app's pages (they hold NIK,
  pregnancies, health data): the back button on a shared phone after logout shows nothing.
- ContentSecurityPolicyMiddleware allows scripts and styles from the app's own files only.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers

LAST_SEEN_KEY = "last_seen"
# Writing the session on every request costs a query; a minute's precision is enough.
_TOUCH_EVERY_SECONDS = 60


def _start_idle_clock(sender, request, user, **kwargs):
    # Set at login so that the first page after it does not write the session again.
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = int(time.time())


user_logged_in.connect(_start_idle_clock, dispatch_uid="accounts_idle_clock")


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            # A session from before this check has no clock yet: it starts now.
            last_seen = request.session.get(LAST_SEEN_KEY, now - _TOUCH_EVERY_SECONDS)
            if now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, "Sesi berakhir karena lama tidak dipakai. Silakan masuk lagi.")
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= _TOUCH_EVERY_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Every page but the static files (served before this) may show someone's data.
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
