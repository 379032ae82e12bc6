"""One place that decides whether a redirect target taken from the request is safe."""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def safe_target(request, target: str | None) -> str | None:
    """`target` if it is a path on this site ("/rujukan/?status=semua"), else None.

    Full URLs, even to this host, are refused: the app only ever sends paths.
    """
    if not target or not target.startswith("/"):
        return None
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else None


def redirect_back(request, target: str | None, fallback: str, *args, **kwargs):
    """Redirect to `target` when it is safe, otherwise to the `fallback` view name or URL."""
    safe = safe_target(request, target)
    return HttpResponseRedirect(safe) if safe else redirect(fallback, *args, **kwargs)
