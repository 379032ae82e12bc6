"""The Django-free rules of the home-visit list, on hand-made values with their boundaries."""

import datetime as dt
from types import SimpleNamespace

from registry.lifecycle import Group
from visits import home_visit_reasons as hv
from visits.rules import Subject

ON = dt.date(2026, 11, 16)


def adult(years: int, sex: str = "L") -> Subject:
    return Subject(dt.date(ON.year - years, 1, 1), ON, sex)


def ptm(subject, sistol=None, diastol=None, gula=None, berat=None, tinggi=None):
    return hv.ptm_findings(
        subject, sistol=sistol, diastol=diastol, gula_darah=gula, berat_kg=berat, tinggi_cm=tinggi
    )


def test_gizi_problems_name_each_finding():
    assert hv.gizi_problems(two_t=True, bgm=False, status_pbu="Normal", status_bbpb="Gizi baik") == ["2T"]
    assert hv.gizi_problems(two_t=False, bgm=True, status_pbu="Sangat pendek", status_bbpb="Gizi buruk") == [
        "BGM",
        "stunting (sangat pendek)",
        "gizi buruk",
    ]
    assert hv.gizi_problems(two_t=False, bgm=False, status_pbu="Pendek", status_bbpb="Gizi kurang") == [
        "stunting (pendek)",
        "gizi kurang",
    ]


def test_gizi_problems_none_for_a_normal_or_unmeasured_child():
    assert (
        hv.gizi_problems(two_t=False, bgm=False, status_pbu="Normal", status_bbpb="Berisiko gizi lebih") == []
    )
    assert hv.gizi_problems(two_t=False, bgm=False, status_pbu="", status_bbpb="") == []


def test_adult_blood_pressure_from_140_or_90():
    assert ptm(adult(40), 140, 80) == ["TD 140/80"]
    assert ptm(adult(40), 120, 90) == ["TD 120/90"]
    assert ptm(adult(40), 139, 89) == []


def test_adolescent_blood_pressure_by_tabel_15_from_15_years():
    assert ptm(adult(16), 130, 70) == ["TD 130/70"]  # hipertensi tingkat 1 at 13–17 (L3107)
    assert ptm(adult(16), 125, 75) == []
    assert ptm(adult(14), 150, 95) == []  # under 15: no PTM follow-up


def test_gula_darah_from_200():
    assert ptm(adult(40), gula=200) == ["gula darah 200 mg/dL"]
    assert ptm(adult(40), gula=199) == []


def test_imt_from_25_for_adults_only():
    assert ptm(adult(40), berat=64, tinggi=160) == ["IMT 25,0"]  # 64 / 1,6² = 25,0
    assert ptm(adult(40), berat=63.9, tinggi=160) == []  # 24,96
    assert ptm(adult(17), berat=80, tinggi=160) == []  # IMT/U applies under 18, not IMT ≥ 25


def test_month_start():
    assert hv.month_start(dt.date(2028, 2, 29)) == dt.date(2028, 2, 1)


def _rows():
    people = {
        1: SimpleNamespace(name="Ani"),
        2: SimpleNamespace(name="Budi"),
        3: SimpleNamespace(name="Citra"),
    }
    found = [
        hv.Found(2, "belum_datang", "Belum ada kunjungan bulan ini"),
        hv.Found(1, "belum_datang", "Belum ada kunjungan bulan ini"),
        hv.Found(1, "tanda_bahaya", "Tanda bahaya dicatat 01-11-2026"),
        hv.Found(1, "rujukan", "Dirujuk 01-11-2026: BGM"),
        hv.Found(1, "rujukan", "Dirujuk 02-11-2026: TD"),  # a second referral: the first text stays
    ]
    outcomes = {(1, "belum_datang"): "ditutup"}
    groups = {1: [Group.IBU_HAMIL], 2: [Group.LANSIA], 3: [Group.USIA_DEWASA]}
    rows = hv.build_rows(
        found, people, outcomes, lambda p: groups[next(k for k, v in people.items() if v is p)]
    )
    return rows, people


def test_build_rows_one_row_a_person_with_reasons_in_list_order():
    rows, people = _rows()
    assert [row.person for row in rows] == [people[1], people[2]]  # Citra has no reason
    assert [line.kode for line in rows[0].reasons] == ["tanda_bahaya", "rujukan", "belum_datang"]
    assert rows[0].reasons[1].text == "Dirujuk 01-11-2026: BGM"
    assert [line.is_open for line in rows[0].reasons] == [True, True, False]


def test_filter_rows_by_status_reason_and_group():
    rows, people = _rows()
    open_rows = hv.filter_rows(rows, status=hv.OPEN)
    assert [[line.kode for line in row.reasons] for row in open_rows] == [
        ["tanda_bahaya", "rujukan"],
        ["belum_datang"],
    ]
    closed = hv.filter_rows(rows, status=hv.CLOSED)
    assert [(row.person, [line.kode for line in row.reasons]) for row in closed] == [
        (people[1], ["belum_datang"])
    ]
    assert [row.person for row in hv.filter_rows(rows, kode="belum_datang", status=hv.ALL)] == [
        people[1],
        people[2],
    ]
    assert [row.person for row in hv.filter_rows(rows, group=Group.LANSIA, status=hv.ALL)] == [people[2]]
    assert hv.filter_rows(rows, kode="gizi", status=hv.ALL) == []


def test_remaja_putri_anemia_below_12_from_10_to_17_years():
    assert hv.remaja_anemia(adult(15, "P"), 11.9)
    assert not hv.remaja_anemia(adult(15, "P"), 12.0)
    assert hv.remaja_anemia(adult(10, "P"), 9.0)
    assert not hv.remaja_anemia(adult(18, "P"), 9.0)
    assert not hv.remaja_anemia(adult(9, "P"), 9.0)
    assert not hv.remaja_anemia(adult(15, "L"), 9.0)
    assert not hv.remaja_anemia(adult(15, "P"), None)
