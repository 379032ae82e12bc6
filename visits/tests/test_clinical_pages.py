"""The clinical rules as a kader meets them: refusals beside the field (nothing saved, nothing
lost), questions by age, and the report's PTM-from-15 and anaemia counts."""

import datetime as dt
import re
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry.models import Person
from registry.tests.test_household_entry import household_post, member
from reports import selectors
from reports.period import Month
from tests.factories import make_household, make_person, save
from visits import services
from visits.models import Care

D = dt.date
TODAY = D(2026, 11, 15)  # November: not a vitamin A month
pytestmark = pytest.mark.usefixtures("pinned_clock")


@pytest.fixture
def pinned_clock():
    with time_machine.travel(dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def kader(login):
    return login("kader_a")


@pytest.fixture
def person_in_a(world):
    def make(born: dt.date, sex: str = "L", **more):
        household = make_household(world.a.posyandu)
        return make_person(household, nik=None, jenis_kelamin=sex, tanggal_lahir=born, **more)

    return make


@pytest.fixture
def visit_today(world):
    def make(person, on: dt.date = TODAY):
        day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=on, user=world.users["kader_a"])
        return services.visit_register(person=person, opening_day=day, user=world.users["kader_a"])

    return make


@pytest.mark.parametrize(
    "born, age",
    [(D(2026, 10, 15), "1 bulan"), (D(2026, 5, 15), "6 bulan")],
)
def test_red_vitamin_a_deworming_and_mr2_are_refused_for_a_baby(kader, person_in_a, visit_today, born, age):
    visit = visit_today(person_in_a(born))
    data = {"vitamin_a": "merah", "obat_cacing": "on", "imunisasi": ["MR2"], "catatan": "cek ulang"}
    page = kader.post(reverse("visit_meja", args=[visit.pk, 5]), data)
    assert page.status_code == 200
    errors = page.context["form"].errors
    assert errors["vitamin_a"] == [
        f"Vitamin A merah (200.000 IU) hanya untuk umur 12–59 bulan; anak ini {age}."
    ]
    assert errors["obat_cacing"] == [f"Obat cacing hanya untuk umur 12–59 bulan; anak ini {age}."]
    assert errors["imunisasi"] == [f"MR2 hanya untuk umur 18–23 bulan; anak ini {age}."]
    assert not Care.objects.filter(visit=visit).exists()  # nothing half-saved
    assert "cek ulang" in page.content.decode()  # what was typed is kept
    layanan = selectors.layanan(posyandu_ids=[visit.posyandu_id], month=Month(2026, 11))[visit.posyandu_id]
    assert (layanan.vitamin_a, layanan.obat_cacing, layanan.imunisasi) == (0, 0, 0)


def test_a_second_dose_too_soon_after_the_first_is_refused(kader, person_in_a, visit_today, world):
    baby = person_in_a(D(2026, 8, 1))  # 3 months
    first = visit_today(baby, D(2026, 10, 20))
    save(first, 5, world.users["admin"], imunisasi=["OPV1", "DPT-HB-Hib1"])
    visit = visit_today(baby)
    page = kader.post(reverse("visit_meja", args=[visit.pk, 5]), {"imunisasi": ["OPV2", "DPT-HB-Hib2"]})
    assert page.context["form"].errors["imunisasi"] == [
        "DPT-HB-Hib2 paling cepat 28 hari sesudah DPT-HB-Hib1 (20-10-2026).",
        "OPV2 paling cepat 28 hari sesudah OPV1 (20-10-2026).",
    ]
    assert not Care.objects.filter(visit=visit).exists()


@pytest.mark.parametrize(
    "born, shown, hidden",
    [
        (D(2026, 11, 12), ["HB0", "BCG", "OPV1"], ["OPV2", "MR1"]),  # 3 days: HB0 0–7 days
        (D(2026, 11, 7), ["BCG", "OPV1"], ["HB0"]),  # 8 days
        (D(2026, 2, 15), ["MR1", "IPV2", "OPV2"], ["HB0", "MR2", "DPT-HB-Hib4"]),  # 9 months
        (D(2024, 12, 15), ["MR2", "DPT-HB-Hib4"], ["HB0", "BCG"]),  # 23 months
    ],
)
def test_meja_5_offers_only_the_antigens_whose_age_window_is_open(kader, person_in_a, visit_today, born,
                                                                   shown, hidden):  # fmt: skip
    html = kader.get(reverse("visit_meja", args=[visit_today(person_in_a(born)).pk, 5])).content.decode()
    assert all(f'value="{antigen}"' in html for antigen in shown)
    assert not any(f'value="{antigen}"' in html for antigen in hidden)


def test_no_antigen_is_offered_from_24_months_and_a_refused_one_stays_ticked(kader, person_in_a, visit_today):
    visit = visit_today(person_in_a(D(2024, 11, 15)))  # 24 months: every window of Tabel 7–8 closed
    html = kader.get(reverse("visit_meja", args=[visit.pk, 5])).content.decode()
    assert 'name="imunisasi"' not in html and "Imunisasi diberikan" not in html
    page = kader.post(reverse("visit_meja", args=[visit.pk, 5]), {"imunisasi": ["HB0"]})
    assert page.context["form"].errors["imunisasi"] == ["HB0 hanya untuk umur 0–7 hari; anak ini 24 bulan."]
    ticked = re.search(r'<input[^>]*value="HB0"[^>]*>', page.content.decode())
    assert ticked and "checked" in ticked.group(0)  # shown again, ticked, beside its reason
    assert not Care.objects.filter(visit=visit).exists()


