"""The tutup bulan page: each month's closing state, one month's versions and the corrections
saved after it was closed; Puskesmas staff close (or close again) from here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from registry import access
from registry import selectors as registry_selectors

from . import closing, services
from .period import Month
from .pws_views import _puskesmas


def month_closing_page(request):
    puskesmas = _puskesmas(request)  # staff their own, Dinkes any of theirs, kader 404
    months = [Month.of(timezone.localdate()).shift(-i) for i in range(1, 13)]
    month = Month.parse(request.GET.get("bulan", ""), months[0])
    may_close = access.can_close_month(request.user, puskesmas)
    if request.method == "POST":
        access.require(may_close, closing.CLOSE_REFUSED)
        try:
            closed = services.close_month(puskesmas=puskesmas, month=month, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"{month} ditutup: snapshot versi {closed.version} disimpan.")
        return redirect(f"{request.path}?puskesmas={puskesmas.pk}&bulan={month.key}")
    versions = closing.month_versions(puskesmas=puskesmas, month=month, user=request.user)
    current = next((v for v in versions if v.current), None)
    context = {
        "puskesmas": puskesmas,
        "puskesmas_list": registry_selectors.puskesmas_choices(user=request.user),
        "month": month,
        "rows": closing.month_rows(puskesmas=puskesmas, months=months, user=request.user),
        "versions": versions,
        "current": current,
        "live_differs": current is not None and closing.live_differs(current),
        "corrections": closing.corrections_after_closing(
            puskesmas=puskesmas, month=month, user=request.user, versions=versions
        ),
        "deadline": closing.report_deadline(month),
        "can_close": may_close and month < Month.of(timezone.localdate()),
        "show_names": access.sees_corrected_names(request.user, puskesmas),
    }
    return render(request, "reports/month_closing.html", context)
