"""Pages of the inovasi app: thin; reads in inovasi.selectors, writes in inovasi.services."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from common.forms import show_refusal
from registry import access
from registry.selectors import posyandu_choices, puskesmas_choices

from . import export, forms, selectors, services

INDEX = "inovasi_index"


def index(request):
    """Programmes, donors and innovations of the user's area."""
    context = {
        "programmes": selectors.programme_list(user=request.user),
        "donors": selectors.donor_list(user=request.user),
        "innovations": selectors.innovation_list(user=request.user),
    }
    return render(request, "inovasi/index.html", context)


def _form_page(request, form, title: str, back: str, service: Callable[..., object], **fixed):
    """Render `form`; on a valid POST call `service(user=…, **fixed, **cleaned_data)` and go
    `back`. A refusal from the service is shown beside its field, everything typed kept."""
    if request.method == "POST" and form.is_valid():
        try:
            service(user=request.user, **fixed, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Tersimpan.")
            return redirect(back)
    return render(request, "inovasi/form.html", {"form": form, "title": title, "back": back})


def donor_create(request):
    access.require(access.can_manage_programmes(request.user), services.NOT_ALLOWED)
    puskesmas = puskesmas_choices(user=request.user)
    form = forms.DonorForm(request.POST or None, puskesmas=puskesmas)
    return _form_page(request, form, "Donatur baru", INDEX, services.donor_create)


def programme_create(request):
    access.require(access.can_manage_programmes(request.user), services.NOT_ALLOWED)
    form = forms.ProgrammeForm(request.POST or None, posyandu=posyandu_choices(user=request.user))
    return _form_page(request, form, "Program orang tua asuh baru", INDEX, services.programme_create)


def innovation_create(request):
    access.require(access.can_record_innovations(request.user), access.READ_ONLY)
    form = forms.InnovationForm(request.POST or None, posyandu=posyandu_choices(user=request.user))
    return _form_page(request, form, "Inovasi baru", INDEX, services.innovation_create)


def programme_detail(request, pk: int):
    context = selectors.programme_page(user=request.user, pk=pk, today=timezone.localdate())
    context["full_names"] = access.sees_full_identifiers(request.user)
    return render(request, "inovasi/programme.html", context)


def _programme_for(request, pk: int, manage: bool = True):
    """The programme (404 outside the area), then 403 unless the user may manage it (or, with
    manage=False, record PMT)."""
    programme = selectors.programme(user=request.user, pk=pk)
    if manage:
        access.require(access.can_manage_programmes(request.user), services.NOT_ALLOWED)
    else:
        access.require(access.can_record_pmt(request.user), access.READ_ONLY)
    return programme, reverse("inovasi_programme", args=[programme.pk])


def pledge_add(request, pk: int):
    programme, back = _programme_for(request, pk)
    form = forms.PledgeForm(
        request.POST or None, donors=selectors.donors_for(user=request.user, programme=programme)
    )
    return _form_page(
        request, form, f"Janji donasi · {programme}", back, services.pledge_add, programme=programme
    )


def enrol(request, pk: int):
    programme, back = _programme_for(request, pk)
    people = selectors.enrolment_candidates(
        user=request.user, programme=programme, today=timezone.localdate()
    )
    form = forms.EnrolmentForm(request.POST or None, people=people)
    return _form_page(request, form, f"Peserta baru · {programme}", back, services.enrol, programme=programme)


def delivery_add(request, pk: int):
    programme, back = _programme_for(request, pk, manage=False)
    form = forms.DeliveryForm(
        request.POST or None,
        enrolments=selectors.enrolments_of(user=request.user, programme=programme),
        initial={"tanggal": timezone.localdate(), "porsi": 1},
    )
    return _form_page(request, form, f"Pemberian PMT · {programme}", back, services.delivery_record)


def ledger_add(request, pk: int):
    programme, back = _programme_for(request, pk)
    form = forms.LedgerForm(
        request.POST or None,
        donors=selectors.donors_for(user=request.user, programme=programme),
        enrolments=selectors.enrolments_of(user=request.user, programme=programme),
        initial={"tanggal": timezone.localdate()},
    )
    return _form_page(request, form, f"Kas · {programme}", back, services.ledger_add, programme=programme)


def donor_report(request, pk: int):
    context = selectors.donor_page(user=request.user, pk=pk, today=timezone.localdate())
    return render(request, "inovasi/donor.html", context)


def donor_export(request, pk: int):
    context = selectors.donor_page(user=request.user, pk=pk, today=timezone.localdate())
    response = HttpResponse(
        export.donor_workbook(context),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="laporan-donatur-{context["donor"].pk}.xlsx"'
    return response


def posyandu_report(request, pk: int):
    context = selectors.posyandu_page(user=request.user, pk=pk, today=timezone.localdate())
    context["full_names"] = access.sees_full_identifiers(request.user)
    return render(request, "inovasi/posyandu.html", context)


def innovation_effect(request, pk: int):
    context = selectors.effect_page(user=request.user, pk=pk, today=timezone.localdate())
    return render(request, "inovasi/effect.html", context)
