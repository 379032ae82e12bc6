"""Scoring a round on hand-made data: pre-fill from the data, override with a reason, weighted
totals and ranking with ties, exports, pembinaan; nothing half-saved."""

import datetime as dt
from fractions import Fraction

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from kader.models import Kader
from pembinaan import prefill, selectors, services
from pembinaan.models import Coaching, PosyanduScore
from tests.factories import make_area

from .conftest import criteria

D = dt.date
TODAY = D(2026, 11, 16)
JAKARTA = dt.timezone(dt.timedelta(hours=7))


def all_fours(**other) -> dict[int, tuple[int, str]]:
    """Every criterion 4, except those given as kode=(skor, alasan)."""
    return {c.pk: other.get(kode, (4, "")) for kode, c in criteria().items()}


def score(round, posyandu, user, **other):
    return services.scores_save(
        user=user, round=round, posyandu=posyandu, scores=all_fours(**other), today=TODAY
    )


def test_the_default_instrument_weighs_100_and_names_its_data_sources(db):
    found = criteria()
    assert sum(c.bobot for c in found.values()) == 100
    assert {c.data_source for c in found.values()} - {""} == set(prefill.SOURCES)


def test_prefill_reads_opening_days_and_cumulative_d_s(world, weigh, child):
    mawar = world.a.posyandu
    weighed, never = child(mawar), child(mawar)
    for month, kg in [(1, "8.0"), (2, "8.5"), (3, "9.0")]:
        weigh(weighed, mawar, D(2026, month, 10), kg)
    assert never.pk  # in S every month, never in D
    found = prefill.prefill(codes={"hari_buka", "ds"}, posyandu_ids=[mawar.pk], year=2026, today=TODAY)
    # 3 opening days → 1 (4 are needed for 2); D/S = (1+1+1) / (2+2+2) = 50% → 3 (50% for 3)
    assert found[mawar.pk, "hari_buka"] == prefill.Prefill("3 kali", 1)
    assert found[mawar.pk, "ds"] == prefill.Prefill("50,0%", 3)


def test_a_score_different_from_the_data_needs_a_reason_and_nothing_is_half_saved(world, round_a):
    mawar, staff = world.a.posyandu, world.users["staff_a"]
    hari_buka = criteria()["hari_buka"]  # no opening day in 2026: the data says 0 kali → 1
    with pytest.raises(ValidationError) as refused:
        score(round_a, mawar, staff, hari_buka=(4, "  "))
    assert f"alasan_{hari_buka.pk}" in refused.value.message_dict
    assert "skor data 1" in refused.value.message_dict[f"alasan_{hari_buka.pk}"][0]
    assert PosyanduScore.objects.count() == 0  # the 13 valid criteria were not saved either
    score(round_a, mawar, staff, hari_buka=(4, "Register kertas: 12 kali buka"))
    saved = PosyanduScore.objects.get(criterion=hari_buka)
    assert (saved.skor, saved.skor_data, saved.nilai_data) == (4, 1, "0 kali")
    assert saved.alasan == "Register kertas: 12 kali buka"


def test_weighted_totals_and_ranking_with_a_tie(world, round_kab):
    dinkes = world.users["dinkes_1"]
    # hari_buka (bobot 10) agrees with the data (1); every other criterion 4: (4·90 + 1·10) / 400
    score(round_kab, world.a.posyandu, dinkes, hari_buka=(1, ""))
    # ds (bobot 10) 1, manual since no month opened; hari_buka 1 as the data: (4·80 + 10 + 10) / 400
    score(round_kab, world.a2.posyandu, dinkes, hari_buka=(1, ""), ds=(1, ""))
    # sarana (bobot 10) 2 as well: (4·80 + 10 + 20) / 400
    score(round_kab, world.b.posyandu, dinkes, hari_buka=(1, ""), sarana=(2, ""))
    _, rows = selectors.ranking(round=round_kab, user=dinkes)
    got = [(r.posyandu.nama, r.total, r.rank) for r in rows]
    assert got == [
        ("Mawar", Fraction(925, 10), 1),
        ("Anggrek", Fraction(875, 10), 2),
        ("Melati", Fraction(85), 3),
    ]
    assert [r.gaps for r in rows] == [["hari_buka"], ["sarana", "hari_buka"], ["hari_buka", "ds"]]