def test_vitamin_a_in_november_is_accepted_and_marked(kader, person_in_a, visit_today):
    visit = visit_today(person_in_a(D(2025, 11, 15)))  # 12 months
    response = kader.post(reverse("visit_meja", args=[visit.pk, 5]), {"vitamin_a": "merah"})
    assert response.status_code == 302
    assert Care.objects.get(visit=visit).vitamin_a == "merah"
    assert "di luar bulan vitamin A" in kader.get(reverse("visit_meja", args=[visit.pk, 3])).content.decode()
    person_page = kader.get(reverse("person_detail", args=[visit.person_id])).content.decode()
    assert "Merah (200.000 IU, 12–59 bulan) (di luar bulan vitamin A)" in person_page


@pytest.mark.parametrize(
    "born, meja, present, absent",
    [
        (D(2011, 11, 15), 5, ["sdq_skor"], ["srq20_skor"]),  # 15 years
        (D(2011, 11, 15), 2, ["gula_darah"], []),  # PTM from 15
        (D(2011, 11, 16), 2, [], ["gula_darah"]),  # 14 years
        (D(1987, 11, 16), 5, ["srq20_skor"], ["puma_skor", "sdq_skor"]),  # 38 years
        (D(1986, 11, 15), 5, ["srq20_skor", "puma_skor"], []),  # 40 years
        (D(2026, 5, 15), 5, ["asi_eksklusif"], ["sdq_skor"]),  # 6 months
        (D(2026, 4, 15), 5, [], ["asi_eksklusif"]),  # 7 months
    ],
)
def test_forms_ask_only_what_the_age_concerns(kader, person_in_a, visit_today, born, meja, present, absent):
    visit = visit_today(person_in_a(born))
    fields = kader.get(reverse("visit_meja", args=[visit.pk, meja])).context["form"].fields
    assert all(name in fields for name in present)
    assert not any(name in fields for name in absent)


@pytest.mark.parametrize(
    "born, sex, message",
    [
        (D(2026, 5, 15), "P", "Umur 0 tahun pada tanggal itu: kehamilan hanya untuk perempuan 10–54 tahun."),
        (D(1950, 1, 1), "P", "Umur 76 tahun pada tanggal itu: kehamilan hanya untuk perempuan 10–54 tahun."),
        (D(1990, 1, 1), "L", "HPHT dan tanggal persalinan hanya untuk perempuan."),
    ],
)
def test_baby_grandmother_and_man_cannot_be_registered_pregnant(person_in_a, born, sex, message):
    person = person_in_a(born, sex=sex)
    person.hpht = D(2026, 10, 1)
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert refused.value.message_dict["hpht"] == [message]


def test_a_newcomer_baby_with_an_hpht_is_refused_beside_the_field(kader, world):
    data = household_post(
        world.a.posyandu,
        member(0, nama="Ibu Uji", jenis_kelamin="P", hubungan="kepala", tanggal_lahir="1990-01-01"),
        member(1, nama="Bayi Uji", jenis_kelamin="P", tanggal_lahir="2026-05-15", hpht="2026-10-01"),
    )
    response = kader.post(reverse("household_create"), data)
    assert response.status_code == 200
    assert response.context["members"].forms[1].errors["hpht"] == [
        "Umur 0 tahun pada tanggal itu: kehamilan hanya untuk perempuan 10–54 tahun."
    ]
    assert 'value="Bayi Uji"' in response.content.decode()  # nothing typed is lost
    assert not Person.objects.filter(nama="Bayi Uji").exists()


@pytest.mark.parametrize(
    "born, sex, hpht, asked",
    [
        (D(2026, 5, 15), "P", None, False),  # six months old
        (D(1950, 1, 1), "P", None, False),  # 76 years
        (D(1990, 1, 1), "L", None, False),  # a man
        (D(2016, 11, 15), "P", None, True),  # 10 years today
        (D(2016, 11, 16), "P", None, False),  # 10 years tomorrow
        (D(1972, 11, 15), "P", None, True),  # 54 years
        (D(1950, 1, 1), "P", D(2026, 10, 1), True),  # an HPHT stored earlier stays correctable
    ],
)
def test_person_form_asks_pregnancy_dates_only_of_women_of_10_to_54(kader, person_in_a, born, sex, hpht,
                                                                    asked):  # fmt: skip
    person = person_in_a(born, sex=sex)
    if hpht:  # stored without the model's check, as data from before the rule
        Person.objects.filter(pk=person.pk).update(hpht=hpht)
    fields = kader.get(reverse("person_edit", args=[person.pk])).context["form"].fields
    assert ("hpht" in fields, "tanggal_persalinan" in fields) == (asked, asked)


