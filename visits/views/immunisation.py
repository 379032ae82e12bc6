"""Immunisation pages: "Tambah dosis" for a child, the DOFU list and the vitamin A round of a
Posyandu. Thin: rules
in visits.immunisation_rules, reads in visits.immunisation_selectors, writes in
visits.immunisation_services."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from common.forms import show_refusal
from common.params import int_param
from registry import access
from registry.models import Person, Posyandu
from registry.scoping import get_scoped_or_404
from visits import immunisation_selectors, immunisation_services, vitamin_a_selectors
from visits.forms.immunisation import DoseForm
from visits.service_windows import VITAMIN_A_MONTHS


def dose_add(request, pk: int):
    person = get_scoped_or_404(Person.objects.select_related("household"), request.user, pk=pk)
    access.require(access.can_record_visits(request.user), access.READ_ONLY)
    form = DoseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dose = immunisation_services.dose_add(person=person, user=request.user, **form.cleaned_data)
        except ValidationError as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, f"{dose.antigen} untuk {person.nama} dicatat.")
            return redirect("person_detail", pk=person.pk)
    return render(request, "visits/dose_form.html", {"form": form, "person": person})


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def dofu_list(request, pk: int):
    """Who needs a dose on the Posyandu's next opening day (or `?tanggal=`), printable."""
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), request.user, pk=pk)
    on = _day(request.GET.get("tanggal")) or posyandu.jadwal.next_on_or_after(timezone.localdate())
    rows = immunisation_selectors.dofu(user=request.user, posyandu=posyandu, on=on)
    return render(request, "visits/dofu_list.html", {"posyandu": posyandu, "on": on, "rows": rows})


def vitamin_a_round(request, pk: int):
    """A vitamin A round of a Posyandu: coverage per age band and the sweeping list, printable."""
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), request.user, pk=pk)
    latest = vitamin_a_selectors.round_of(timezone.localdate())
    year = int_param(request.GET.get("tahun"), latest.year, low=2000, high=latest.year)
    month = int_param(request.GET.get("bulan"), latest.month)
    rnd = vitamin_a_selectors.Round(year, month if month in VITAMIN_A_MONTHS else latest.month)
    report = vitamin_a_selectors.round_report(user=request.user, posyandu_ids=[posyandu.pk], rnd=rnd)
    context = {"posyandu": posyandu, "report": report, "years": range(latest.year, latest.year - 3, -1)}
    return render(request, "visits/vitamin_a_round.html", context)
