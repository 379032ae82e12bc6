"""Reads from the registry, always through the user's area scope."""

import datetime as dt

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet

from . import identifiers, lifecycle
from .models import (
    AccessAction,
    AccessLog,
    Death,
    Departure,
    Desa,
    Household,
    KabKota,
    Person,
    Posyandu,
    Puskesmas,
)
from .scoping import scope


def person_search(*, user, q: str = "", posyandu_id: int | None = None) -> QuerySet[Person]:
    """People of the user's area matching a name, a NIK or a No. KK (prefix of the digits)."""
    people = scope(Person.objects.all(), user).select_related("household__posyandu", "household__desa")
    if posyandu_id:
        people = people.filter(household__posyandu_id=posyandu_id)
    q = q.strip()
    digits = identifiers.clean_digits(q)
    if digits.isdigit():
        people = people.filter(Q(nik__startswith=digits) | Q(household__no_kk__startswith=digits))
    elif q:
        people = people.filter(nama__icontains=q)
    return people.order_by("nama", "id")


def household_search(*, user, q: str = "", posyandu_id: int | None = None) -> QuerySet[Household]:
    """Households of the user's area by No. KK, address, or a member's name or NIK."""
    households = scope(Household.objects.all(), user).select_related("posyandu", "desa")
    if posyandu_id:
        households = households.filter(posyandu_id=posyandu_id)
    q = q.strip()
    digits = identifiers.clean_digits(q)
    if digits.isdigit():
        households = households.filter(
            Q(no_kk__startswith=digits) | Q(members__nik__startswith=digits)
        ).distinct()
    elif q:
        households = households.filter(Q(alamat__icontains=q) | Q(members__nama__icontains=q)).distinct()
    heads = Person.objects.filter(hubungan="kepala")
    return (
        households.annotate(jumlah_anggota=Count("members", distinct=True))
        .prefetch_related(Prefetch("members", queryset=heads, to_attr="heads"))
        .order_by("alamat", "id")
    )


def posyandu_list(*, user) -> QuerySet[Posyandu]:
    return (
        scope(Posyandu.objects.all(), user)
        .select_related("desa__kecamatan", "desa__puskesmas")
        .annotate(jumlah_keluarga=Count("households", distinct=True))
        .order_by("desa__nama", "nama")
    )


def lifecycle_q(group: lifecycle.Group, on: dt.date, prefix: str = "") -> Q:
    """A filter on Person rows (through `prefix`) equal to lifecycle.lifecycle_groups()."""
    rules = lifecycle.RULES
    if group == lifecycle.Group.IBU_HAMIL:
        return _pregnant_q(on, prefix)
    if group == lifecycle.Group.IBU_NIFAS_MENYUSUI:
        since = on - dt.timedelta(days=rules.menyusui_days)
        pregnant_again = Q(
            **{f"{prefix}hpht__gt": F(f"{prefix}tanggal_persalinan"), f"{prefix}hpht__lte": on}
        )
        return (
            Q(**{f"{prefix}jenis_kelamin": "P"})
            & Q(**{f"{prefix}tanggal_persalinan__lte": on, f"{prefix}tanggal_persalinan__gte": since})
            & ~pregnant_again
        )
    earliest, latest = lifecycle.age_band(group, on)
    q = Q(**{f"{prefix}tanggal_lahir__lte": latest})
    return q & Q(**{f"{prefix}tanggal_lahir__gte": earliest}) if earliest else q


def counted_in_month_q(first: dt.date, last: dt.date, prefix: str = "") -> Q:
    """Person rows (through `prefix`) still counted in the month first..last: not dead before
    its first day, not departed before it unless back by its last day. The one rule, used by
    S/K, the sasaran counts and the not-yet-seen list (lifecycle.not_counted_from)."""
    # NOT EXISTS: PostgreSQL makes it an anti-join on the person index of deaths and departures,
    # so a Posyandu's people are still found through the household index (2 ms at 720,000
    # people). An uncorrelated NOT IN was costed per row and made it scan every person of the
    # district instead (300 ms to 1.4 s a list; bench/pages.py at --households 180000).
    dead = Death.objects.filter(tanggal__lt=first).values("person_id")
    gone = Departure.objects.filter(tanggal__lt=first).filter(
        Q(aktif_kembali__isnull=True) | Q(aktif_kembali__gt=last)
    )
    ref = OuterRef(f"{prefix}pk")
    return ~Q(Exists(dead.filter(person_id=ref))) & ~Q(Exists(gone.filter(person_id=ref)))


def present_on_q(day: dt.date, prefix: str = "") -> Q:
    """Person rows still here on `day`: not dead on or before it, not departed on or before it
    unless back by then. For the lists a kader acts on (home visits, DOFU, sweeping), where a
    child who died this month must not be visited; counts use counted_in_month_q."""
    return counted_in_month_q(day + dt.timedelta(days=1), day, prefix)


