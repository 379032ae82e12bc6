"""Forms for households and their members. Messages are in Indonesian and sit by the field."""

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from common.widgets import DATE_WIDGET

from . import access, identifiers, lifecycle, privacy, selectors, services
from .models import Household, Person, Posyandu, Relation
from .validators import move_date_error


def _optional_sixteen_digits(value: str | None) -> str | None:
    """Typed separators removed; an empty value becomes None so that uniqueness ignores it."""
    return identifiers.clean_digits(value) or None


def _already_registered(existing: Person, user) -> str:
    if selectors.visible(user=user, obj=existing):
        url = reverse("person_detail", args=[existing.pk])
        return format_html('NIK ini sudah terdaftar atas nama <a href="{}">{}</a>.', url, existing.nama)
    return services.refuse_elsewhere(user=user, existing=existing)


def _refuse_when_probes_exhausted(user, value: str, current: str | None, label: str) -> None:
    """Past the day's limit every new identifier is refused alike, found elsewhere or not."""
    if value != current and privacy.probes_exhausted(user):
        raise forms.ValidationError(privacy.EXHAUSTED_MESSAGE.format(label=label))


def sixteen_digit_field(label: str, help_text: str) -> forms.CharField:
    """Wider than 16 so that "1872 0145 0321 0001" can be typed; the digits are checked in clean."""
    return forms.CharField(
        label=label,
        max_length=24,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def clean_phone(value: str) -> str:
    """A phone number without spaces or dashes: 8–15 digits, optionally after a +."""
    phone = value.replace(" ", "").replace("-", "")
    digits = phone[1:] if phone.startswith("+") else phone
    if phone and (not (digits.isascii() and digits.isdigit()) or not 8 <= len(digits) <= 15):
        raise forms.ValidationError("Nomor HP harus 8–15 angka, boleh diawali +.")
    return phone


PREGNANCY_FIELDS = ("hpht", "tanggal_persalinan")


def _may_be_pregnant(person: Person) -> bool:
    """Whether a registered person is asked HPHT and persalinan: a woman of 10–54 today
    (lifecycle.PREGNANCY_AGE_YEARS), or anyone who has them stored, so they can be corrected.
    A newcomer is always asked; the model refuses the dates beside the field when they cannot be."""
    if person.hpht or person.tanggal_persalinan or not person.tanggal_lahir:
        return True
    today = timezone.localdate()
    return lifecycle.pregnancy_age_error(person.tanggal_lahir, today, person.jenis_kelamin) is None


class PersonForm(forms.ModelForm):
    nik = sixteen_digit_field("NIK", "16 digit. Kosongkan bila belum punya (misalnya bayi).")

    class Meta:
        model = Person
        fields = [
            "nama",
            "nik",
            "jenis_kelamin",
            "tanggal_lahir",
            "hubungan",
            "telepon",
            "hpht",
            "tanggal_persalinan",
            "buku_kia",
        ]
        widgets = {
            "tanggal_lahir": DATE_WIDGET,
            "hpht": DATE_WIDGET,
            "tanggal_persalinan": DATE_WIDGET,
            "telepon": forms.TextInput(attrs={"inputmode": "tel"}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk and not _may_be_pregnant(self.instance):
            for name in PREGNANCY_FIELDS:
                self.fields.pop(name, None)

    def clean_nik(self):
        nik = _optional_sixteen_digits(self.cleaned_data.get("nik"))
        if nik is None:
            return None
        error = identifiers.sixteen_digit_error(nik, "NIK")
        if error:
            raise forms.ValidationError(error)
        _refuse_when_probes_exhausted(self.user, nik, self.instance.nik, "NIK")
        existing = selectors.person_with_nik(nik, besides=self.instance.pk)
        if existing:
            raise forms.ValidationError(_already_registered(existing, self.user))
        return nik

    def clean_telepon(self):
        return clean_phone(self.cleaned_data.get("telepon", ""))


class HouseholdForm(forms.ModelForm):
    no_kk = sixteen_digit_field("No. KK", "16 digit, dari Kartu Keluarga.")

    class Meta:
        model = Household
        fields = ["no_kk", "alamat", "rt", "rw", "dusun", "desa", "posyandu"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["desa"].queryset = selectors.desa_choices(user=user)
        posyandu = selectors.posyandu_choices(user=user)
        self.fields["posyandu"].queryset = posyandu
        if self.instance.pk:
            # Moving to another Posyandu has its own page, which keeps the history.
            del self.fields["posyandu"]
        elif len(posyandu) == 1:
            # A kader has one Posyandu: nothing to choose, so nothing to forget.
            self.fields["posyandu"].empty_label = None
            self.initial["posyandu"] = self.initial["posyandu"] or posyandu[0].pk
            self.initial["desa"] = self.initial.get("desa") or posyandu[0].desa_id

    def clean_no_kk(self):
        no_kk = _optional_sixteen_digits(self.cleaned_data.get("no_kk"))
        if no_kk is None:
            return None
        error = identifiers.sixteen_digit_error(no_kk, "No. KK")
        if error:
            raise forms.ValidationError(error)
        _refuse_when_probes_exhausted(self.user, no_kk, self.instance.no_kk, "No. KK")
        existing = selectors.household_with_no_kk(no_kk, besides=self.instance.pk)
        if existing is None:
            return no_kk
        if selectors.visible(user=self.user, obj=existing):
            url = reverse("household_detail", args=[existing.pk])
            raise forms.ValidationError(
                format_html('No. KK ini sudah terdaftar: <a href="{}">lihat keluarga</a>.', url)
            )
        raise forms.ValidationError(services.refuse_elsewhere(user=self.user, existing=existing))

    def clean_rt(self):
        return _clean_rt_rw(self.cleaned_data.get("rt", ""), "RT")

    def clean_rw(self):
        return _clean_rt_rw(self.cleaned_data.get("rw", ""), "RW")


def _clean_rt_rw(value: str, label: str) -> str:
    value = value.strip()
    if value and not (value.isascii() and value.isdigit()):
        raise forms.ValidationError(f"{label} hanya berisi angka, misalnya 003.")
    return value.zfill(3) if value else ""


class BaseMemberFormSet(BaseInlineFormSet):
    def clean(self):
        if any(self.errors):
            return
        members = [f.cleaned_data for f in self.forms if f.cleaned_data]
        niks = [m["nik"] for m in members if m.get("nik")]
        if len(niks) != len(set(niks)):
            raise forms.ValidationError("Ada NIK yang sama pada dua anggota keluarga.")
        heads = sum(1 for m in members if m.get("hubungan") == Relation.KEPALA)
        if heads != 1:
            raise forms.ValidationError("Tandai tepat satu anggota sebagai kepala keluarga.")
        super().clean()


MemberFormSet = inlineformset_factory(
    Household,
    Person,
    form=PersonForm,
    formset=BaseMemberFormSet,
    extra=1,
    min_num=1,
    validate_min=True,
    can_delete=False,
)


class HouseholdMoveForm(forms.Form):
    ke_posyandu = forms.ModelChoiceField(queryset=Posyandu.objects.none(), label="Pindah ke Posyandu")
    tanggal = forms.DateField(label="Tanggal pindah", widget=DATE_WIDGET)
    alasan = forms.CharField(label="Alasan", max_length=200, required=False)

    def __init__(self, *args, household: Household, choices, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        self.user = user
        self.fields["ke_posyandu"].queryset = choices.exclude(pk=household.posyandu_id)

    def clean_tanggal(self):
        error = move_date_error(
            self.cleaned_data["tanggal"],
            today=timezone.localdate(),
            may_backdate=access.can_backdate_moves(self.user),
        )
        if error:
            raise forms.ValidationError(error)
        return self.cleaned_data["tanggal"]
