"""Forms of the visits app."""

from django import forms
from django.utils import timezone

from common.widgets import DATE_WIDGET
from registry.models import Sex
from visits.growth.indices import LYING, STANDING, UNKNOWN

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
