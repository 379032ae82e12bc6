"""The access log of an area's personal data, for Puskesmas and Dinkes review."""

from django.shortcuts import render

from common.paging import page_of

from . import access
from .models import AccessAction, AccessLog
from .scoping import scope


def access_log(request):
    access.require(access.can_read_access_log(request.user),
                   "Catatan akses hanya untuk Puskesmas dan Dinas Kesehatan.")  # fmt: skip
    rows = scope(AccessLog.objects.select_related("user", "person", "household", "posyandu"), request.user)
    action = request.GET.get("tindakan", "")
    if action in AccessAction.values:
        rows = rows.filter(action=action)
    context = {"page": page_of(request, rows), "actions": AccessAction.choices, "action": action}
    return render(request, "registry/access_log.html", context)
