"""The recap download page: request a recap, follow its progress, download it."""

from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from common.htmx import render_page_or_partial
from common.paging import page_of
from registry import access
from registry.models import KabKota

from . import recap_selectors, recaps, staleness, vital_selectors
from .models import RecapKind, RecapStatus
from .period import Month
from .tasks import request_recap

OUTCOME_TEXT = {"queued": "masuk antrean", "running": "sedang dibuat"}


def recap_list(request):
    areas = recap_selectors.requestable_areas(request.user)
    months = [Month.of(timezone.localdate()).shift(-i) for i in range(0, 13)]
    if request.method == "POST":
        chosen = dict(areas).get(request.POST.get("area", ""))
        access.require(chosen is not None, "Wilayah ini bukan wilayah Anda.")
        month = Month.parse(request.POST.get("bulan", ""), None)
        if month not in months:  # only the months the page offers: no recap of 2099
            messages.error(request, "Rekap hanya dapat dibuat untuk bulan berjalan dan 12 bulan sebelumnya.")
            return redirect("recap_list")
        kind = RecapKind.KABKOTA if isinstance(chosen, KabKota) else RecapKind.PUSKESMAS
        recap, outcome = request_recap(kind=kind, area=chosen, month=month, user=request.user)
        if outcome == "kept":
            messages.warning(request, f"{recap}: antrean sedang terganggu. Permintaan disimpan dan "
                                      "rekap dibuat otomatis begitu antrean pulih.")  # fmt: skip
        else:
            messages.success(request, f"{recap} {OUTCOME_TEXT[outcome]}.")
        return redirect("recap_list")
    rows = recap_selectors.recaps_visible(request.user).order_by("-bulan", "kind", "puskesmas__nama")
    pending = rows.filter(status__in=[RecapStatus.QUEUED, RecapStatus.RUNNING]).exists()
    page = page_of(request, rows)
    context = {"page": page, "areas": areas, "months": months, "pending": pending,
               "stale": stale_recaps(page.object_list, {value for value, _ in areas}),
               **_completeness(request)}  # fmt: skip
    return render_page_or_partial(request, "reports/recap_list.html", "reports/_recap_rows.html", context)


def _completeness(request) -> dict:
    """Which Posyandu have not entered the month (the month before by default, ?lengkap=2026-10)."""
    if not access.can_read_recap(request.user):
        return {}
    month = Month.parse(request.GET.get("lengkap", ""), Month.of(timezone.localdate()).previous)
    missing = vital_selectors.not_entered(user=request.user, month=month)
    return {"completeness_month": month, "not_entered": missing}


def stale_recaps(shown, requestable: set[str]) -> dict[int, str]:
    """Usang recaps → the area value the rebuild form posts ("" when the user may not rebuild)."""
    shown = list(shown)
    values = {r.pk: f"{r.kind}:{r.area.pk}" for r in shown}
    return {pk: values[pk] if values[pk] in requestable else "" for pk in staleness.stale_recap_ids(shown)}


def recap_download(request, pk: int):
    recap = get_object_or_404(recap_selectors.recaps_visible(request.user).filter(~Q(file="")), pk=pk)
    path = recaps.recap_path(recap)
    if not path.exists():
        raise Http404("Berkas rekap belum ada.")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
