"""A request carrying a NUL byte is refused with 400 before any view sees it.

PostgreSQL cannot store NUL in text ("A string literal cannot contain NUL characters"), so a NUL
in a search box or a form field would otherwise end as a 500. No real form input contains one.
"""

from django.http import HttpResponseBadRequest

NUL = "\x00"


def _has_nul(query_dict) -> bool:
    return any(NUL in key or any(NUL in v for v in values) for key, values in query_dict.lists())


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path
            or _has_nul(request.GET)
            or (request.method == "POST" and _has_nul(request.POST))
        ):
            return HttpResponseBadRequest("Permintaan berisi karakter NUL yang tidak diizinkan.")
        return self.get_response(request)