def _pregnant_q(on: dt.date, prefix: str) -> Q:
    rules = lifecycle.RULES
    f = lambda name: f"{prefix}{name}"  # noqa: E731
    ongoing = (
        Q(**{f("tanggal_persalinan__isnull"): True}) | Q(**{f("tanggal_persalinan__lt"): F(f("hpht"))})
    ) & Q(**{f("hpht__gte"): on - dt.timedelta(days=rules.max_pregnancy_days)})
    before_birth = Q(**{f("tanggal_persalinan__gte"): F(f("hpht")), f("tanggal_persalinan__gt"): on})
    return Q(**{f("jenis_kelamin"): "P", f("hpht__lte"): on}) & (ongoing | before_birth)


def posyandu_group_counts(*, posyandu: Posyandu, on: dt.date) -> list[tuple[lifecycle.Group, int]]:
    """How many registered people of a Posyandu are in each life-cycle group on a date."""
    first = on.replace(day=1)
    last = lifecycle.not_counted_from(on) - dt.timedelta(days=1)
    people = Person.objects.filter(household__posyandu=posyandu).filter(counted_in_month_q(first, last))
    totals = people.aggregate(
        **{group.value: Count("pk", filter=lifecycle_q(group, on)) for group in lifecycle.Group}
    )
    return [(group, totals[group.value]) for group in lifecycle.Group]


def move_destinations(*, user, household: Household) -> QuerySet[Posyandu]:
    """Posyandu a household may move to: the user's area and the rest of its Puskesmas."""
    puskesmas_id = household.posyandu.desa.puskesmas_id
    in_scope = scope(Posyandu.objects.all(), user).values("pk")
    return Posyandu.objects.filter(Q(desa__puskesmas_id=puskesmas_id) | Q(pk__in=in_scope)).order_by("nama")


MOTHERS = ("kepala", "pasangan")  # Relation.KEPALA, Relation.SUAMI_ISTRI: who a child's mother is


def possible_duplicates(*, user, newcomers: list[tuple[str, dt.date, str]]) -> dict[int, list[Person]]:
    """People of the user's area who may already be a newcomer (nama, tanggal lahir, ibu): the
    same name and birth date, or a child born the same day to a mother of the same name.
    By the newcomer's index; two queries whatever the number of newcomers."""
    wanted = Q()
    for nama, born, mother in newcomers:
        wanted |= Q(nama__iexact=nama, tanggal_lahir=born)
        if mother:
            in_family = {"members__nama__iexact": mother, "members__hubungan__in": MOTHERS,
                         "members__jenis_kelamin": "P"}  # fmt: skip
            same_mother = Household.objects.filter(**in_family).values("pk")
            wanted |= Q(tanggal_lahir=born, hubungan="anak", household__in=same_mother)
    if not newcomers:
        return {}
    found = scope(Person.objects.filter(wanted), user).distinct().prefetch_related("household__members")
    result: dict[int, list[Person]] = {}
    for person in found:
        for i, (nama, born, mother) in enumerate(newcomers):
            if person.tanggal_lahir == born and (
                person.nama.lower() == nama.lower() or _child_of(person, mother)
            ):
                result.setdefault(i, []).append(person)
    return result


def _child_of(person: Person, mother: str) -> bool:
    return (
        bool(mother)
        and person.hubungan == "anak"
        and any(
            m.nama.lower() == mother.lower() and m.jenis_kelamin == "P" and m.hubungan in MOTHERS
            for m in person.household.members.all()
        )
    )


def visible(*, user, obj) -> bool:
    """Whether `obj` lies in the user's area."""
    return scope(type(obj).objects.filter(pk=obj.pk), user).exists()


def posyandu_choices(*, user) -> QuerySet[Posyandu]:
    """The Posyandu a user may pick in a filter or a form, by name."""
    return scope(Posyandu.objects.select_related("desa").order_by("nama"), user)


def puskesmas_choices(*, user) -> QuerySet[Puskesmas]:
    """The Puskesmas a user may pick in a filter, by name."""
    return scope(Puskesmas.objects.order_by("nama"), user)


def kab_kota_choices(*, user) -> QuerySet[KabKota]:
    """The Kab/Kota a user may pick, by name."""
    return scope(KabKota.objects.order_by("nama"), user)


def household_members(person: Person) -> QuerySet[Person]:
    """The other members of the person's household, eldest first."""
    return person.household.members.exclude(pk=person.pk).order_by("tanggal_lahir")


def access_log_rows(*, user, action: str = "") -> QuerySet[AccessLog]:
    """The access log of the user's area, newest first, of one action (AccessAction) if it names one."""
    rows = scope(AccessLog.objects.select_related("user", "person", "household", "posyandu"), user)
    return rows.filter(action=action) if action in AccessAction.values else rows


def desa_choices(*, user) -> QuerySet[Desa]:
    return scope(Desa.objects.all(), user)


def person_with_nik(nik: str, *, besides: int | None) -> Person | None:
    """Who already holds `nik`, other than person `besides` (the one being edited)."""
    return Person.objects.select_related("household").filter(nik=nik).exclude(pk=besides).first()


def household_with_no_kk(no_kk: str, *, besides: int | None) -> Household | None:
    """Which household already holds `no_kk`, other than `besides` (the one being edited)."""
    return Household.objects.filter(no_kk=no_kk).exclude(pk=besides).first()
