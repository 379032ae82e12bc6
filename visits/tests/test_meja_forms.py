"""Each group's form shows only what applies; impossible values are refused, abnormal flagged."""

import pytest

from registry.lifecycle import Group
from visits.forms.meja import care_form, measurement_form

G = Group


@pytest.mark.parametrize(
    "groups, fields",
    [
        ({G.BAYI_BALITA}, ["berat_kg", "tinggi_cm", "cara_ukur", "lingkar_kepala_cm", "lila_cm"]),
        ({G.ANAK_PRASEKOLAH}, ["berat_kg", "tinggi_cm", "cara_ukur", "lila_cm"]),
        ({G.USIA_SEKOLAH_REMAJA},
         ["berat_kg", "tinggi_cm", "lila_cm", "lingkar_perut_cm", "sistol", "diastol", "hb", "gula_darah"]),
        ({G.USIA_DEWASA}, ["berat_kg", "tinggi_cm", "lingkar_perut_cm", "sistol", "diastol", "gula_darah"]),
        ({G.LANSIA},
         ["berat_kg", "tinggi_cm", "lila_cm", "lingkar_perut_cm", "sistol", "diastol", "gula_darah"]),
        ({G.IBU_NIFAS_MENYUSUI, G.USIA_DEWASA},
         ["berat_kg", "sistol", "diastol", "tinggi_cm", "lingkar_perut_cm", "gula_darah"]),
        ({G.IBU_HAMIL, G.USIA_DEWASA},
         ["berat_kg", "lila_cm", "sistol", "diastol", "hb", "tinggi_cm", "lingkar_perut_cm", "gula_darah"]),
    ],
)  # fmt: skip
def test_measurement_fields_follow_the_groups(groups, fields):
    assert list(measurement_form(groups)(groups=groups).fields) == fields


def test_labels_carry_units():
    form = measurement_form({G.USIA_DEWASA})(groups={G.USIA_DEWASA})
    assert form.fields["sistol"].label == "Tekanan darah sistol (mmHg)"
    assert form.fields["gula_darah"].label == "Gula darah sewaktu (mg/dL)"


@pytest.mark.parametrize(
    "groups, fields",
    [
        (
            {G.BAYI_BALITA},
            [
                "imunisasi",
                "vitamin_a",
                "obat_cacing",
                "asi_eksklusif",
                "perkembangan",
                "gejala_tbc",
                "sdq_skor",
            ],
        ),
        ({G.LANSIA}, ["merokok", "gejala_tbc", "puma_skor", "srq20_skor", "skilas", "aks_skor"]),
        ({G.IBU_HAMIL}, ["kunjungan_anc", "ttd_tablet", "kelas_ibu_hamil", "tanda_bahaya", "gejala_tbc"]),
        ({G.IBU_NIFAS_MENYUSUI}, ["vitamin_a_nifas", "kb", "asi", "tanda_bahaya"]),
        ({G.USIA_SEKOLAH_REMAJA}, ["ttd_tablet", "merokok", "gejala_tbc", "sdq_skor"]),
    ],
)
def test_service_fields_follow_the_groups(groups, fields):
    assert list(care_form(groups)(groups=groups).fields) == fields + ["catatan"]


def form_errors(groups, **data):
    form = measurement_form(groups)(data=data, groups=groups)
    form.is_valid()
    return form.errors


def test_three_year_old_of_80_kg_is_refused_next_to_the_field():
    errors = form_errors({G.BAYI_BALITA}, berat_kg="80", cara_ukur="0")
    assert errors["berat_kg"] == ["Berat badan 80 kg tidak mungkin; periksa lagi (batas 0,5–40 kg)."]


def test_blood_pressure_300_over_20_is_refused():
    errors = form_errors({G.USIA_DEWASA}, sistol="300", diastol="20")
    assert errors["sistol"] == [
        "Tekanan darah sistol 300 mmHg tidak mungkin; periksa lagi (batas 60–260 mmHg)."
    ]
    assert errors["diastol"] == [
        "Tekanan darah diastol 20 mmHg tidak mungkin; periksa lagi (batas 30–160 mmHg)."
    ]


def test_systolic_must_exceed_diastolic():
    assert form_errors({G.USIA_DEWASA}, sistol="80", diastol="90")["sistol"] == [
        "Sistol harus lebih besar dari diastol."
    ]


def test_high_but_possible_blood_pressure_is_accepted():
    assert form_errors({G.USIA_DEWASA}, sistol="190", diastol="115") == {}


def test_decimal_comma_is_accepted():
    form = measurement_form({G.BAYI_BALITA})(
        data={"berat_kg": "9,6", "cara_ukur": "1"}, groups={G.BAYI_BALITA}
    )
    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["berat_kg"]) == "9.6"


def test_score_above_its_scale_is_refused():
    form = care_form({G.LANSIA})(data={"srq20_skor": "25"}, groups={G.LANSIA})
    assert form.errors["srq20_skor"] == ["Nilai paling besar 20."]
