"""Demo data for the home-visit list: in every Posyandu two households whose members are on the
list for each reason (danger sign, nifas, newborn, referral, 2T, PTM, remaja anemia, TBC suspect
and contact), recorded as home visits through the services, and one reason already closed."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from registry.models import Household, Person, Posyandu, Relation
from visits import home_visit_selectors, services
from visits.demo import _months_back
from visits.home_visit_services import home_visit_close


def _person(household: Household, nama: str, sex: str, born: dt.date, hubungan: str, **extra) -> Person:
    person = Person(
        household=household, nama=nama, jenis_kelamin=sex, tanggal_lahir=born, hubungan=hubungan, **extra
    )
    person.full_clean()
    person.save()
    return person


def _home_visit(person: Person, day: dt.date, meja: int, user, **data) -> None:
    visit = services.visit_register(person=person, user=user, tanggal=day)
    services.record_save(visit=visit, meja=meja, data=data, user=user, version=None)


def _household(posyandu: Posyandu, n: int) -> Household:
    return Household.objects.create(
        no_kk=f"9{posyandu.pk:07d}{n:08d}",
        alamat=f"Gg. Kenari No. {n}",
        rt="004",
        desa=posyandu.desa,
        posyandu=posyandu,
    )


def _tbc_family(posyandu: Posyandu, today: dt.date, user) -> None:
    home = _household(posyandu, 1)
    day = lambda days: today - dt.timedelta(days=days)  # noqa: E731
    father = _person(home, "Hartono Susilo", "L", day(41 * 365), Relation.KEPALA)
    mother = _person(home, "Marni Susilo", "P", day(29 * 365), Relation.SUAMI_ISTRI, hpht=day(24 * 7))
    child = _person(home, "Bayu Susilo", "L", day(400), Relation.ANAK)
    _person(home, "Tari Susilo", "P", day(9 * 365), Relation.ANAK)  # kontak serumah, not yet screened
    _home_visit(father, day(20), 5, user, gejala_tbc=["batuk_2_minggu", "keringat_malam"])
    _home_visit(mother, day(5), 5, user, tanda_bahaya=True)
    for back, weight in ((3, 9.4), (2, 9.3), (1, 9.2)):  # weight lost two months running: 2T
        _home_visit(child, dt.date(*_months_back(today, back), 10), 2, user, berat_kg=weight, cara_ukur=1)


def _nifas_family(posyandu: Posyandu, today: dt.date, user) -> Person:
    home = _household(posyandu, 2)
    day = lambda days: today - dt.timedelta(days=days)  # noqa: E731
    grandfather = _person(home, "Sutrisno", "L", day(52 * 365), Relation.KEPALA)
    _person(
        home, "Wulan Sari", "P", day(24 * 365), Relation.ANAK, hpht=day(8 + 275), tanggal_persalinan=day(8)
    )
    baby = _person(home, "Bayi Ny. Wulan", "P", day(8), Relation.CUCU)
    dinda = _person(home, "Dinda Lestari", "P", day(14 * 365), Relation.ANAK)
    _home_visit(dinda, dt.date(*_months_back(today, 1), 12), 2, user, hb=10.8)
    _home_visit(
        grandfather, dt.date(*_months_back(today, 1), 10), 2, user, sistol=160, diastol=100, gula_darah=230
    )
    return baby


@transaction.atomic
def build_home_visit_cases(*, today: dt.date) -> None:
    user = get_user_model().objects.get(username="admin")
    for posyandu in Posyandu.objects.select_related("desa"):
        _tbc_family(posyandu, today, user)
        baby = _nifas_family(posyandu, today, user)
        reason = home_visit_selectors.person_reason(person=baby, kode="neonatal_kn", on=today)
        if reason:
            home_visit_close(
                person=baby,
                reason=reason,
                tanggal=today,
                user=user,
                hasil="tidak_ditemui",
                catatan="Ibu dan bayi di rumah nenek; datang lagi minggu depan",
            )