def test_woman_of_54_can_be_registered_pregnant(person_in_a):
    person = person_in_a(D(1972, 10, 1), sex="P")
    person.hpht = D(2026, 10, 1)
    person.full_clean()


def test_report_counts_ptm_from_15_and_anaemia(world, person_in_a, visit_today, kader):
    admin = world.users["admin"]
    fifteen = visit_today(person_in_a(D(2011, 11, 15)))
    save(fifteen, 2, admin, sistol=130, diastol=70)  # hipertensi tingkat 1 at 15
    fourteen = visit_today(person_in_a(D(2011, 11, 16)))
    save(fourteen, 2, admin, sistol=140, diastol=90)  # not in PTM screening
    adult = visit_today(person_in_a(D(1990, 1, 1)))
    save(adult, 2, admin, sistol=139, diastol=89)  # adult: not hipertensi
    girl = visit_today(person_in_a(D(2012, 1, 1), sex="P"))
    save(girl, 2, admin, hb=Decimal("11.9"))
    other_girl = visit_today(person_in_a(D(2012, 1, 1), sex="P"))
    save(other_girl, 2, admin, hb=Decimal("12.0"))
    mother = person_in_a(D(1995, 1, 1), sex="P", hpht=D(2026, 6, 1))
    save(visit_today(mother), 2, admin, hb=Decimal("10.9"))
    report = selectors.posyandu_month(posyandu_ids=[world.a.posyandu.pk], month=Month(2026, 11))
    r = report[world.a.posyandu.pk]
    # 15-year-old, adult, mother (all ≥ 15) screened; the 14-year-old and the two girls (13–14) not
    assert (r.skrining.dewasa_datang, r.skrining.td_diukur, r.skrining.hipertensi) == (3, 2, 1)
    k = r.kia
    assert (k.hb_hamil_diperiksa, k.anemia_hamil) == (1, 1)
    assert (k.hb_remaja_putri_diperiksa, k.anemia_remaja_putri) == (2, 1)
    assert {r.kode for r in girl.referrals.all()} == {"anemia_remaja"}
    assert {r.kode for r in fifteen.referrals.all()} == {"td_anak"}
    page = kader.get(reverse("posyandu_report", args=[world.a.posyandu.pk]), {"bulan": "2026-11"})
    html = page.content.decode()
    assert "Skrining PTM usia 15 tahun ke atas" in html
    cell = '</td><td class="text-end">'
    assert f"<td>Ibu hamil Hb diperiksa / anemia (Hb &lt; 11 g/dL){cell}1 / 1</td>" in html
    assert f"<td>Remaja putri Hb diperiksa / anemia (Hb &lt; 12 g/dL){cell}2 / 1</td>" in html


@pytest.mark.parametrize(
    "born, reading, category",
    [
        (D(2011, 11, 15), (130, 70), "Hipertensi tingkat 1"),  # 15 years, KMK Tabel 15
        (D(2016, 11, 15), (108, 60), "Di atas normal untuk umur"),  # boy of 10: 108/72, Tabel 14
        (D(2016, 11, 15), (107, 71), "Normal"),
        (D(2008, 11, 15), (135, 85), "Normal tinggi"),  # 18 years: adult categories
    ],
)
def test_meja_3_shows_the_blood_pressure_category_for_the_age(kader, world, person_in_a, visit_today, born,
                                                              reading, category):  # fmt: skip
    visit = visit_today(person_in_a(born))
    save(visit, 2, world.users["admin"], sistol=reading[0], diastol=reading[1])
    summary = kader.get(reverse("visit_meja", args=[visit.pk, 3])).context["summary"]
    line = next(line for line in summary.lines if line.label == "Tekanan darah")
    assert line.note == category


@pytest.mark.parametrize(
    "born, sex, hpht, hb, shown",
    [
        (D(2011, 11, 15), "P", None, "11.9", ("Anemia", "Hb < 12 g/dL", True)),  # remaja putri, 15 years
        (D(2011, 11, 15), "P", None, "12.0", ("Tidak anemia", "", False)),
        (D(1995, 1, 1), "P", D(2026, 6, 1), "10.9", ("Anemia", "Hb < 11 g/dL", True)),  # ibu hamil
        (D(1995, 1, 1), "P", D(2026, 6, 1), "11.0", ("Tidak anemia", "", False)),
        (D(2011, 11, 15), "L", None, "11.0", None),  # a boy: no anaemia rule counts him
    ],
)
def test_meja_3_flags_anaemia_as_the_referral_rule_does(kader, world, person_in_a, visit_today, born, sex,
                                                        hpht, hb, shown):  # fmt: skip
    """KMK ILP 2023 L3497, L7400, L7420: ibu hamil Hb < 11, remaja putri Hb < 12 g/dL."""
    visit = visit_today(person_in_a(born, sex=sex, hpht=hpht))
    save(visit, 2, world.users["admin"], hb=Decimal(hb))
    summary = kader.get(reverse("visit_meja", args=[visit.pk, 3])).context["summary"]
    line = next((line for line in summary.lines if line.label == "Status Hb"), None)
    assert (line and (line.value, line.note, line.alert)) == shown
