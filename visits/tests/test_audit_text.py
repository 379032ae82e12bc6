"""The visit history reads like a register: labels, units, ya/tidak, rounded z, no lists."""

import datetime as dt

import pytest
import time_machine

from visits.models import AuditEntry
from visits.results.audit_text import Change, readable_changes


def test_measurement_changes_read_with_labels_units_and_rounded_z():
    entry = AuditEntry(
        meja=2,
        before={"berat_kg": "9.00", "cara_ukur": 0, "z_bbu": -1.23456, "umur_hari": 400, "bgm": False},
        after={"berat_kg": "9.20", "cara_ukur": 1, "z_bbu": -1.0049, "umur_hari": 400, "bgm": True,
               "implausible": "bbpb", "status_bbu": "Berat badan normal"},
    )  # fmt: skip
    assert readable_changes(entry) == [
        Change("Berat badan (kg)", "9,00", "9,20"),
        Change("Cara ukur", "Sesuai umur", "Berbaring (PB)"),
        Change("Z-score BB/U", "-1,23", "-1,00"),
        Change("Status BB/U", "–", "Berat badan normal"),
        Change("BGM", "tidak", "ya"),
    ]


def test_care_lists_and_yes_no_read_as_words():
    entry = AuditEntry(
        meja=5,
        before={"imunisasi": [], "asi_eksklusif": None, "gejala_tbc": []},
        after={"imunisasi": ["BCG", "OPV1"], "asi_eksklusif": True, "gejala_tbc": ["demam", "sesak"],
               "vitamin_a": "merah"},
    )  # fmt: skip
    assert readable_changes(entry) == [
        Change("Imunisasi diberikan", "–", "BCG, OPV1"),
        Change("Vitamin A", "–", "Merah (200.000 IU, 12–59 bulan)"),
        Change("ASI eksklusif", "–", "ya"),
        Change("Gejala TBC", "–", "Demam lama, Sesak napas"),
    ]


def test_queue_removal_reads_as_words():
    entry = AuditEntry(meja=1, before={"antrean": "masuk"}, after={"antrean": "dihapus"})
    assert readable_changes(entry) == [Change("Antrean", "di antrean", "dihapus dari antrean")]


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC), tick=False)
def test_visit_page_shows_the_readable_history(login, world):
    from visits import services

    user = world.users["kader_a"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=dt.date(2026, 11, 15), user=user)
    visit = services.visit_register(person=world.a.person, opening_day=day, user=user)
    services.record_save(visit=visit, meja=2, data={"sistol": 120, "diastol": 80}, user=user, version=None)
    html = login("kader_a").get(f"/kunjungan/{visit.pk}/").content.decode()
    assert "<td>Tekanan darah sistol (mmHg)</td><td>–</td><td>120</td>" in html
    assert "sistol " not in html.replace("darah sistol", "")  # no raw field names


def test_a_first_save_lists_what_was_entered_not_the_defaults():
    entry = AuditEntry(
        meja=2,
        before={},
        after={"berat_kg": "54.00", "cara_ukur": 0, "bgm": False, "status_bbu": "", "kms": ""},
    )
    assert readable_changes(entry) == [Change("Berat badan (kg)", "–", "54,00")]
