"""The "Tambah dosis" form: parses a dose; its rules are checked by the service."""

from django import forms

from common.widgets import DATE_WIDGET
from visits.models import Tempat
from visits.service_windows import SCHEDULE


class DoseForm(forms.Form):
    antigen = forms.ChoiceField(
        label="Jenis imunisasi",
        choices=[("", "— pilih —")] + [(a, a) for a in SCHEDULE],
        error_messages={
            "required": "Pilih jenis imunisasi.",
            "invalid_choice": "Pilih jenis imunisasi dari daftar.",
        },
    )
    tanggal = forms.DateField(
        label="Tanggal diberikan",
        widget=DATE_WIDGET,
        error_messages={"required": "Isi tanggal diberikan.", "invalid": "Tanggal tidak dikenali."},
    )
    tempat = forms.ChoiceField(
        label="Tempat",
        # "saat lahir" is written by Catat kelahiran only
        choices=[choice for choice in Tempat.choices if choice[0] != Tempat.KELAHIRAN],
        initial=Tempat.BUKU_KIA,
        widget=forms.RadioSelect,
        error_messages={"required": "Pilih tempat.", "invalid_choice": "Pilih tempat dari daftar."},
    )
