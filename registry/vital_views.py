"""Pages of the vital events, from a person's page: a birth (from the mother), a death, a
departure and a return. Thin: forms parse, registry.vital_services decides and saves."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from common.forms import show_refusal

from . import access, services
from .models import Person
from .scoping import get_scoped_or_404
from .vital_forms import BirthForm, DeathForm, DepartureForm, ReactivateForm
from .vital_services import REFUSED

TITLES = {
    "birth": "Catat kelahiran",
    "death": "Catat kematian",
    "departure": "Pindah / tidak ditemukan",
    "reactivate": "Aktifkan kembali",
}


def _person(request, pk: int) -> Person:
    person = get_scoped_or_404(Person.objects.select_related("household__posyandu"), request.user, pk=pk)
    access.require(access.can_record_vital_events(request.user), REFUSED)
    return person


def _record(request, person: Person, kind: str, form, save):
    if request.method == "POST" and form.is_valid():
        try:
            target, message = save(form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, message)
            return redirect("person_detail", pk=target.pk)
    context = {"person": person, "form": form, "kind": kind, "title": TITLES[kind]}
    return render(request, "registry/vital_form.html", context)


def birth_new(request, pk: int):
    mother = _person(request, pk)
    form = BirthForm(request.POST or None, user=request.user, initial={"tanggal_lahir": timezone.localdate()})

    def save(values):
        baby = services.birth_register(mother=mother, by=request.user, **values)
        return baby, f"Kelahiran {baby.nama} dicatat."

    return _record(request, mother, "birth", form, save)


# The events recorded on a person's own page: (form, service, message).
PERSON_EVENTS = {
    "death": (DeathForm, services.death_record, "Kematian {} dicatat."),
    "departure": (DepartureForm, services.departure_record, "{} dicatat pindah / tidak ditemukan."),
    "reactivate": (ReactivateForm, services.reactivate, "{} aktif kembali."),
}


def _person_event(request, pk: int, kind: str):
    person = _person(request, pk)
    form_class, service, message = PERSON_EVENTS[kind]
    form = form_class(request.POST or None, initial={"tanggal": timezone.localdate()})

    def save(values):
        service(person=person, by=request.user, **values)
        return person, message.format(person.nama)

    return _record(request, person, kind, form, save)


def death_new(request, pk: int):
    return _person_event(request, pk, "death")


def departure_new(request, pk: int):
    return _person_event(request, pk, "departure")


def reactivate_new(request, pk: int):
    return _person_event(request, pk, "reactivate")
