"""Pages of the inovasi app: thin; reads in inovasi.selectors, writes in inovasi.services."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from registry import access
from registry.lifecycle import months_before
from registry.models import Person, Puskesmas
from registry.scoping import scope
from registry.selectors import posyandu_choices
from visits.rules import BALITA_UNTIL_MONTHS

from . import export, forms, selectors, services
from .models import Donor, Enrolment


def index(request):
    """Programmes, donors and innovations of the user's area."""
    context = {
        "programmes": selectors.programme_list(user=request.user),
        "donors": selectors.donor_list(user=request.user),
        "innovations": selectors.innovation_list(user=request.user),
    }
    return render(request, "inovasi/index.html", context)


def _form_page(request, form, *, title: str, back: str, save: Callable[[dict], object], done: str):
    """Render `form`; on a valid POST call `save(cleaned_data)`: a refusal from the service
    is shown beside its field and everything typed stays in the form."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            fields = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
            for name, texts in fields:
                form.add_error(name if name in form.fields else None, texts)
        else:
            messages.success(request, "Tersimpan.")
            return redirect(done)
    return render(request, "inovasi/form.html", {"form": form, "title": title, "back": back})


def donor_create(request):
    access.require(access.can_manage_programmes(request.user), services.NOT_ALLOWED)
    puskesmas = scope(Puskesmas.objects.order_by("nama"), request.user)
    form = forms.DonorForm(request.POST or None, puskesmas=puskesmas)
    back = "inovasi_index"
    return _form_page(
        request,
        form,
        title="Donatur baru",
        back=back,
        done=back,
        save=lambda d: services.donor_create(user=request.user, **d),
    )


def programme_create(request):
    access.require(access.can_manage_programmes(request.user), services.NOT_ALLOWED)
    form = forms.ProgrammeForm(request.POST or None, posyandu=posyandu_choices(user=request.user))
    back = "inovasi_index"
    return _form_page(
        request,
        form,
        title="Program orang tua asuh baru",
        back=back,
        done=back,
        save=lambda d: services.programme_create(user=request.user, **d),
    )


def innovation_create(request):
    access.require(access.can_record_innovations(request.user), access.READ_ONLY)
    form = forms.InnovationForm(request.POST or None, posyandu=posyandu_choices(user=request.user))
    back = "inovasi_index"
    return _form_page(
        request,
        form,
        title="Inovasi baru",
        back=back,
        done=back,
        save=lambda d: services.innovation_create(user=request.user, **d),
    )


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


def _donors_for(request, programme):
    donors = scope(Donor.objects.filter(puskesmas_id=programme.posyandu.desa.puskesmas_id), request.user)
    return donors.order_by("nama")


def pledge_add(request, pk: int):
    programme, back = _programme_for(request, pk)
    form = forms.PledgeForm(request.POST or None, donors=_donors_for(request, programme))
    return _form_page(
        request,
        form,
        title=f"Janji donasi · {programme}",
        back=back,
        done=back,
        save=lambda d: services.pledge_add(user=request.user, programme=programme, **d),
    )


def enrol(request, pk: int):
    programme, back = _programme_for(request, pk)
    young = Q(tanggal_lahir__gt=months_before(timezone.localdate(), BALITA_UNTIL_MONTHS))
    people = scope(Person.objects.filter(household__posyandu=programme.posyandu), request.user)
    people = people.filter(young | Q(hpht__isnull=False)).select_related("household").order_by("nama")
    form = forms.EnrolmentForm(request.POST or None, people=people)
    return _form_page(
        request,
        form,
        title=f"Peserta baru · {programme}",
        back=back,
        done=back,
        save=lambda d: services.enrol(user=request.user, programme=programme, **d),
    )


def _enrolments(request, programme):
    enrolments = scope(Enrolment.objects.filter(programme=programme), request.user)
    return enrolments.select_related("person", "programme")


def delivery_add(request, pk: int):
    programme, back = _programme_for(request, pk, manage=False)
    form = forms.DeliveryForm(
        request.POST or None,
        enrolments=_enrolments(request, programme),
        initial={"tanggal": timezone.localdate(), "porsi": 1},
    )
    return _form_page(
        request,
        form,
        title=f"Pemberian PMT · {programme}",
        back=back,
        done=back,
        save=lambda d: services.delivery_record(user=request.user, **d),
    )


def ledger_add(request, pk: int):
    programme, back = _programme_for(request, pk)
    form = forms.LedgerForm(
        request.POST or None,
        donors=_donors_for(request, programme),
        enrolments=_enrolments(request, programme),
        initial={"tanggal": timezone.localdate()},
    )
    return _form_page(
        request,
        form,
        title=f"Kas · {programme}",
        back=back,
        done=back,
        save=lambda d: services.ledger_add(user=request.user, programme=programme, **d),
    )


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
