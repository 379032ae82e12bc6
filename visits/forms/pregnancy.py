"""Forms of the pregnancy pages. They only parse: the rules (age 10–54, one open pregnancy,
dates inside the pregnancy) are checked by the models' `clean()` inside the services."""

from django import forms

from common.widgets import DATE_WIDGET
from registry.models import Penolong, Sex, Tempat
from visits.models import AncContact, Outcome, PostnatalContact, Pregnancy, SupplementaryFood, TdDose

NUMBER = forms.NumberInput(attrs={"inputmode": "numeric"})


class ParseOnly(forms.ModelForm):
    """A model form that only parses: the model's clean() runs in the service, with the
    pregnancy or the woman it belongs to."""

    def _post_clean(self):
        pass


class PregnancyForm(ParseOnly):
    class Meta:
        model = Pregnancy
        fields = ["hpht", "gravida", "para", "abortus"]
        widgets = {"hpht": DATE_WIDGET, "gravida": NUMBER, "para": NUMBER, "abortus": NUMBER}
        help_texts = {"hpht": "Hari pertama haid terakhir."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("gravida", "para", "abortus"):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = "Wajib diisi (0 bila belum pernah)."
        self.fields["gravida"].error_messages["required"] = "Wajib diisi: kehamilan ke berapa."


class ContactForm(ParseOnly):
    class Meta:
        model = AncContact
        fields = ["ke", "tanggal", "oleh", "sumber"]
        widgets = {"tanggal": DATE_WIDGET, "ke": NUMBER}


class MtForm(ParseOnly):
    class Meta:
        model = SupplementaryFood
        fields = ["tanggal", "hari"]
        widgets = {"tanggal": DATE_WIDGET, "hari": NUMBER}


class PostnatalForm(ParseOnly):
    class Meta:
        model = PostnatalContact
        fields = ["jenis", "tanggal"]
        widgets = {"tanggal": DATE_WIDGET}


class TdForm(ParseOnly):
    class Meta:
        model = TdDose
        fields = ["dosis", "tanggal"]
        widgets = {"tanggal": DATE_WIDGET}


class OutcomeForm(forms.Form):
    hasil = forms.ChoiceField(label="Hasil kehamilan", choices=Outcome.choices)
    tanggal_hasil = forms.DateField(label="Tanggal persalinan/keguguran", widget=DATE_WIDGET)
    berat_lahir_gram = forms.IntegerField(
        label="Berat lahir (gram)",
        required=False,
        min_value=300,
        max_value=6000,
        widget=NUMBER,
        error_messages={"min_value": "Minimal 300 gram.", "max_value": "Maksimal 6000 gram."},
    )
    nama_bayi = forms.CharField(label="Nama bayi", required=False, max_length=100)
    jenis_kelamin_bayi = forms.ChoiceField(
        label="Jenis kelamin bayi", required=False, choices=[("", "—"), *Sex.choices]
    )
    tempat_persalinan = forms.ChoiceField(
        label="Tempat persalinan", required=False, choices=[("", "—"), *Tempat.choices]
    )
    penolong = forms.ChoiceField(
        label="Penolong persalinan", required=False, choices=[("", "—"), *Penolong.choices]
    )
    tanggal_hb0 = forms.DateField(label="Tanggal imunisasi HB0", required=False, widget=DATE_WIDGET)
    BIRTH_FIELDS = ("nama_bayi", "jenis_kelamin_bayi", "berat_lahir_gram", "tempat_persalinan", "penolong")

    def clean(self):
        data = super().clean()
        if data.get("hasil") == Outcome.LAHIR_HIDUP:
            for name in self.BIRTH_FIELDS:
                if not data.get(name):
                    self.add_error(name, "Wajib diisi untuk bayi lahir hidup (bayi didaftarkan).")
        return data

    def values(self) -> tuple[dict, dict]:
        """(the outcome's fields, the baby's) for pregnancy_services.pregnancy_close."""
        data = self.cleaned_data
        outcome = {name: data[name] for name in ("hasil", "tanggal_hasil", "berat_lahir_gram")}
        baby = {"nama": data["nama_bayi"], "jenis_kelamin": data["jenis_kelamin_bayi"],
                "berat_lahir_gram": data["berat_lahir_gram"], "tempat": data["tempat_persalinan"],
                "penolong": data["penolong"], "tanggal_hb0": data.get("tanggal_hb0")}  # fmt: skip
        return outcome, baby
