"""The access log of an area's personal data, for Puskesmas and Dinkes review."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from common.paging import page_of

from .models import AccessAction, AccessLog, Role
from .scoping import profile_of, scope, sees_everything


def may_review_access(user) -> bool:
    profile = profile_of(user)
    return sees_everything(user) or (profile is not None and profile.role in (Role.PUSKESMAS, Role.DINKES))


def access_log(request):
    if not may_review_access(request.user):
        raise PermissionDenied("Catatan akses hanya untuk Puskesmas dan Dinas Kesehatan.")
    rows = scope(AccessLog.objects.select_related("user", "person", "household", "posyandu"), request.user)
    action = request.GET.get("tindakan", "")
    if action in AccessAction.values:
        rows = rows.filter(action=action)
    context = {"page": page_of(request, rows), "actions": AccessAction.choices, "action": action}
    return render(request, "registry/access_log.html", context)
