"""Immunisation per antigen, IDL, baduta lengkap and vitamin A per round in the monthly report
and the recap, on hand-made children (August 2026) with the expected counts written by hand."""

import datetime as dt

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry.services import household_move
from reports import services
from reports.imunisasi_selectors import imunisasi_month
from reports.models import RecapKind
from reports.period import Month
from tests.factories import child_in, save
from visits import services as visit_services
from visits.immunisation_rules import IDL
from visits.models import Dose, Tempat

D = dt.date
AUG = Month(2026, 8)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def doses(person, user, days: dict):
    for antigen, day in days.items():
        Dose.objects.create(
            person=person, antigen=antigen, tanggal=day, tempat=Tempat.POSYANDU, recorded_by=user
        )


@pytest.fixture
def children(world):
    user = world.users["admin"]
    a = world.a.posyandu
    early = dict.fromkeys(IDL, D(2026, 1, 5))
    x = child_in(a, nama="X", tanggal_lahir=D(2025, 9, 10))  # MR1 on 5 August, before 10 September: IDL
    doses(x, user, {**early, "MR1": D(2026, 8, 5)})
    y = child_in(a, nama="Y", tanggal_lahir=D(2025, 8, 1))  # MR1 on the first birthday: too late for IDL
    doses(y, user, {**early, "MR1": D(2026, 8, 1)})
    z = child_in(a, nama="Z", tanggal_lahir=D(2024, 9, 1))  # MR2 on 31 August, the day before 24 months
    doses(z, user, {"DPT-HB-Hib4": D(2026, 3, 1), "MR2": D(2026, 8, 31)})
    w = child_in(a, nama="W", tanggal_lahir=D(2024, 8, 1))  # MR2 on the day it turns 24 months: not lengkap
    doses(w, user, {"DPT-HB-Hib4": D(2026, 3, 1), "MR2": D(2026, 8, 1)})
    other = child_in(world.b.posyandu, tanggal_lahir=D(2025, 9, 10))  # another Posyandu's doses
    doses(other, user, {"MR1": D(2026, 8, 5), "BCG": D(2026, 8, 5)})
    day = visit_services.opening_day_open(posyandu=a, tanggal=D(2026, 8, 10), user=user)
    save(visit_services.visit_register(person=x, opening_day=day, user=user), 5, user, vitamin_a="biru")
    return a


def test_month_figures_equal_the_hand_count(world, children, django_assert_num_queries):
    # doses per antigen, and IDL with baduta lengkap: two each (households that stayed, that moved
    # since); the vitamin A round: one
    with django_assert_num_queries(5):
        figures = imunisasi_month(posyandu_ids=[children.pk, world.b.posyandu.pk], month=AUG)
    a = figures[children.pk]
    given = {antigen: n for antigen, n in a.dosis.items() if n}
    assert given == {"MR1": 2, "MR2": 2}  # X and Y; Z and W
    assert (a.idl, a.baduta_lengkap) == (1, 1)  # X; Z
    # 31 August: X 11 months (biru); Y 12, Z 23, W 24 months (merah); X got biru in August
    assert (a.vita_biru, a.vita_biru_sasaran, a.vita_merah, a.vita_merah_sasaran) == (1, 1, 0, 3)
    assert {k: v for k, v in figures[world.b.posyandu.pk].dosis.items() if v} == {"MR1": 1, "BCG": 1}
    july = imunisasi_month(posyandu_ids=[children.pk], month=Month(2026, 7))[children.pk]
    assert (sum(july.dosis.values()), july.idl, july.vita_merah_sasaran) == (0, 0, 0)  # no round in July


def test_a_child_whose_household_moved_after_the_month_counts_where_it_lived(world, children):
    v = child_in(children, nama="V", tanggal_lahir=D(2025, 9, 20))  # IDL completed by MR1 in August
    doses(v, world.users["admin"], {**dict.fromkeys(IDL, D(2026, 1, 5)), "MR1": D(2026, 8, 20)})
    household_move(household=v.household, to=world.a2.posyandu, on=D(2026, 9, 3), user=world.users["staff_a"])
    figures = imunisasi_month(posyandu_ids=[children.pk, world.a2.posyandu.pk], month=AUG)
    mawar = figures[children.pk]
    assert (mawar.dosis["MR1"], mawar.idl) == (3, 2)  # MR1: X, Y and V; IDL: X and V
    assert (sum(figures[world.a2.posyandu.pk].dosis.values()), figures[world.a2.posyandu.pk].idl) == (0, 0)
    september = imunisasi_month(posyandu_ids=[world.a2.posyandu.pk], month=Month(2026, 9))
    assert sum(september[world.a2.posyandu.pk].dosis.values()) == 0  # no dose given in September


def test_posyandu_report_shows_the_immunisation_rows(login, children):
    page = login("kader_a").get(reverse("posyandu_report", args=[children.pk]), {"bulan": "2026-08"})
    html = page.content.decode()
    assert (
        'Mencapai imunisasi dasar lengkap (IDL) bulan ini</td><td class="text-end" id="imunisasi-idl">1<'
        in html
    )
    assert "1 / 1 (100,0%)" in html and "0 / 3 (0,0%)" in html


def test_recap_has_immunisation_vitamin_a_and_skdn_by_sex_and_age_sheets(world, children, settings):
    recap, _ = services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
    book = load_workbook(settings.MEDIA_ROOT / services.build(recap.pk).file)
    assert book.sheetnames[-3:] == ["Imunisasi", "Vitamin A", "SKDN umur x JK"]
    sheet = book["Imunisasi"]
    headers = [c.value for c in sheet[4]]
    mawar = [c.value for c in sheet[5]]
    assert mawar[:2] == ["Desa A", "Mawar"]
    assert mawar[headers.index("MR1")] == 2 and mawar[headers.index("IDL")] == 1
    assert mawar[headers.index("Baduta lengkap")] == 1
    vita = [c.value for c in book["Vitamin A"][5]]
    assert vita == ["Desa A", "Mawar", 1, 1, 1.0, 3, 0, 0.0]
    assert [c.value for c in book["Vitamin A"][8]][:2] == ["Total", None]
    bands = book["SKDN umur x JK"]
    assert [c.value for c in bands[4]][:4] == ["Umur (bulan)", "Jenis kelamin", "S", "K"]
    rows = {(r[0].value, r[1].value): r[2].value for r in bands.iter_rows(min_row=5, max_row=14)}
    # S by band on 31 August, all girls (the factory's default): X 11 → 6–11; Y 12 → 12–23;
    # Z 23 → 12–23; W 24 → 24–35
    assert {k: v for k, v in rows.items() if v} == {("6–11", "P"): 1, ("12–23", "P"): 2, ("24–35", "P"): 1}
