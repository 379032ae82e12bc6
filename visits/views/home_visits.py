"""Kunjungan rumah: the list of people to visit at home with why, and a home visit's outcome
for one reason. Thin: reads in visits.home_visit_selectors, writes in visits.home_visit_services."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from common.paging import page_of
from common.params import int_or_none
from common.redirects import redirect_back, safe_target
from registry import access
from registry import selectors as registry_selectors
from registry.lifecycle import Group
from registry.models import Person
from registry.scoping import get_scoped_or_404
from visits import home_visit_reasons as hv
from visits import home_visit_selectors as selectors
from visits import services
from visits.forms.home_visit import HomeVisitOutcomeForm
from visits.home_visit_services import AlreadyClosed, home_visit_close

STATUSES = [(hv.OPEN, "Belum ditutup"), (hv.CLOSED, "Sudah ditutup"), (hv.ALL, "Semua")]


def _choice(value: str | None, choices) -> str:
    """A filter value only when it is one of the choices (anything else means no filter)."""
    return value if value in {key for key, _ in choices} else ""


def home_visit_list(request):
    posyandu_list = registry_selectors.posyandu_choices(user=request.user)
    chosen = request.GET.get("posyandu") or request.POST.get("posyandu")
    posyandu = get_object_or_404(posyandu_list, pk=int_or_none(chosen)) if chosen else posyandu_list.first()
    if request.method == "POST":  # start a home visit with the five tables' forms
        access.require(access.can_record_visits(request.user), access.READ_ONLY)
        person_pk = int_or_none(request.POST.get("person"))
        person = get_scoped_or_404(Person.objects.all(), request.user, pk=person_pk)
        visit = services.visit_register(person=person, user=request.user, tanggal=timezone.localdate())
        return redirect("visit_meja", pk=visit.pk, meja=2)
    groups = [(g.value, g.label) for g in Group]
    filters = {
        "kode": _choice(request.GET.get("alasan"), selectors.reason_choices()),
        "group": _choice(request.GET.get("kelompok"), groups),
        "status": _choice(request.GET.get("status"), STATUSES) or hv.OPEN,
    }
    today = timezone.localdate()
    rows = (
        selectors.home_visit_rows(user=request.user, posyandu_ids=[posyandu.pk], on=today, **filters)
        if posyandu
        else []
    )
    context = {
        "posyandu": posyandu,
        "posyandu_list": posyandu_list,
        "rows": page_of(request, rows),
        "today": today,
        "filters": filters,
        "reasons": selectors.reason_choices(),
        "groups": groups,
        "statuses": STATUSES,
    }
    return render(request, "visits/home_visit_list.html", context)


def home_visit_outcome(request, pk: int):
    """Record a home visit's outcome for one reason (`?alasan=kode`); it closes the reason for
    this month."""
    person = get_scoped_or_404(Person.objects.select_related("household"), request.user, pk=pk)
    kode = request.GET.get("alasan", "")
    if kode not in selectors.PROVIDERS:
        raise Http404("Alasan tidak dikenal.")
    access.require(access.can_record_visits(request.user), access.READ_ONLY)
    back = f"{reverse('home_visit_list')}?posyandu={person.household.posyandu_id}"
    # The "kembali" link and the hidden field show the target: only a path of this site.
    target = safe_target(request, request.POST.get("next") or request.GET.get("next")) or back
    today = timezone.localdate()
    reason = selectors.person_reason(person=person, kode=kode, on=today)
    if reason is None:
        messages.info(request, f"{person.nama}: alasan ini tidak berlaku lagi atau sudah ditutup.")
        return redirect_back(request, target, "home_visit_list")
    form = HomeVisitOutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            home_visit_close(
                person=person, reason=reason, tanggal=today, user=request.user, **form.cleaned_data
            )
        except AlreadyClosed as closed:
            messages.info(request, str(closed))
        else:
            messages.success(request, f"Hasil kunjungan rumah {person.nama} dicatat; alasan ditutup.")
        return redirect_back(request, target, "home_visit_list")
    context = {"person": person, "reason": reason, "label": hv.REASONS[kode], "form": form, "back": target}
    return render(request, "visits/home_visit_outcome.html", context)
