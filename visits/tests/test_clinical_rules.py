"""Clinical rules of the KMK ILP 2023 at their boundaries (Django-free: no database).

Each expected value is written by hand from the KMK line cited next to it.
"""

import datetime as dt

import pytest

from registry.lifecycle import Group, pregnancy_age_error
from visits import rules
from visits.referral_rules import VisitFacts, referral_reasons

G = Group
D = dt.date
VISIT = D(2026, 11, 15)


def aged(years: int, months: int = 0, days: int = 0, sex: str = "L", on: dt.date = VISIT) -> rules.Subject:
    """A subject exactly `years` years, `months` months and `days` days old on `on`."""
    total = on.year * 12 + on.month - 1 - (years * 12 + months)
    born = D(total // 12, total % 12 + 1, on.day) - dt.timedelta(days=days)
    return rules.Subject(born, on, sex)


def codes(subject: rules.Subject, groups, measurements=None, services=None) -> list[str]:
    facts = VisitFacts(
        groups=frozenset(groups),
        age_days=subject.days,
        measurements=measurements or {},
        services=services or {},
        subject=subject,
    )
    return [code for code, _ in referral_reasons(facts)]


def test_the_helper_makes_the_age_it_says():
    assert aged(13).years == 13 and aged(13).months == 156
    assert aged(12, 11).years == 12
    assert aged(0, 6).months == 6 and aged(0, 5, 30).months == 5


# --- Blood pressure: KMK ILP 2023 Tabel 15 (L3093–3111), 13 years and over ----------------------


@pytest.mark.parametrize(
    "sistol, diastol, category, refer",
    [
        (119, 79, "Normal", False),
        (120, 79, "Tekanan darah meningkat", False),
        (129, 79, "Tekanan darah meningkat", False),
        (130, 79, "Hipertensi tingkat 1", True),
        (125, 80, "Hipertensi tingkat 1", True),
        (139, 89, "Hipertensi tingkat 1", True),
        (140, 70, "Hipertensi tingkat 2", True),
        (125, 90, "Hipertensi tingkat 2", True),
    ],
)
def test_adolescent_blood_pressure_follows_kmk_tabel_15(sistol, diastol, category, refer):
    bp = rules.child_blood_pressure(sistol, diastol, aged(13))
    assert (bp.category, bp.refer) == (category, refer)


def test_adolescent_is_referred_at_130_80_but_an_adult_only_at_140_90():
    """KMK ILP 2023 L3121: tingkat 1 and 2 found at Posyandu go to a facility; adults keep 140/90."""
    remaja = {G.USIA_SEKOLAH_REMAJA}
    assert codes(aged(17, 11), remaja, {"sistol": 130, "diastol": 70}) == ["td_anak"]
    assert codes(aged(17, 11), remaja, {"sistol": 129, "diastol": 79}) == []
    assert codes(aged(18), {G.USIA_DEWASA}, {"sistol": 139, "diastol": 89}) == []
    assert codes(aged(18), {G.USIA_DEWASA}, {"sistol": 140, "diastol": 80}) == ["hipertensi"]


# --- Under 13: KMK ILP 2023 Tabel 14 (L2999–3089), by age and sex --------------------------------


@pytest.mark.parametrize(
    "years, sex, limit",
    [
        (7, "L", (106, 68)),
        (8, "P", (107, 69)),
        (9, "L", (107, 70)),
        (9, "P", (108, 71)),
        (10, "L", (108, 72)),
        (10, "P", (109, 72)),
        (11, "L", (110, 74)),
        (11, "P", (111, 74)),
        (12, "L", (113, 75)),
        (12, "P", (114, 75)),
    ],
)
def test_child_under_13_is_referred_at_the_table_value_for_age_and_sex(years, sex, limit):
    s, d = limit
    subject = aged(years, 6, sex=sex)
    assert rules.child_blood_pressure(s - 1, d - 1, subject).refer is False
    assert rules.child_blood_pressure(s, d - 1, subject).refer is True
    assert rules.child_blood_pressure(s - 1, d, subject).refer is True
    assert codes(subject, {G.USIA_SEKOLAH_REMAJA}, {"sistol": s, "diastol": d - 1}) == ["td_anak"]


def test_a_girl_of_9_differs_from_a_boy_of_9():
    """Tabel 14: boys 107/70, girls 108/71 at 9 years."""
    assert rules.child_blood_pressure(107, 60, aged(9, sex="L")).refer is True
    assert rules.child_blood_pressure(107, 60, aged(9, sex="P")).refer is False


def test_the_day_before_13_uses_the_table_of_12():
    """12 years: 113/75 for boys; from 13 the 120/80 – 130/80 classes apply."""
    day_before = rules.Subject(D(2013, 11, 16), VISIT, "L")
    assert day_before.years == 12
    assert rules.child_blood_pressure(115, 70, day_before).category == "Di atas normal untuk umur"
    assert rules.child_blood_pressure(115, 70, aged(13)).category == "Normal"


def test_no_table_row_under_6_means_no_classification():
    assert rules.child_blood_pressure(130, 90, aged(5, 11)) is None
    assert codes(aged(5, 11), {G.ANAK_PRASEKOLAH}, {"sistol": 130, "diastol": 90}) == []


def test_pregnant_adolescent_keeps_the_pregnancy_rule():
    girl = aged(16, sex="P")
    assert codes(girl, {G.USIA_SEKOLAH_REMAJA, G.IBU_HAMIL}, {"sistol": 135, "diastol": 85}) == []
    assert codes(girl, {G.USIA_SEKOLAH_REMAJA, G.IBU_HAMIL}, {"sistol": 140, "diastol": 85}) == ["td_hamil"]


# --- Mental health: SDQ 4–17 (KMK L2618, L3232), SRQ-20 from 18 (L4897) ------------------------


@pytest.mark.parametrize(
    "field, age, asked",
    [
        ("sdq_skor", aged(3, 11), False),
        ("sdq_skor", aged(4), True),
        ("sdq_skor", aged(17, 11), True),
        ("sdq_skor", aged(18), False),
        ("srq20_skor", aged(17, 11), False),
        ("srq20_skor", aged(18), True),
        ("puma_skor", aged(39, 11), False),  # PUMA from 40: KMK L5020
        ("puma_skor", aged(40), True),
        ("gula_darah", aged(14, 11), False),  # DM screening from 15: KMK L4480
        ("gula_darah", aged(15), True),
        ("asi_eksklusif", aged(0, 6), True),  # 0–6 months: KMK L7416
        ("asi_eksklusif", aged(0, 7), False),
        ("kunjungan_anc", aged(9, 11), False),  # pregnancy questions 10–54 years
        ("kunjungan_anc", aged(10), True),
        ("kelas_ibu_hamil", aged(54, 11), True),
        ("kelas_ibu_hamil", aged(55), False),
        ("berat_kg", aged(90), True),  # no age rule
    ],
)
def test_questions_are_asked_only_at_the_ages_they_concern(field, age, asked):
    assert rules.applies(field, age) is asked


def test_a_remaja_form_has_sdq_not_srq20_and_glucose_from_15():
    remaja = {G.USIA_SEKOLAH_REMAJA}
    assert "srq20_skor" not in rules.fields_for(remaja, rules.SERVICES, aged(17))
    assert "sdq_skor" in rules.fields_for(remaja, rules.SERVICES, aged(17))
    assert "gula_darah" not in rules.fields_for(remaja, rules.MEASUREMENTS, aged(14, 11))
    assert "gula_darah" in rules.fields_for(remaja, rules.MEASUREMENTS, aged(15))
    assert "puma_skor" not in rules.fields_for({G.USIA_DEWASA}, rules.SERVICES, aged(39, 11))


@pytest.mark.parametrize(
    "score, years, band",
    [
        (13, 11, "Normal"),  # parent/teacher version at 11 and under (KMK L3232)
        (14, 11, "Borderline"),
        (16, 11, "Borderline"),
        (17, 11, "Abnormal"),
        (15, 12, "Normal"),  # self-report above 11
        (16, 12, "Borderline"),
        (19, 12, "Borderline"),
        (20, 12, "Abnormal"),
    ],
)
def test_sdq_bands(score, years, band):
    assert rules.sdq_band(score, years) == band


def test_sdq_borderline_and_abnormal_are_referred():
    """KMK ILP 2023 L3240: borderline or abnormal → konseling and/or rujuk to the Puskesmas."""
    remaja = {G.USIA_SEKOLAH_REMAJA}
    assert codes(aged(12), remaja, services={"sdq_skor": 15}) == []
    assert codes(aged(12), remaja, services={"sdq_skor": 16}) == ["sdq"]


def test_srq20_at_6_is_referred():
    """KMK ILP 2023 L4937–4955, Tabel 26: ≥ 6 abnormal."""
    assert codes(aged(30), {G.USIA_DEWASA}, services={"srq20_skor": 5}) == []
    assert codes(aged(30), {G.USIA_DEWASA}, services={"srq20_skor": 6}) == ["srq20"]


# --- AKS (KMK L5744–5752; referral L5848–5850) ----------------------------------------------------


@pytest.mark.parametrize(
    "score, category",
    [
        (20, "Mandiri (A)"),
        (19, "Ketergantungan ringan (B)"),
        (12, "Ketergantungan ringan (B)"),
        (11, "Ketergantungan sedang (B)"),
        (9, "Ketergantungan sedang (B)"),
        (8, "Ketergantungan berat (C)"),
        (5, "Ketergantungan berat (C)"),
        (4, "Ketergantungan total (C)"),
        (0, "Ketergantungan total (C)"),
    ],
)
def test_aks_categories(score, category):
    assert rules.aks_category(score) == category


def test_any_aks_dependency_is_referred():
    assert codes(aged(70), {G.LANSIA}, services={"aks_skor": 20}) == []
    assert codes(aged(70), {G.LANSIA}, services={"aks_skor": 19}) == ["aks"]


# --- Hb: ibu hamil < 11, remaja putri < 12 (KMK L3497, L7400, L7420) -----------------------------


def test_anaemia_of_ibu_hamil_below_11():
    mother = aged(25, sex="P")
    hamil = {G.USIA_DEWASA, G.IBU_HAMIL}
    assert codes(mother, hamil, {"hb": 11.0}) == []
    assert codes(mother, hamil, {"hb": 10.9}) == ["anemia_hamil"]


def test_anaemia_of_remaja_putri_below_12_not_of_boys_or_women():
    remaja = {G.USIA_SEKOLAH_REMAJA}
    assert codes(aged(15, sex="P"), remaja, {"hb": 12.0}) == []
    assert codes(aged(15, sex="P"), remaja, {"hb": 11.9}) == ["anemia_remaja"]
    assert codes(aged(10, sex="P"), remaja, {"hb": 11.9}) == ["anemia_remaja"]
    assert codes(aged(9, 11, sex="P"), remaja, {"hb": 11.9}) == []  # not yet remaja
    assert codes(aged(15, sex="L"), remaja, {"hb": 11.9}) == []
    assert codes(aged(18, sex="P"), {G.USIA_DEWASA}, {"hb": 11.9}) == []


# --- Pregnancy only for women of 10–54 ------------------------------------------------------------


@pytest.mark.parametrize(
    "born, allowed",
    [
        (D(2026, 5, 15), False),  # six months old
        (D(2016, 11, 16), False),  # 9 years, the day before 10
        (D(2016, 11, 15), True),  # 10 years
        (D(1972, 11, 16), True),  # 54 years
        (D(1971, 11, 15), False),  # 55 years
        (D(1950, 1, 1), False),  # 76 years
    ],
)
def test_pregnancy_age(born, allowed):
    assert (pregnancy_age_error(born, VISIT, "P") is None) is allowed


def test_men_cannot_be_pregnant():
    assert pregnancy_age_error(D(1990, 1, 1), VISIT, "L") == "Kehamilan dan persalinan hanya untuk perempuan."