def test_equal_totals_share_a_rank(world, round_kab):
    dinkes = world.users["dinkes_1"]
    score(round_kab, world.a.posyandu, dinkes, hari_buka=(1, ""), sk=(1, ""))  # 400 − 30 − 15 = 355
    score(round_kab, world.a2.posyandu, dinkes, hari_buka=(1, ""), ds=(1, ""))  # 400 − 30 − 30 = 340
    score(round_kab, world.b.posyandu, dinkes, hari_buka=(1, ""), sarana=(1, ""))  # 340: tie
    _, rows = selectors.ranking(round=round_kab, user=dinkes)
    assert [(r.posyandu.nama, float(r.total), r.rank) for r in rows] == [
        ("Mawar", 88.75, 1),
        ("Anggrek", 85.0, 2),
        ("Melati", 85.0, 2),
    ]


def test_ranking_page_and_excel_in_a_fixed_number_of_queries(
    world, round_kab, login, django_assert_num_queries
):
    dinkes = world.users["dinkes_1"]
    score(round_kab, world.a.posyandu, dinkes, hari_buka=(1, ""))
    client = login("dinkes_1")
    with django_assert_num_queries(10):
        page = client.get(reverse("lomba_round", args=[round_kab.pk]))
    assert "92,50" in page.content.decode()
    with django_assert_num_queries(7):
        response = client.get(reverse("lomba_ranking_xlsx", args=[round_kab.pk]))
    sheet = load_workbook(filename=__import__("io").BytesIO(response.content))["Peringkat"]
    assert [c.value for c in sheet[4]][:5] == ["Mawar", "Desa A", "Puskesmas A", 1, 92.5]
    assert sheet.max_row == 6  # three Posyandu; two without a total nor a rank
    assert sheet.cell(5, 4).value is None
    for name in ("Kenanga", "Teratai"):  # more Posyandu, more scores: the same number of queries
        score(round_kab, make_area(world.a.posyandu.desa, name).posyandu, dinkes, hari_buka=(1, ""))
    with django_assert_num_queries(10):
        assert "Teratai" in client.get(reverse("lomba_round", args=[round_kab.pk])).content.decode()


def test_scoring_through_the_page_keeps_what_was_typed_on_a_refusal(world, round_a, login):
    client = login("staff_a")
    crit = criteria()
    data = {f"skor_{c.pk}": "4" for c in crit.values()} | {f"skor_{crit['sk'].pk}": "3"}
    page = client.post(reverse("lomba_score", args=[round_a.pk, world.a.posyandu.pk]), data)
    text = page.content.decode()
    assert page.status_code == 200 and "tuliskan alasannya" in text and 'value="3" checked' in text
    data[f"alasan_{crit['hari_buka'].pk}"] = "Register kertas"
    done = client.post(reverse("lomba_score", args=[round_a.pk, world.a.posyandu.pk]), data)
    assert done.status_code == 302 and PosyanduScore.objects.count() == len(crit)


def test_bad_score_is_refused_beside_the_field(world, round_a, login):
    client = login("staff_a")
    data = {f"skor_{c.pk}": "4" for c in criteria().values()} | {f"skor_{criteria()['sk'].pk}": "9"}
    page = client.post(reverse("lomba_score", args=[round_a.pk, world.a.posyandu.pk]), data)
    assert page.status_code == 200 and "Pilih skor 1–4." in page.content.decode()
    assert PosyanduScore.objects.count() == 0


