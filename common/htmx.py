"""htmx requests: a partial answer for an htmx swap, the full page for everything else.

When the user goes back and htmx's history cache misses, htmx asks the server again with
`HX-Request` *and* `HX-History-Restore-Request`: that request must get the full page, or the
browser shows a bare fragment. Pages answering both ways send `Vary: HX-Request` so a cache never
serves the fragment for a normal visit (or the page for a swap).
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def is_partial(request) -> bool:
    """True for an htmx swap (not a history restore)."""
    headers = request.headers
    return headers.get("HX-Request") == "true" and headers.get("HX-History-Restore-Request") != "true"


def render_page_or_partial(request, full: str, partial: str, context: dict):
    """Render `partial` for an htmx swap and `full` otherwise, varying on HX-Request."""
    response = render(request, partial if is_partial(request) else full, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
