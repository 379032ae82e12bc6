"""Forms of the lomba pages: they parse and validate input; services save."""

from __future__ import annotations

from django import forms

from common.widgets import DATE_WIDGET

from .models import SCORES, CoachingStatus

REQUIRED = {"required": "Wajib diisi.", "invalid_choice": "Pilih salah satu pilihan yang tersedia."}


class RoundForm(forms.Form):
    nama = forms.CharField(label="Nama penilaian", max_length=150, error_messages=REQUIRED)
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=2000,
        max_value=2100,
        error_messages={
            **REQUIRED,
            "invalid": "Tahun berupa angka.",
            "min_value": "Tahun tidak masuk akal.",
            "max_value": "Tahun tidak masuk akal.",
        },
    )
    instrumen = forms.TypedChoiceField(label="Instrumen", coerce=int, error_messages=REQUIRED)
    wilayah = forms.ChoiceField(label="Wilayah (Puskesmas atau Kab/Kota)", error_messages=REQUIRED)

    def __init__(self, *args, instruments, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrumen"].choices = [(i.pk, i.nama) for i in instruments]
        self.fields["wilayah"].choices = areas


class AssessorForm(forms.Form):
    penilai = forms.TypedChoiceField(label="Tambah penilai", coerce=int, error_messages=REQUIRED)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penilai"].choices = [(u.pk, u.get_full_name() or u.username) for u in candidates]


class ScoreForm(forms.Form):
    """One skor and one alasan field per criterion, named by the criterion's id."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"skor_{c.pk}"] = forms.TypedChoiceField(
                label=c.nama,
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={**REQUIRED, "invalid_choice": "Pilih skor 1–4."},
            )
            self.fields[f"alasan_{c.pk}"] = forms.CharField(
                label="Alasan bila berbeda dari data", max_length=300, required=False
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"skor_{c.pk}"], self.cleaned_data[f"alasan_{c.pk}"])
            for c in self.criteria
        }


class CoachingForm(forms.Form):
    kriteria = forms.TypedChoiceField(label="Kesenjangan (kriteria)", coerce=int, error_messages=REQUIRED)
    tanggal = forms.DateField(
        label="Tanggal pembinaan",
        widget=DATE_WIDGET,
        error_messages={**REQUIRED, "invalid": "Tanggal tidak valid."},
    )
    kegiatan = forms.CharField(label="Kegiatan pembinaan", max_length=300, error_messages=REQUIRED)
    tindak_lanjut = forms.CharField(label="Rencana tindak lanjut", max_length=300, required=False)
    status = forms.ChoiceField(
        label="Status tindak lanjut", choices=CoachingStatus.choices, error_messages=REQUIRED
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kriteria"].choices = [(c.pk, c.nama) for c in criteria]


class CoachingStatusForm(forms.Form):
    """The follow-up status of one recorded pembinaan (a small form on each row)."""

    pembinaan = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Status", choices=CoachingStatus.choices, error_messages=REQUIRED)
