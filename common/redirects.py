"""One place that decides whether a redirect target taken from the request is safe."""

from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_target(request, target: str | None) -> str | None:
    """`target` if it stays on this site (same host, http(s) as the request), else None."""
    if not target:
        return None
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else None


def redirect_back(request, target: str | None, fallback: str, *args, **kwargs):
    """Redirect to `target` when it is safe, otherwise to the `fallback` URL or view name."""
    return redirect(safe_target(request, target) or resolve_url(fallback, *args, **kwargs))
