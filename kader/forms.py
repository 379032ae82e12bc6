"""Forms of the kader pages: they parse and check input, messages in Bahasa Indonesia; the
writes are in kader/services.py."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from common.widgets import DATE_WIDGET
from registry import identifiers
from registry.forms import clean_phone, sixteen_digit_field

from . import services
from .models import Hasil, Kader, Meja, PosyanduTahun, Profesi, TkkLevel, Training

FUTURE = "Tanggal tidak boleh sesudah hari ini."


def not_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(FUTURE)
    return value


class KaderForm(forms.ModelForm):
    nik = sixteen_digit_field("NIK", "16 digit, dari KTP. Boleh dikosongkan.")

    class Meta:
        model = Kader
        fields = list(services.KADER_FIELDS)
        widgets = {
            "sk_tanggal": DATE_WIDGET,
            "mulai": DATE_WIDGET,
            "telepon": forms.TextInput(attrs={"inputmode": "tel"}),
        }

    def clean_nik(self):
        nik = (self.cleaned_data.get("nik") or "").strip()
        error = nik and identifiers.sixteen_digit_error(nik, "NIK")
        if error:
            raise forms.ValidationError(error)
        return nik

    def clean_telepon(self):
        return clean_phone(self.cleaned_data.get("telepon", ""))

    def clean_sk_tanggal(self):
        return not_future(self.cleaned_data.get("sk_tanggal"))

    def clean_mulai(self):
        return not_future(self.cleaned_data.get("mulai"))


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = list(services.TRAINING_FIELDS)
        widgets = {"tanggal": DATE_WIDGET}

    def clean_tanggal(self):
        return not_future(self.cleaned_data.get("tanggal"))


class AwardForm(forms.Form):
    level = forms.ModelChoiceField(TkkLevel.objects.all(), label="tingkat TKK", empty_label="Pilih tingkat")
    tanggal = forms.DateField(label="tanggal", widget=DATE_WIDGET)
    penerbit = forms.CharField(label="diberikan oleh", max_length=200)

    def clean_tanggal(self):
        return not_future(self.cleaned_data.get("tanggal"))


class AssessmentForm(forms.Form):
    """One date and, per skill, kompeten / belum kompeten / not assessed, with a note."""

    tanggal = forms.DateField(label="tanggal penilaian", widget=DATE_WIDGET)

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = skills
        choices = [("", "Tidak dinilai"), *Hasil.choices]
        for skill in skills:
            self.fields[f"hasil_{skill.pk}"] = forms.ChoiceField(
                label=skill.nama, choices=choices, required=False
            )
            self.fields[f"catatan_{skill.pk}"] = forms.CharField(
                label="catatan", max_length=300, required=False
            )

    def clean_tanggal(self):
        return not_future(self.cleaned_data.get("tanggal"))

    def clean(self):
        data = super().clean()
        if not self.errors and not self.results():
            raise forms.ValidationError("Pilih hasil untuk paling sedikit satu keterampilan.")
        return data

    def results(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            s.pk: (data[f"hasil_{s.pk}"], data.get(f"catatan_{s.pk}", ""))
            for s in self.skills
            if data.get(f"hasil_{s.pk}")
        }

    def rows(self):
        return [(s, self[f"hasil_{s.pk}"], self[f"catatan_{s.pk}"]) for s in self.skills]


class AttendanceForm(forms.Form):
    """Per kader of the Posyandu: the meja they worked at, or not on duty; and up to NAKES_ROWS
    health workers (nakes) present, each a name and a profession."""

    NAKES_ROWS = 4  # a Posyandu day rarely sees more than a bidan, a perawat and a tenaga gizi

    def __init__(self, *args, kader, **kwargs):
        super().__init__(*args, **kwargs)
        self.kader = kader
        choices = [("", "Tidak bertugas"), *Meja.choices]
        for k in kader:
            self.fields[f"meja_{k.pk}"] = forms.TypedChoiceField(
                label=k.nama, choices=choices, coerce=int, empty_value=None, required=False
            )
        for i in range(self.NAKES_ROWS):
            self.fields[f"nakes_nama_{i}"] = forms.CharField(
                label=f"Nama tenaga kesehatan {i + 1}", max_length=100, required=False,
                error_messages={"max_length": "Nama paling panjang 100 huruf."},
            )  # fmt: skip
            self.fields[f"nakes_profesi_{i}"] = forms.ChoiceField(
                label=f"Profesi {i + 1}", choices=[("", "— profesi —"), *Profesi.choices], required=False,
                error_messages={"invalid_choice": "Pilih profesi dari daftar."},
            )  # fmt: skip

    def clean(self):
        data = super().clean()
        for i in range(self.NAKES_ROWS):
            nama, profesi = data.get(f"nakes_nama_{i}"), data.get(f"nakes_profesi_{i}")
            if nama and not profesi and f"nakes_profesi_{i}" not in self.errors:
                self.add_error(f"nakes_profesi_{i}", "Pilih profesi tenaga kesehatan ini.")
            if profesi and not nama and f"nakes_nama_{i}" not in self.errors:
                self.add_error(f"nakes_nama_{i}", "Isi nama tenaga kesehatan.")
        return data

    def meja_by_kader(self) -> dict[int, int | None]:
        return {k.pk: self.cleaned_data.get(f"meja_{k.pk}") for k in self.kader}

    def nakes(self) -> list[tuple[str, str]]:
        """(nama, profesi) of each filled row."""
        data = self.cleaned_data
        rows = [(data.get(f"nakes_nama_{i}"), data.get(f"nakes_profesi_{i}")) for i in range(self.NAKES_ROWS)]
        return [(nama, profesi) for nama, profesi in rows if nama]

    def rows(self):
        return [(k, self[f"meja_{k.pk}"]) for k in self.kader]

    def nakes_rows(self):
        return [(self[f"nakes_nama_{i}"], self[f"nakes_profesi_{i}"]) for i in range(self.NAKES_ROWS)]

    @classmethod
    def nakes_initial(cls, present) -> dict[str, str]:
        """The form's initial rows from the NakesHadir already recorded."""
        initial = {}
        for i, row in enumerate(present[: cls.NAKES_ROWS]):
            initial |= {f"nakes_nama_{i}": row.nama, f"nakes_profesi_{i}": row.profesi}
        return initial


class ProfileForm(forms.ModelForm):
    class Meta:
        model = PosyanduTahun
        fields = list(services.PROFILE_FIELDS)
        localized_fields = ["dana_sehat_persen"]  # 55,5 as typed in Indonesia
        widgets = {"sk_tanggal": DATE_WIDGET, "program_tambahan": forms.Textarea(attrs={"rows": 3})}

    def clean_sk_tanggal(self):
        return not_future(self.cleaned_data.get("sk_tanggal"))
