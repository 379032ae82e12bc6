"""Forms of the inovasi pages: they only parse; the rules live in inovasi.services. Choices are
the user's area (scope()), so another area's id is refused beside the field, never a 5xx."""

from __future__ import annotations

from django import forms

from common.widgets import DATE_WIDGET

from .models import Direction, DonorKind, FundSource, InnovationKind

RUPIAH = {"min_value": 1, "max_value": 2_000_000_000}


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, required=required)


class DonorForm(forms.Form):
    puskesmas = forms.ModelChoiceField(queryset=None, label="Puskesmas")
    nama = forms.CharField(label="Nama donatur", max_length=120)
    jenis = forms.ChoiceField(label="Jenis", choices=DonorKind.choices)
    kontak = forms.CharField(label="Kontak", max_length=120, required=False)

    def __init__(self, *args, puskesmas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["puskesmas"].queryset = puskesmas


class ProgrammeForm(forms.Form):
    posyandu = forms.ModelChoiceField(queryset=None, label="Posyandu")
    nama = forms.CharField(label="Nama program", max_length=120)
    mulai = _date("Mulai")
    selesai = _date("Selesai", required=False)

    def __init__(self, *args, posyandu, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posyandu"].queryset = posyandu


class PledgeForm(forms.Form):
    donor = forms.ModelChoiceField(queryset=None, label="Donatur")
    per_bulan = forms.IntegerField(label="Jumlah per bulan (Rp)", **RUPIAH)
    bulan = forms.IntegerField(label="Lama (bulan)", min_value=1, max_value=60)
    mulai = _date("Mulai")

    def __init__(self, *args, donors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donors


class EnrolmentForm(forms.Form):
    person = forms.ModelChoiceField(queryset=None, label="Sasaran (balita atau ibu hamil)")
    mulai = _date("Mulai")
    selesai = _date("Rencana selesai", required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class DeliveryForm(forms.Form):
    enrolment = forms.ModelChoiceField(queryset=None, label="Peserta")
    tanggal = _date("Tanggal")
    menu = forms.CharField(label="Menu", max_length=120)
    porsi = forms.IntegerField(label="Porsi", min_value=1, max_value=100)
    diberikan_oleh = forms.CharField(label="Diberikan oleh", max_length=80)
    dimakan = forms.TypedChoiceField(
        label="Dimakan habis?", choices=[("1", "Ya"), ("0", "Tidak")], coerce=lambda v: v == "1"
    )

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = enrolments


class LedgerForm(forms.Form):
    tanggal = _date("Tanggal")
    arah = forms.ChoiceField(label="Masuk/keluar", choices=Direction.choices)
    jumlah = forms.IntegerField(label="Jumlah (Rp)", **RUPIAH)
    sumber = forms.ChoiceField(
        label="Sumber dana (uang masuk)", choices=[("", "—"), *FundSource.choices], required=False
    )
    donor = forms.ModelChoiceField(queryset=None, label="Donatur (uang masuk)", required=False)
    enrolment = forms.ModelChoiceField(queryset=None, label="Untuk peserta (uang keluar)", required=False)
    kegiatan = forms.CharField(label="Keterangan / kegiatan", max_length=120, required=False)

    def __init__(self, *args, donors, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donors
        self.fields["enrolment"].queryset = enrolments


class InnovationForm(forms.Form):
    posyandu = forms.ModelChoiceField(queryset=None, label="Posyandu")
    jenis = forms.ChoiceField(label="Jenis", choices=InnovationKind.choices)
    nama = forms.CharField(label="Nama inovasi", max_length=120)
    mulai = _date("Mulai")
    selesai = _date("Selesai", required=False)
    keterangan = forms.CharField(label="Keterangan", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, posyandu, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posyandu"].queryset = posyandu
