"""Forms of the visits app."""

from django import forms
from django.utils import timezone

from common.widgets import DATE_WIDGET
from registry.models import Sex
from visits.growth.indices import LYING, STANDING, UNKNOWN
from visits.models import Referral
from visits.services import opening_day_date_error

POSITION_CHOICES = [(UNKNOWN, "Sesuai umur"), (LYING, "Berbaring (PB)"), (STANDING, "Berdiri (TB)")]


def _measure(label: str, unit: str, low: float, high: float, required: bool = False) -> forms.DecimalField:
    """A measurement with its unit; values outside [low, high] are impossible and refused."""
    low_text, high_text = (f"{v:g}".replace(".", ",") for v in (low, high))
    return forms.DecimalField(
        label=f"{label} ({unit})",
        required=required,
        min_value=low,
        max_value=high,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "min_value": f"{label} minimal {low_text} {unit}.",
            "max_value": f"{label} maksimal {high_text} {unit}.",
        },
    )


class GrowthCheckForm(forms.Form):
    """One child's measurement, checked against the WHO standards without saving it."""

    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin", choices=Sex.choices)
    tanggal_lahir = forms.DateField(label="Tanggal lahir", widget=DATE_WIDGET)
    tanggal_ukur = forms.DateField(label="Tanggal pengukuran", widget=DATE_WIDGET)
    berat = _measure("Berat badan", "kg", 0.5, 150)
    panjang = _measure("Panjang/tinggi badan", "cm", 35, 200)
    cara_ukur = forms.TypedChoiceField(
        label="Cara ukur", choices=POSITION_CHOICES, coerce=int, initial=UNKNOWN
    )
    lingkar_kepala = _measure("Lingkar kepala", "cm", 25, 60)
    lila = _measure("LiLA", "cm", 6, 45)

    def clean_tanggal_ukur(self):
        day = self.cleaned_data["tanggal_ukur"]
        if day > timezone.localdate():
            raise forms.ValidationError("Tanggal pengukuran tidak boleh di masa depan.")
        return day

    def clean(self):
        data = super().clean()
        born, measured = data.get("tanggal_lahir"), data.get("tanggal_ukur")
        if born and measured and measured < born:
            self.add_error("tanggal_ukur", "Tanggal pengukuran sebelum tanggal lahir.")
        elif born and measured and (measured - born).days > 229 * 30.4375:
            self.add_error("tanggal_lahir", "Standar WHO hanya sampai umur 19 tahun.")
        if not any(data.get(f) for f in ("berat", "panjang", "lingkar_kepala", "lila")):
            raise forms.ValidationError("Isi paling sedikit satu ukuran.")
        return data


class OpeningDayForm(forms.Form):
    """Open a Posyandu's day: today, or a past day (within the kader's edit window) to enter a
    paper register afterwards."""

    posyandu = forms.ModelChoiceField(label="Posyandu", queryset=None, empty_label=None)
    tanggal = forms.DateField(label="Tanggal hari buka", widget=DATE_WIDGET, required=False)  # empty: today

    def __init__(self, *args, posyandu_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posyandu"].queryset = posyandu_list
        self.fields["posyandu"].error_messages["invalid_choice"] = "Pilih Posyandu dari daftar."
        self.fields["tanggal"].error_messages["invalid"] = "Tanggal tidak dikenali (hh-bb-tttt)."

    def clean_tanggal(self):
        day = self.cleaned_data["tanggal"] or timezone.localdate()
        error = opening_day_date_error(day, timezone.localdate())
        if error:
            raise forms.ValidationError(error)
        return day


class ReferralFollowUpForm(forms.ModelForm):
    """What became of a referral: where the person was referred, whether they arrived, the
    result and the rujuk balik (the note sent back to the Posyandu)."""

    sampai = forms.TypedChoiceField(
        label="Sampai di tempat rujukan?",
        choices=[("", "—"), ("true", "Ya"), ("false", "Tidak")],
        coerce=lambda value: value == "true",
        error_messages={"required": "Pilih ya atau tidak."},
    )

    class Meta:
        model = Referral
        fields = ["dirujuk_ke", "sampai", "hasil", "rujuk_balik", "catatan_tindak_lanjut"]
        labels = {"dirujuk_ke": "Dirujuk ke (Puskesmas, RS, klinik)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dirujuk_ke"].required = True
        self.fields["dirujuk_ke"].error_messages["required"] = "Isi tempat rujukan."
