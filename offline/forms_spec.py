"""The meja forms described for the phone: which fields a person gets at meja 2, 4 and 5, with
labels, units, choices and the impossible-value limits. Read from the real forms
(visits.forms.meja.FORMS_BY_MEJA) and visits/rules.py, so the phone asks what the server asks;
the server still validates everything again on sync."""

from __future__ import annotations

from django import forms

from registry.lifecycle import PREGNANCY_AGE_YEARS, Group
from visits import rules
from visits.forms.meja import FORMS_BY_MEJA
from visits.forms.pregnancy import PregnancyForm

MEJA = (2, 4, 5)


def _kind(field: forms.Field) -> str:
    """n number, m several choices, c one choice, b yes/no, t text."""
    if isinstance(field, forms.MultipleChoiceField):
        return "m"
    if isinstance(field, forms.DecimalField | forms.IntegerField):
        return "n"
    if isinstance(field, forms.NullBooleanField | forms.TypedChoiceField | forms.ChoiceField):
        return "c"
    if isinstance(field, forms.BooleanField):
        return "b"
    return "t"


def _describe(name: str, field: forms.Field, groups: set[Group]) -> dict:
    spec: dict = {"f": name, "l": str(field.label), "k": _kind(field)}
    if isinstance(field, forms.NullBooleanField):
        spec["ch"] = [["", "—"], ["true", "Ya"], ["false", "Tidak"]]
    elif getattr(field, "choices", None):
        spec["ch"] = [[str(value), str(label)] for value, label in field.choices]
    limits = rules.limits_for(name, groups)
    if limits and name != "cara_ukur":
        spec["lo"], spec["hi"], spec["u"] = limits.low, limits.high, limits.unit
    return spec


def form_fields(meja: int, groups: set[Group], subject: rules.Subject) -> list[dict]:
    """The fields of meja `meja` for a person of `groups` on the subject's date."""
    form = FORMS_BY_MEJA[meja](groups, subject)(groups=groups, subject=subject)
    return [_describe(name, field, groups) for name, field in form.fields.items()]


def pregnancy_fields() -> dict:
    """The fields of *Catat kehamilan baru* (PregnancyForm) for a woman registered at meja 1 on
    the phone, and the ages (completed years on the HPHT) at which a pregnancy is recorded."""
    fields = [_describe(name, field, set()) for name, field in PregnancyForm().fields.items()]
    for spec in fields:
        spec["l"] += " (tttt-bb-hh)" if spec["f"] == "hpht" else ""
    return {"umur": list(PREGNANCY_AGE_YEARS), "form": fields}


class FormCatalogue:
    """Forms shared by many people are sent once: each person refers to them by number."""

    def __init__(self) -> None:
        self.forms: list[list[dict]] = []
        self._index: dict[tuple, int] = {}

    def number(self, meja: int, groups: set[Group], subject: rules.Subject) -> int:
        table = rules.MEASUREMENTS if meja == 2 else rules.SERVICES
        names = tuple(rules.fields_for(groups, table, subject)) if meja != 4 else ()
        child = bool(groups & rules.CHILD)
        key = (meja, names, child, Group.USIA_SEKOLAH_REMAJA in groups)
        if key not in self._index:
            self._index[key] = len(self.forms)
            self.forms.append(form_fields(meja, groups, subject))
        return self._index[key]
