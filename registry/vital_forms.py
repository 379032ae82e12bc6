"""Forms of the vital events: they only parse; the rules are in registry.vital_services."""

from django import forms

from common.widgets import DATE_WIDGET

from .forms import PersonForm
from .models import JenisKeluar, Penolong, Tempat


class BirthForm(PersonForm):
    """The baby (name, NIK if any, sex, birth date) and the birth's details."""

    tempat = forms.ChoiceField(label="Tempat persalinan", choices=Tempat.choices)
    penolong = forms.ChoiceField(label="Penolong persalinan", choices=Penolong.choices)
    berat_lahir_gram = forms.IntegerField(label="Berat lahir (gram)", help_text="Di bawah 2.500 gram: BBLR.")
    panjang_lahir_cm = forms.DecimalField(label="Panjang lahir (cm)", required=False, max_digits=4,
                                          decimal_places=1)  # fmt: skip
    imd = forms.BooleanField(label="IMD (inisiasi menyusu dini) dilakukan", required=False)
    tanggal_hb0 = forms.DateField(label="Tanggal imunisasi HB0", required=False, widget=DATE_WIDGET)

    class Meta(PersonForm.Meta):
        fields = ["nama", "nik", "jenis_kelamin", "tanggal_lahir"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nama"].help_text = 'Boleh "Bayi Ny. …" bila belum bernama.'
        for name in ("berat_lahir_gram", "panjang_lahir_cm"):
            # Typed as on paper: 46,5 cm (decimal comma), as the meja 2 form reads numbers.
            field = self.fields[name]
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
            field.widget.is_localized = True


class DeathForm(forms.Form):
    tanggal = forms.DateField(label="Tanggal meninggal", widget=DATE_WIDGET)
    tempat = forms.ChoiceField(label="Tempat meninggal", choices=Tempat.choices)
    sebab = forms.CharField(label="Sebab (seperti yang diceritakan keluarga)", max_length=200)
    kematian_ibu = forms.BooleanField(
        label="Meninggal saat hamil, bersalin atau nifas", required=False,
        help_text="Ditandai otomatis bila tercatat hamil atau dalam 42 hari setelah persalinan.",
    )  # fmt: skip


class DepartureForm(forms.Form):
    jenis = forms.ChoiceField(label="Keterangan", choices=JenisKeluar.choices, widget=forms.RadioSelect)
    tanggal = forms.DateField(label="Tanggal", widget=DATE_WIDGET)
    alasan = forms.CharField(label="Alasan", max_length=200)


class ReactivateForm(forms.Form):
    tanggal = forms.DateField(label="Tanggal aktif kembali", widget=DATE_WIDGET)
    alasan = forms.CharField(label="Keterangan", max_length=200, required=False)
