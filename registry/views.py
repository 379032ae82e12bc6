"""Registry pages: households (keluarga), people (warga) and Posyandu. Views stay thin:
queries are in selectors, writes in services, access in scoping."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from common.htmx import render_page_or_partial
from common.paging import page_of
from common.params import int_or_none
from common.redirects import safe_target
from visits import selectors as visits_selectors

from . import access, selectors, services, vital_selectors
from .forms import HouseholdForm, HouseholdMoveForm, MemberFormSet, PersonForm
from .models import Household, Person, Posyandu
from .scoping import get_scoped_or_404


def _posyandu_filter(request) -> int | None:
    return int_or_none(request.GET.get("posyandu"))


def home(request):
    if access.is_kader(request.user):
        return redirect("opening_day_today")
    return redirect("posyandu_list")


def person_list(request):
    q = request.GET.get("q", "")
    people = selectors.person_search(user=request.user, q=q, posyandu_id=_posyandu_filter(request))
    context = {"page": page_of(request, people), "q": q, "today": timezone.localdate()}
    return render_page_or_partial(request, "registry/person_list.html", "registry/_person_rows.html", context)


def person_detail(request, pk: int):
    person = get_scoped_or_404(
        Person.objects.select_related("household__posyandu__desa", "household__desa"),
        request.user,
        pk=pk,
    )
    members = selectors.household_members(person)
    services.record_read(user=request.user, person=person)
    vital = vital_selectors.person_vital(person)
    context = {
        "person": person,
        "members": members,
        "health": visits_selectors.person_health(person, timezone.localdate()),
        "vital": vital,
        "may_give_birth": vital_selectors.may_give_birth(person, vital, timezone.localdate()),
    }
    return render(request, "registry/person_detail.html", context)


def person_edit(request, pk: int):
    person = get_scoped_or_404(Person.objects.select_related("household"), request.user, pk=pk)
    access.require(access.can_edit_registry(request.user), access.READ_ONLY)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = services.person_save(user=request.user, person=person, fields=form.cleaned_data)
        messages.success(request, f"Data {person.nama} disimpan.")
        _warn_nik(request, [person])
        return redirect("person_detail", pk=person.pk)
    return render(request, "registry/person_form.html", {"form": form, "person": person})


def household_list(request):
    q = request.GET.get("q", "")
    households = selectors.household_search(user=request.user, q=q, posyandu_id=_posyandu_filter(request))
    context = {"page": page_of(request, households), "q": q}
    return render_page_or_partial(
        request, "registry/household_list.html", "registry/_household_rows.html", context
    )


def household_detail(request, pk: int):
    household = get_scoped_or_404(
        Household.objects.select_related("posyandu", "desa__kecamatan"), request.user, pk=pk
    )
    services.record_household_read(user=request.user, household=household)
    context = {
        "household": household,
        "members": household.members.order_by("tanggal_lahir"),
        "moves": household.moves.select_related("dari_posyandu", "ke_posyandu", "oleh"),
    }
    return render(request, "registry/household_detail.html", context)


def household_create(request):
    access.require(access.can_edit_registry(request.user), access.READ_ONLY)
    return _household_form(request, Household())


def household_edit(request, pk: int):
    household = get_scoped_or_404(Household.objects.all(), request.user, pk=pk)
    access.require(access.can_edit_registry(request.user), access.READ_ONLY)
    return _household_form(request, household)


def _household_form(request, household: Household):
    data = request.POST or None
    form = HouseholdForm(data, instance=household, user=request.user)
    members = MemberFormSet(data, instance=household, prefix="anggota", form_kwargs={"user": request.user})
    valid = request.method == "POST" and form.is_valid() and members.is_valid()
    confirmed = bool(request.POST.get("bukan_duplikat"))
    duplicates = _possible_duplicates(request.user, members) if valid and not confirmed else []
    if valid and not duplicates:
        household = services.household_save(
            user=request.user,
            household=household,
            fields=form.cleaned_data,
            members=[_member_values(f) for f in members.forms if f.has_changed()],
        )
        messages.success(request, "Data keluarga dan anggotanya disimpan.")
        _warn_nik(request, household.members.all())
        return redirect(_next_url(request) or reverse("household_detail", args=[household.pk]))
    context = {"form": form, "members": members, "household": household, "duplicates": duplicates}
    return render(request, "registry/household_form.html", context)


def _member_values(form) -> dict:
    """A member form's typed values, with the id of the member it changes (None: a newcomer)."""
    values = {k: v for k, v in form.cleaned_data.items() if k in services.PERSON_FIELDS}
    return {**values, "id": form.instance.pk}


def _possible_duplicates(user, members) -> list[tuple[str, list]]:
    """New members who may already be registered, as (name, [people]), for a warning."""
    rows = [f.cleaned_data for f in members.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    mothers = [
        r["nama"] for r in rows if r.get("jenis_kelamin") == "P" and r.get("hubungan") in selectors.MOTHERS
    ]
    mother = mothers[0] if mothers else ""
    newcomers = [r for r in rows if r.get("id") is None]
    newcomer_keys = [
        (r["nama"], r["tanggal_lahir"], mother if r.get("hubungan") == "anak" else "") for r in newcomers
    ]
    found = selectors.possible_duplicates(user=user, newcomers=newcomer_keys)
    return [(newcomers[i]["nama"], people) for i, people in sorted(found.items())]


def household_move(request, pk: int):
    household = get_scoped_or_404(Household.objects.select_related("posyandu"), request.user, pk=pk)
    access.require(access.can_edit_registry(request.user), access.READ_ONLY)
    form = HouseholdMoveForm(
        request.POST or None,
        household=household,
        choices=selectors.move_destinations(user=request.user, household=household),
        user=request.user,
        initial={"tanggal": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        move = services.household_move(
            household=household,
            to=form.cleaned_data["ke_posyandu"],
            on=form.cleaned_data["tanggal"],
            alasan=form.cleaned_data["alasan"],
            user=request.user,
        )
        messages.success(request, f"Keluarga dipindah ke {move.ke_posyandu}.")
        if selectors.visible(user=request.user, obj=household):
            return redirect("household_detail", pk=household.pk)
        return redirect("household_list")
    return render(request, "registry/household_move.html", {"form": form, "household": household})


def posyandu_list(request):
    return render(
        request, "registry/posyandu_list.html", {"posyandu_list": selectors.posyandu_list(user=request.user)}
    )


def posyandu_detail(request, pk: int):
    posyandu = get_scoped_or_404(
        Posyandu.objects.select_related("desa__kecamatan__kab_kota", "desa__puskesmas"),
        request.user,
        pk=pk,
    )
    context = {
        "posyandu": posyandu,
        "counts": selectors.posyandu_group_counts(posyandu=posyandu, on=timezone.localdate()),
        "next_opening": posyandu.jadwal.next_on_or_after(timezone.localdate()),
    }
    return render(request, "registry/posyandu_detail.html", context)


def _next_url(request) -> str | None:
    """Where to go back to after registering a newcomer on an opening day (same site only)."""
    return safe_target(request, request.GET.get("next"))


def _warn_nik(request, people) -> None:
    for person in people:
        for warning in person.nik_warnings:
            messages.warning(request, f"{person.nama}: {warning}")
