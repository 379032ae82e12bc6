"""The access log of an area's personal data, for Puskesmas and Dinkes review."""

from django.shortcuts import render

from common.paging import page_of

from . import access, selectors
from .models import AccessAction


def access_log(request):
    access.require(access.can_read_access_log(request.user),
                   "Catatan akses hanya untuk Puskesmas dan Dinas Kesehatan.")  # fmt: skip
    action = request.GET.get("tindakan", "")
    rows = selectors.access_log_rows(user=request.user, action=action)
    context = {"page": page_of(request, rows), "actions": AccessAction.choices, "action": action}
    return render(request, "registry/access_log.html", context)
