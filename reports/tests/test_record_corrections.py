"""Life-cycle records saved outside a visit (registry.models.RecordChange) on tutup bulan and
usang recaps, on hand-made data.

Mawar (Puskesmas A): Citra gave birth on 1 August 2026, Ani is pregnant (HPHT 1 March 2026),
child X was born 10 September 2025. Anggrek (Puskesmas B): child Y born 1 May 2026. August
is closed on CLOSED (version 1); then, a week later, a dose of X, Citra's KF2 and Ani's MT
are typed in for August, one hour apart.
"""

import datetime as dt

import pytest
from django.urls import reverse

from registry import services as registry_services
from registry.models import ChangeKind, RecordChange, Relation
from reports import closing, staleness, tasks
from reports import services as report_services
from reports.models import Recap, RecapKind
from reports.period import Month
from tests.factories import child_in, make_household, make_person
from visits import immunisation_services, pregnancy_services

AUG, SEP = Month(2026, 8), Month(2026, 9)
D = dt.date
UTC = dt.UTC
CLOSED = dt.datetime(2026, 9, 5, 9, 0, tzinfo=UTC)
TYPED = dt.datetime(2026, 9, 12, 9, 0, tzinfo=UTC)  # the dose; KF2 an hour later, MT two
RECLOSED = dt.datetime(2026, 9, 14, 9, 0, tzinfo=UTC)
HOUR = dt.timedelta(hours=1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SESSION_IDLE_MINUTES = 60 * 24 * 365  # the clock jumps days within one session


def woman(world, nama, hpht):
    household = make_household(world.a.posyandu)
    ibu = make_person(household, nama=nama, hubungan=Relation.KEPALA, jenis_kelamin="P",
                      tanggal_lahir=D(1995, 1, 1))  # fmt: skip
    values = {"hpht": hpht, "gravida": 1, "para": 0, "abortus": 0}
    return pregnancy_services.pregnancy_open(user=world.users["staff_a"], ibu=ibu, values=values)


@pytest.fixture
def people(clock, world):
    staff = world.users["staff_a"]
    citra = woman(world, "Citra", D(2025, 11, 20))
    outcome = {"hasil": "lahir_hidup", "tanggal_hasil": D(2026, 8, 1), "berat_lahir_gram": 3000}
    baby = {"nama": "Bayi Citra", "jenis_kelamin": "P", "berat_lahir_gram": 3000, "tempat": "rumah",
            "penolong": "bidan"}  # fmt: skip
    pregnancy_services.pregnancy_close(user=staff, kehamilan=citra, values=outcome, baby=baby)
    citra.refresh_from_db()
    ani = woman(world, "Ani", D(2026, 3, 1))
    x = child_in(world.a.posyandu, nama="Anak X", tanggal_lahir=D(2025, 9, 10))
    y = child_in(world.b.posyandu, nama="Anak Y", tanggal_lahir=D(2026, 5, 1))
    return {"citra": citra, "ani": ani, "x": x, "y": y}


def dose(world, person, antigen, day, user="staff_a"):
    return immunisation_services.dose_add(
        person=person, antigen=antigen, tanggal=day, tempat="buku_kia", user=world.users[user]
    )


def type_in_august(clock, world, people):
    staff = world.users["staff_a"]
    clock.move_to(TYPED)
    dose(world, people["x"], "MR1", D(2026, 8, 12))
    clock.move_to(TYPED + HOUR)
    pregnancy_services.postnatal_add(
        user=staff, kehamilan=people["citra"], values={"jenis": "KF2", "tanggal": D(2026, 8, 5)}
    )
    clock.move_to(TYPED + 2 * HOUR)
    pregnancy_services.mt_add(
        user=staff, kehamilan=people["ani"], values={"tanggal": D(2026, 8, 20), "hari": 30}
    )


def close(world, when, clock):
    clock.move_to(when)
    return report_services.close_month(puskesmas=world.pkm_a, month=AUG, user=world.users["staff_a"])


def corrections(world, user="staff_a"):
    user = world.users[user]
    versions = closing.month_versions(puskesmas=world.pkm_a, month=AUG, user=world.users["staff_a"])
    return closing.corrections_after_closing(puskesmas=world.pkm_a, month=AUG, user=user, versions=versions)


def listed(rows):
    return [
        (r.entry.keterangan, r.entry.jenis, r.entry.posyandu.nama, r.after_version, r.included) for r in rows
    ]


def august_corrected(world, user="staff_a"):
    rows = closing.month_rows(puskesmas=world.pkm_a, months=[AUG, SEP], user=world.users[user])
    return {row.month: row.corrected for row in rows}


def test_records_typed_in_after_closing_are_listed_newest_first_and_mark_the_month(clock, world, people):
    close(world, CLOSED, clock)
    assert corrections(world) == [] and august_corrected(world) == {AUG: False, SEP: False}
    type_in_august(clock, world, people)
    clock.move_to(TYPED + 3 * HOUR)
    # Not August's: a Td dose dated in September, and a dose of Puskesmas B's child
    pregnancy_services.td_dose_add(user=world.users["staff_a"], person=people["ani"].ibu, dosis=1,
                                   tanggal=D(2026, 9, 1))  # fmt: skip
    dose(world, people["y"], "DPT-HB-Hib1", D(2026, 8, 5), user="staff_b")
    assert listed(corrections(world)) == [
        ("MT 30 hari mulai 20-08-2026 dicatat", ChangeKind.MT, "Mawar", 1, False),
        ("KF2 05-08-2026 dicatat", ChangeKind.NIFAS, "Mawar", 1, False),
        ("Imunisasi MR1 12-08-2026 dicatat", ChangeKind.DOSIS, "Mawar", 1, False),
    ]
    assert august_corrected(world) == {AUG: True, SEP: False}  # September is not closed

    close(world, RECLOSED, clock)
    assert [(r.after_version, r.included) for r in corrections(world)] == [(1, True)] * 3
    assert august_corrected(world) == {AUG: False, SEP: False}


def test_records_saved_before_closing_are_not_corrections(clock, world, people):
    clock.move_to(CLOSED - HOUR)
    dose(world, people["x"], "MR1", D(2026, 8, 12))
    close(world, CLOSED, clock)
    assert corrections(world) == [] and august_corrected(world)[AUG] is False


@pytest.mark.parametrize("name", ["staff_b", "dinkes_2", "kader_b"])
def test_another_areas_user_sees_no_entries(clock, world, people, name):
    close(world, CLOSED, clock)
    type_in_august(clock, world, people)
    assert corrections(world, name) == []
    assert august_corrected(world, name)[AUG] is False


def test_the_page_shows_what_changed_and_names_only_to_staff(clock, world, people, login):
    close(world, CLOSED, clock)
    type_in_august(clock, world, people)
    params = {"puskesmas": world.pkm_a.pk, "bulan": "2026-08"}
    html = login("staff_a").get(reverse("month_closing"), params).content.decode()
    assert "Koreksi setelah tutup bulan" in html and "ada koreksi setelah tutup bulan" in html
    assert "KF2 05-08-2026 dicatat, oleh staff_a · setelah versi 1 (belum masuk snapshot)" in html
    assert ">Imunisasi MR1 12-08-2026 dicatat, oleh staff_a" in html and "Mawar · Anak X" in html
    dinkes = login("dinkes_1").get(reverse("month_closing"), params).content.decode()
    assert "Imunisasi MR1 12-08-2026 dicatat" in dinkes and "Anak X" not in dinkes
    assert login("staff_b").get(reverse("month_closing"), params).status_code == 404


def test_each_service_logs_its_record_with_the_month_and_posyandu_it_counts_in(clock, world, people):
    staff = world.users["staff_a"]
    clock.move_to(TYPED)
    pregnancy_services.contact_add(user=staff, kehamilan=people["ani"],
                                   values={"ke": 1, "tanggal": D(2026, 8, 3), "oleh": "bidan"})  # fmt: skip
    pregnancy_services.td_dose_add(user=staff, person=people["ani"].ibu, dosis=1, tanggal=D(2026, 8, 3))
    registry_services.death_record(person=world.a2.person, by=staff, tanggal=D(2026, 8, 30),
                                   tempat="rumah", sebab="sakit")  # fmt: skip
    mover = world.a.person
    registry_services.departure_record(person=mover, by=staff, jenis="pindah", tanggal=D(2026, 9, 1),
                                       alasan="kerja")  # fmt: skip
    rows = RecordChange.objects.filter(at=TYPED).order_by("id")
    assert [(r.jenis, r.keterangan, r.tanggal, r.posyandu.nama, r.person_id) for r in rows] == [
        (ChangeKind.KONTAK, "Kontak ANC K1 03-08-2026 dicatat", D(2026, 8, 3), "Mawar", people["ani"].ibu_id),
        (ChangeKind.TD, "Imunisasi Td T1 03-08-2026 dicatat", D(2026, 8, 3), "Mawar", people["ani"].ibu_id),
        (ChangeKind.KEMATIAN, "Kematian 30-08-2026 dicatat", D(2026, 8, 30), "Melati", world.a2.person.pk),
        (ChangeKind.PINDAH, "Pindah keluar wilayah 01-09-2026 dicatat", D(2026, 9, 1), "Mawar", mover.pk),
    ]
    births = RecordChange.objects.filter(jenis__in=[ChangeKind.KELAHIRAN, ChangeKind.KEHAMILAN])
    assert sorted(births.values_list("keterangan", flat=True)) == [
        "Hasil kehamilan lahir hidup 01-08-2026 dicatat",
        "Kehamilan baru HPHT 01-03-2026 dicatat",
        "Kehamilan baru HPHT 20-11-2025 dicatat",
        "Kelahiran 01-08-2026 dicatat",
    ]


def test_a_dose_counts_where_the_household_lived_at_the_months_end(clock, world, people):
    clock.move_to(TYPED)
    x = people["x"]
    registry_services.household_move(household=x.household, to=world.b.posyandu, on=D(2026, 9, 3),
                                     user=world.users["staff_a"])  # fmt: skip
    x.refresh_from_db()
    dose(world, x, "MR1", D(2026, 8, 12), user="admin")
    dose(world, x, "DPT-HB-Hib1", D(2026, 9, 4), user="admin")
    doses = RecordChange.objects.filter(jenis=ChangeKind.DOSIS).order_by("tanggal")
    assert [(r.tanggal, r.posyandu.nama) for r in doses] == [
        (D(2026, 8, 12), "Mawar"),
        (D(2026, 9, 4), "Anggrek"),
    ]


def build_recap(world, area=None):
    recap, _ = tasks.request_recap(kind=RecapKind.PUSKESMAS, area=area or world.pkm_a, month=AUG)
    return report_services.build(recap.pk)


def stale():
    return {
        r.puskesmas.nama for r in Recap.objects.filter(pk__in=staleness.stale_recap_ids(Recap.objects.all()))
    }


def test_a_dose_for_an_open_month_after_the_recap_was_built_makes_it_usang(clock, world, people):
    build_recap(world)
    build_recap(world, world.pkm_b)
    assert stale() == set()
    clock.move_to(TYPED)
    dose(world, people["x"], "MR1", D(2026, 8, 12))
    assert stale() == {"Puskesmas A"}


def test_a_dose_for_another_month_or_puskesmas_leaves_the_recap_current(clock, world, people):
    build_recap(world)
    clock.move_to(TYPED)
    dose(world, people["x"], "MR1", D(2026, 9, 1))  # September's
    dose(world, people["y"], "DPT-HB-Hib1", D(2026, 8, 5), user="staff_b")  # Puskesmas B's
    assert stale() == set()


def test_a_closed_months_recap_is_usang_only_once_the_dose_is_closed_in(clock, world, people):
    close(world, CLOSED, clock)
    clock.move_to(CLOSED + HOUR)
    build_recap(world)
    clock.move_to(TYPED)
    dose(world, people["x"], "MR1", D(2026, 8, 12))
    assert stale() == set()  # the recap reads snapshot version 1
    close(world, RECLOSED, clock)
    assert stale() == {"Puskesmas A"}
