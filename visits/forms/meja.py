"""Forms of the five tables (meja) of a visit; fields follow the person's life-cycle groups."""

import functools

from django import forms
from django.core.validators import MaxValueValidator
from django.forms import modelform_factory

from registry.lifecycle import Group
from visits import rules, service_windows
from visits.models import Care, Counselling, Measurement


def _number_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _impossible(name: str, value: float, limits: rules.Limits) -> str:
    label = Measurement._meta.get_field(name).verbose_name.capitalize()
    bounds = f"{_number_text(limits.low)}–{_number_text(limits.high)} {limits.unit}"
    return f"{label} {_number_text(value)} {limits.unit} tidak mungkin; periksa lagi (batas {bounds})."


class MeasurementForm(forms.ModelForm):
    """Meja 2. Impossible values are refused beside the field; abnormal ones are accepted and
    flagged at meja 3."""

    def __init__(self, *args, groups: set[Group], subject: rules.Subject | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        for name, field in self.fields.items():
            limits = rules.limits_for(name, groups)
            if limits:
                field.label = f"{field.label} ({limits.unit})"
            if isinstance(field, forms.DecimalField | forms.IntegerField):
                field.localize = True
                field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
                field.widget.is_localized = True

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            limits = rules.limits_for(name, self.groups)
            if value is None or limits is None or name == "cara_ukur":
                continue
            if not limits.low <= value <= limits.high:
                self.add_error(name, _impossible(name, float(value), limits))
        # a value refused above is not "nothing measured": its own message is enough
        if not self.errors and not any(
            data.get(name) is not None for name in self.fields if name != "cara_ukur"
        ):
            raise forms.ValidationError("Isi paling sedikit satu ukuran; meja 2 tanpa ukuran tidak disimpan.")
        sistol, diastol = data.get("sistol"), data.get("diastol")
        if (sistol is None) != (diastol is None):
            self.add_error("diastol" if diastol is None else "sistol", "Isi sistol dan diastol bersama.")
        elif sistol is not None and sistol <= diastol:
            self.add_error("sistol", "Sistol harus lebih besar dari diastol.")
        return data


@functools.cache
def _model_form(model, form, fields: tuple[str, ...]):
    """The form class for these fields, built once: a class is needed for every record saved (the
    page, the service's whitelist, each record of an offline sync) and the combinations of
    life-cycle groups and ages are few."""
    return modelform_factory(model, form=form, fields=list(fields))


def measurement_form(groups: set[Group], subject: rules.Subject | None = None) -> type[MeasurementForm]:
    return _model_form(
        Measurement, MeasurementForm, tuple(rules.fields_for(groups, rules.MEASUREMENTS, subject))
    )


class CounsellingForm(forms.ModelForm):
    class Meta:
        model = Counselling
        fields = ["topik", "catatan", "pmt", "pmt_jenis"]
        widgets = {"catatan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, groups: set[Group] | None = None, subject=None, **kwargs):
        super().__init__(*args, **kwargs)


YES_NO = [("", "—"), ("true", "Ya"), ("false", "Tidak")]
SCORE_LIMITS = {"puma_skor": 9, "srq20_skor": 20, "sdq_skor": 40, "aks_skor": 20, "kunjungan_anc": 12,
                "ttd_tablet": 90}  # fmt: skip


class CareForm(forms.ModelForm):
    """Meja 5: only the services of the person's groups are shown."""

    imunisasi = forms.MultipleChoiceField(
        label="Imunisasi diberikan", required=False, choices=[(a, a) for a in rules.IMUNISASI],
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    gejala_tbc = forms.MultipleChoiceField(
        label="Gejala TBC", required=False, choices=rules.GEJALA_TBC, widget=forms.CheckboxSelectMultiple
    )
    skilas = forms.MultipleChoiceField(
        label="SKILAS: item positif",
        required=False,
        choices=rules.SKILAS,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, groups: set[Group], subject: rules.Subject | None = None,
                 earlier_doses: dict | None = None, **kwargs):  # fmt: skip
        """`subject`: whose age the service windows read; `earlier_doses`: antigen → date given
        on the person's earlier visits (visits.selectors.earlier_doses)."""
        super().__init__(*args, **kwargs)
        self.subject, self.earlier_doses = subject, earlier_doses or {}
        for name in [n for n in self.fields if n not in self._meta.fields]:
            del self.fields[name]  # declared check-box fields of groups the person is not in
        for name, field in self.fields.items():
            if isinstance(field, forms.NullBooleanField):
                field.widget = forms.Select(choices=YES_NO)
            if name in SCORE_LIMITS:
                field.validators.append(_max_validator(SCORE_LIMITS[name]))
                field.widget.attrs.update({"inputmode": "numeric", "max": SCORE_LIMITS[name]})
        if subject is not None and "imunisasi" in self.fields:
            self._show_open_antigens(subject)

    def _show_open_antigens(self, subject: rules.Subject) -> None:
        """Show only the antigens whose age window is open on the day (HB0 to a newborn, not to
        a 3-year-old), and any already ticked. The field keeps every antigen as a valid choice,
        so one posted outside its window is refused with the reason (service_windows.dose_error)
        and the phone's form catalogue (offline.forms_spec) is the same for every age."""
        field = self.fields["imunisasi"]
        posted = self.data.getlist(self.add_prefix("imunisasi")) if hasattr(self.data, "getlist") else []
        ticked = set(self.initial.get("imunisasi") or []) | set(posted)
        shown = [(a, a) for a in rules.IMUNISASI if a in ticked or service_windows.in_age_window(a, subject)]
        field.widget.choices = shown
        if not shown:
            field.widget = forms.MultipleHiddenInput()

    def clean(self):
        data = super().clean()
        if self.subject is None:
            return data
        capsule = data.get("vitamin_a")
        if capsule and (error := service_windows.vitamin_a_error(capsule, self.subject)):
            self.add_error("vitamin_a", error)
        if data.get("obat_cacing") and (error := service_windows.obat_cacing_error(self.subject)):
            self.add_error("obat_cacing", error)
        today = set(data.get("imunisasi") or [])
        for antigen in sorted(today):
            error = service_windows.dose_error(antigen, self.subject, self.earlier_doses, today)
            if error:
                self.add_error("imunisasi", error)
        return data


def _max_validator(limit: int) -> MaxValueValidator:
    return MaxValueValidator(limit, f"Nilai paling besar {limit}.")


def care_form(groups: set[Group], subject: rules.Subject | None = None) -> type[CareForm]:
    return _model_form(Care, CareForm, (*rules.fields_for(groups, rules.SERVICES, subject), "catatan"))


def counselling_form(groups: set[Group], subject: rules.Subject | None = None) -> type[CounsellingForm]:
    return CounsellingForm


FORMS_BY_MEJA = {2: measurement_form, 4: counselling_form, 5: care_form}