@time_machine.travel(dt.datetime(2026, 11, 16, 10, 0, tzinfo=JAKARTA), tick=False)
def test_pembinaan_of_a_gap_is_recorded_and_shown_in_the_evidence_pack(world, round_a, login):
    staff = world.users["staff_a"]
    score(round_a, world.a.posyandu, staff, hari_buka=(1, ""), sarana=(2, ""))
    client = login("staff_a")
    url = reverse("lomba_coaching", args=[round_a.pk, world.a.posyandu.pk])
    sarana = criteria()["sarana"]
    bad = client.post(
        url, {"kriteria": sarana.pk, "tanggal": "31-02-2026", "kegiatan": "x", "status": "rencana"}
    )
    assert "Tanggal tidak valid." in bad.content.decode() and Coaching.objects.count() == 0
    client.post(
        url,
        {
            "kriteria": sarana.pk,
            "tanggal": "2026-11-20",
            "kegiatan": "Pengadaan dacin",
            "tindak_lanjut": "Usulan Dana Desa",
            "status": "berjalan",
        },
    )
    coaching = Coaching.objects.get()
    assert (coaching.criterion, coaching.oleh, coaching.status) == (sarana, staff, "berjalan")
    Kader.objects.create(posyandu=world.a.posyandu, nama="Bu Warsih", sk_nomor="12/2025")
    Kader.objects.create(posyandu=world.a.posyandu, nama="Bu Tini")  # no login, no SK: still a kader
    Kader.objects.create(posyandu=world.a.posyandu, nama="Bu Lama", aktif=False)
    evidence = client.get(reverse("lomba_evidence", args=[round_a.pk, world.a.posyandu.pk])).content.decode()
    assert "Pengadaan dacin" in evidence and "Bu Tini, Bu Warsih (SK)" in evidence
    assert "Bu Lama" not in evidence
    xlsx = client.get(reverse("lomba_evidence", args=[round_a.pk, world.a.posyandu.pk]) + "?format=xlsx")
    book = load_workbook(filename=__import__("io").BytesIO(xlsx.content))
    assert book.sheetnames == ["Identitas", "Skor", "SKDN", "Cakupan", "Pembinaan"]
    assert book["Pembinaan"].cell(4, 3).value == "Pengadaan dacin"
    assert book["SKDN"].max_row == 3 + 11  # January to November 2026 (today is 16 November)


def test_the_follow_up_status_of_a_pembinaan_moves_on_and_stays_in_its_posyandu(world, round_a, login):
    staff = world.users["staff_a"]
    sarana = criteria()["sarana"].pk
    mawar, melati = world.a.posyandu, world.a2.posyandu
    here = services.coaching_save(
        user=staff,
        round=round_a,
        posyandu=mawar,
        criterion_id=sarana,
        tanggal=D(2026, 11, 2),
        kegiatan="Dacin",
        tindak_lanjut="",
        status="rencana",
    )
    there = services.coaching_save(
        user=staff,
        round=round_a,
        posyandu=melati,
        criterion_id=sarana,
        tanggal=D(2026, 11, 3),
        kegiatan="Pita LiLA",
        tindak_lanjut="",
        status="rencana",
    )
    client = login("staff_a")
    url = reverse("lomba_coaching", args=[round_a.pk, mawar.pk])
    client.post(url, {"pembinaan": here.pk, "status": "selesai"})
    client.post(url, {"pembinaan": here.pk, "status": "batal"})  # not a status: refused, unchanged
    assert client.post(url, {"pembinaan": there.pk, "status": "selesai"}).status_code == 404  # Melati's
    assert client.post(url, {"pembinaan": "²", "status": "selesai"}).status_code == 302
    here.refresh_from_db(), there.refresh_from_db()
    assert (here.status, there.status) == ("selesai", "rencana")
    assert login("dinkes_2").post(url, {"pembinaan": here.pk, "status": "rencana"}).status_code == 404
    assert login("kader_a").post(url, {"pembinaan": here.pk, "status": "rencana"}).status_code == 404
    here.refresh_from_db()
    assert here.status == "selesai"
