"""The outcome of a home visit for one reason (it only parses; visits.home_visit_services saves)."""

from django import forms

from visits.models import HomeVisitResult


class HomeVisitOutcomeForm(forms.Form):
    hasil = forms.ChoiceField(
        label="Hasil kunjungan",
        choices=HomeVisitResult.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Pilih hasil kunjungan.", "invalid_choice": "Pilih hasil kunjungan."},
    )
    catatan = forms.CharField(
        label="Catatan",
        required=False,
        max_length=200,
        error_messages={"max_length": "Catatan paling banyak 200 huruf."},
    )
