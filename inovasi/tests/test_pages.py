"""The inovasi pages: area rules (another area's donor, programme, child or innovation is a 404),
capabilities (403), refusals beside the field, query counts and the effect on hand-made data."""

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import load_workbook

from inovasi import services
from inovasi.models import Enrolment
from inovasi.tests.conftest import feed

D = dt.date


def _urls(o):
    return [
        f"/inovasi/program/{o['programme'].pk}/",
        f"/inovasi/donatur/{o['donor'].pk}/",
        f"/inovasi/donatur/{o['donor'].pk}/excel/",
        f"/inovasi/posyandu/{o['programme'].posyandu_id}/",
        f"/inovasi/{o['innovation'].pk}/",
        f"/inovasi/program/{o['programme'].pk}/pmt/",
        f"/inovasi/program/{o['programme'].pk}/janji/",
        f"/inovasi/program/{o['programme'].pk}/peserta/",
        f"/inovasi/program/{o['programme'].pk}/kas/",
    ]


@pytest.mark.parametrize("user", ["kader_b", "staff_b", "dinkes_2"])
def test_another_area_gets_404_everywhere(login, enrolled, user):
    client = login(user)
    for url in _urls(enrolled):
        assert client.get(url).status_code == 404, url
    assert client.get("/inovasi/").content.count(b"Asuh Mawar") == 0


@pytest.mark.parametrize("user", ["kader_a", "staff_a", "dinkes_1", "admin"])
def test_the_area_reads_every_page(login, enrolled, user):
    client = login(user)
    for url in _urls(enrolled)[:5]:
        assert client.get(url).status_code == 200, url


def test_capabilities_kader_records_pmt_staff_manage_dinkes_reads(login, enrolled):
    pk = enrolled["programme"].pk
    assert login("kader_a").get(f"/inovasi/program/{pk}/pmt/").status_code == 200
    assert login("kader_a").get(f"/inovasi/program/{pk}/peserta/").status_code == 403
    assert login("kader_a").get(f"/inovasi/program/{pk}/kas/").status_code == 403
    assert login("dinkes_1").get(f"/inovasi/program/{pk}/pmt/").status_code == 403
    assert login("dinkes_1").get("/inovasi/baru/").status_code == 403
    assert login("staff_a").get(f"/inovasi/program/{pk}/kas/").status_code == 200


def test_a_child_without_flag_is_refused_beside_the_field_and_the_form_keeps_its_values(
    login, world, programme, child, weigh
):
    kid = child(world.a.posyandu, D(2025, 1, 15), name="Sehat Sentosa")
    weigh(kid, world.a.posyandu, D(2026, 7, 10), "10.8")
    weigh(kid, world.a.posyandu, D(2026, 8, 10), "11.2")
    response = login("staff_a").post(
        f"/inovasi/program/{programme.pk}/peserta/", {"person": kid.pk, "mulai": "2026-08-10"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"person": [services.NOT_ELIGIBLE]}
    assert b'value="2026-08-10"' in response.content
    assert not Enrolment.objects.exists()


def test_a_child_of_another_area_cannot_be_chosen(login, world, programme, child):
    elsewhere = child(world.c.posyandu, D(2025, 1, 15))
    response = login("staff_a").post(
        f"/inovasi/program/{programme.pk}/peserta/", {"person": elsewhere.pk, "mulai": "2026-08-10"}
    )
    assert response.status_code == 200 and "person" in response.context["form"].errors
    assert not Enrolment.objects.exists()


def test_programme_page_shows_reason_outcome_and_balance(login, enrolled):
    page = login("staff_a").get(f"/inovasi/program/{enrolled['programme'].pk}/").content.decode()
    assert "Bima Sakti" in page  # Puskesmas staff of the area see the name
    assert "T (berat tidak naik), BB/U &lt; −2 SD" in page
    assert "+1600 g" in page and "100,0%" in page
    assert "Saldo Rp650.000" in page  # 900.000 in − 250.000 out


def test_donor_report_names_children_by_initials_and_exports(login, enrolled):
    client = login("staff_a")
    page = client.get(f"/inovasi/donatur/{enrolled['donor'].pk}/").content.decode()
    assert "B. S." in page and "Bima Sakti" not in page
    assert "Rp3.000.000" in page and "Rp900.000" in page  # pledged 500.000 × 6, given 900.000
    sheet = load_workbook(
        BytesIO(client.get(f"/inovasi/donatur/{enrolled['donor'].pk}/excel/").content)
    ).active
    assert [sheet["B2"].value, sheet["B3"].value, sheet["B4"].value] == [3_000_000, 900_000, 650_000]
    assert [c.value for c in sheet[7]][:2] == ["B. S.", "Posyandu Mawar"]
    assert sheet["H7"].value == 1600 and sheet["I7"].value == 1 and sheet["I7"].number_format == "0.0%"


def test_dinkes_sees_initials_on_the_programme_page(login, enrolled):
    page = login("dinkes_1").get(f"/inovasi/program/{enrolled['programme'].pk}/").content.decode()
    assert "B. S." in page and "Bima Sakti" not in page


def test_pages_use_a_constant_number_of_queries(
    login, enrolled, world, child, weigh, django_assert_num_queries
):
    client = login("staff_a")
    urls = [
        f"/inovasi/program/{enrolled['programme'].pk}/",
        f"/inovasi/posyandu/{world.a.posyandu.pk}/",
        f"/inovasi/donatur/{enrolled['donor'].pk}/",
    ]
    client.get(urls[0])
    for url, count in zip(urls, [9, 9, 9], strict=True):  # session, user with area, one per list shown
        with django_assert_num_queries(count):
            client.get(url)
    for n in range(3):  # three more children, weighed and fed: the same number of queries
        kid = child(world.a.posyandu, D(2025, 1, 15), name=f"Anak {n}")
        weigh(kid, world.a.posyandu, D(2026, 8, 10), "8.0")
        staff, programme = world.users["staff_a"], enrolled["programme"]
        e = services.enrol(user=staff, programme=programme, person=kid, mulai=D(2026, 8, 10))
        feed(world, e)
    for url, count in zip(urls, [9, 9, 9], strict=True):
        with django_assert_num_queries(count):
            client.get(url)
