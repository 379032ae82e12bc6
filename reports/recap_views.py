"""The recap download page: request a recap, follow its progress, download it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from common.htmx import render_page_or_partial
from common.paging import page_of
from registry.models import KabKota, Puskesmas, Role
from registry.scoping import profile_of, sees_everything

from . import recaps, staleness
from .models import Recap, RecapKind, RecapStatus
from .period import Month
from .tasks import request_recap

OUTCOME_TEXT = {"queued": "masuk antrean", "running": "sedang dibuat"}


def recaps_visible(user):
    """Dinkes see every recap of their Kab/Kota, Puskesmas staff only their own; kader none."""
    rows = Recap.objects.select_related("puskesmas", "kab_kota")
    if sees_everything(user):
        return rows
    profile = profile_of(user)
    if profile is None or profile.role == Role.KADER:
        return rows.none()
    if profile.role == Role.DINKES:
        return rows.filter(kab_kota_id=profile.kab_kota_id)
    return rows.filter(kind=RecapKind.PUSKESMAS, puskesmas_id=profile.puskesmas_id)


def requestable_areas(user) -> list[tuple[str, object]]:
    """(value, area) pairs a user may ask a recap for: "puskesmas:3", "kabkota:1"."""
    profile = profile_of(user)
    if sees_everything(user):
        kab = KabKota.objects.all()
        puskesmas = Puskesmas.objects.all()
    elif profile is not None and profile.role == Role.DINKES:
        kab = KabKota.objects.filter(pk=profile.kab_kota_id)
        puskesmas = Puskesmas.objects.filter(kab_kota_id=profile.kab_kota_id)
    elif profile is not None and profile.role == Role.PUSKESMAS:
        kab, puskesmas = KabKota.objects.none(), Puskesmas.objects.filter(pk=profile.puskesmas_id)
    else:
        return []
    return [(f"kabkota:{k.pk}", k) for k in kab] + [
        (f"puskesmas:{p.pk}", p) for p in puskesmas.order_by("nama")
    ]


def recap_list(request):
    areas = requestable_areas(request.user)
    months = [Month.of(timezone.localdate()).shift(-i) for i in range(0, 13)]
    if request.method == "POST":
        chosen = dict(areas).get(request.POST.get("area", ""))
        if chosen is None:
            raise PermissionDenied("Wilayah ini bukan wilayah Anda.")
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
    rows = recaps_visible(request.user).order_by("-bulan", "kind", "puskesmas__nama")
    pending = rows.filter(status__in=[RecapStatus.QUEUED, RecapStatus.RUNNING]).exists()
    page = page_of(request, rows)
    context = {"page": page, "areas": areas, "months": months, "pending": pending,
               "stale": stale_recaps(page.object_list, {value for value, _ in areas})}  # fmt: skip
    return render_page_or_partial(request, "reports/recap_list.html", "reports/_recap_rows.html", context)


def stale_recaps(shown, requestable: set[str]) -> dict[int, str]:
    """Usang recaps → the area value the rebuild form posts ("" when the user may not rebuild)."""
    shown = list(shown)
    values = {r.pk: f"{r.kind}:{r.area.pk}" for r in shown}
    return {pk: values[pk] if values[pk] in requestable else "" for pk in staleness.stale_recap_ids(shown)}


def recap_download(request, pk: int):
    recap = get_object_or_404(recaps_visible(request.user).filter(~Q(file="")), pk=pk)
    path = recaps.recap_path(recap)
    if not path.exists():
        raise Http404("Berkas rekap belum ada.")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
