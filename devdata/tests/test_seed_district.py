"""The district generator at a small scale: deterministic, consistent with the app's rules."""

import io

from django.core.management import call_command
from django.db import transaction

from registry.models import Desa, Kecamatan, Person, Posyandu
from reports import selectors
from reports.period import Month
from visits.models import Dose, Measurement, Referral, Visit


def run(seed: int) -> str:
    out = io.StringIO()
    args = ["--puskesmas", "2", "--posyandu", "4", "--households", "60", "--months", "3", "--seed", str(seed)]
    call_command("seed_district", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        list(Person.objects.order_by("id").values_list("tanggal_lahir", "jenis_kelamin")),
        list(Measurement.objects.order_by("id").values_list("berat_kg", "kms", "two_t")),
    )


def test_small_district_is_generated_with_visits_kms_and_referrals(db):
    assert "4 Posyandu" in run(seed=7)
    assert Person.objects.count() > 200 and Visit.objects.count() > 100
    codes = set(Measurement.objects.exclude(kms="").values_list("kms", flat=True))
    assert {"B", "N"} <= codes
    assert Referral.objects.exists()
    assert Dose.objects.filter(tempat="buku_kia").exists()  # vitamin A only when the months hold a round
    ids = list(Posyandu.objects.values_list("pk", flat=True))
    skdn = selectors.skdn(posyandu_ids=ids, month=Month.of(Visit.objects.latest("tanggal").tanggal))
    assert all(row.d <= row.s for row in skdn.values())


class Rollback(Exception):
    pass


def test_same_seed_gives_the_same_district(db):
    try:
        with transaction.atomic():
            run(seed=3)
            first = snapshot()
            raise Rollback
    except Rollback:
        pass
    assert not Person.objects.exists()
    run(seed=3)
    assert snapshot() == first


def test_kecamatan_are_shared_by_puskesmas_as_in_a_large_kabupaten():
    from devdata.district import kecamatan_count

    assert [kecamatan_count(n) for n in (1, 2, 25, 101, 300)] == [1, 1, 10, 40, 99]


def test_more_than_99_puskesmas_fit_the_two_digit_kecamatan_code(db):
    out = io.StringIO()
    args = ["--puskesmas", "101", "--posyandu", "101", "--households", "101", "--months", "1"]
    call_command("seed_district", *args, stdout=out)
    assert "101 Posyandu" in out.getvalue()
    assert Kecamatan.objects.filter(kab_kota__kode="1899").count() == 40
    assert Desa.objects.filter(kecamatan__kab_kota__kode="1899").count() == 101


def test_births_deaths_and_departures_are_generated_and_nobody_is_visited_after_leaving(db, monkeypatch):
    from devdata import vital
    from registry.models import Birth, Death, Departure

    monkeypatch.setattr(vital, "INFANT_DEATHS_PER_BIRTH", 1.0)
    monkeypatch.setattr(vital, "LANSIA_DEATHS_PER_YEAR", 1.0)
    run(seed=5)
    births = list(Birth.objects.select_related("mother", "child"))
    assert births and all(b.mother.household_id == b.child.household_id for b in births)
    assert Death.objects.filter(person__in=[b.child for b in births]).exists()
    assert Departure.objects.exists()
    hb0 = {d.person_id: (d.tanggal, d.tempat) for d in Dose.objects.filter(antigen="HB0")}
    with_hb0 = [b for b in births if b.tanggal_hb0]
    assert with_hb0 and all(hb0[b.child_id] == (b.tanggal_hb0, "kelahiran") for b in with_hb0)
    for death in Death.objects.all():
        assert not Visit.objects.filter(person=death.person, tanggal__gt=death.tanggal).exists()
    for away in Departure.objects.filter(aktif_kembali__isnull=True):
        assert not Visit.objects.filter(person=away.person, tanggal__gt=away.tanggal).exists()


def test_a_hundred_puskesmas_share_40_kecamatan_with_valid_codes(db):
    out = io.StringIO()
    args = ["--puskesmas", "100", "--posyandu", "100", "--households", "100", "--months", "1"]
    call_command("seed_district", *args, stdout=out)
    assert "100 Posyandu" in out.getvalue()
    assert Kecamatan.objects.filter(kab_kota__kode="1899").count() == 40
    for desa in Desa.objects.all():
        desa.full_clean()
