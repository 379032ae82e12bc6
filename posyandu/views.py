"""Project-wide error pages: 500 for a fault in the app, 503 while the database is away."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

# A database that refuses connections or drops them is an outage, not a bug: the user is told
# to wait rather than that something is broken.
OUTAGE = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request):
    """handler500: rendered without a context, so it works when the database is down."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "120"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)
