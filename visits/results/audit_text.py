"""The visit history (riwayat perubahan) as a register reads: the field's label with its unit,
"ya"/"tidak", choices by their name, z-scores rounded to 2 decimals; never a raw field name or
a Python list. Derived bookkeeping (age in days, implausible-index codes) is left out."""

from __future__ import annotations

import decimal
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import number_format

from visits import rules
from visits.models import AuditEntry, Care, Counselling, Measurement
from visits.results.growth_report import INDEX_LABELS

MODELS: dict[int, type[models.Model]] = {2: Measurement, 4: Counselling, 5: Care}
HIDDEN = {"umur_hari", "implausible"}
LIST_CHOICES = {"gejala_tbc": dict(rules.GEJALA_TBC), "skilas": dict(rules.SKILAS)}
QUEUE = {"masuk": "di antrean", "dihapus": "dihapus dari antrean"}
EMPTY = "–"


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def _label(model: type[models.Model], name: str) -> str:
    if name.startswith(("z_", "status_")):
        kind, code = name.split("_", 1)
        return f"{'Z-score' if kind == 'z' else 'Status'} {INDEX_LABELS.get(code, code)}"
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name.replace("_", " ")
    limits = rules.limits_for(name, set())
    label = label[0].upper() + label[1:]
    return f"{label} ({limits.unit})" if limits else label


def _value(model: type[models.Model], name: str, value) -> str:
    if value in (None, "", []):
        return EMPTY
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        names = LIST_CHOICES.get(name, {})
        return ", ".join(names.get(item, str(item)) for item in value)
    if name.startswith("z_"):
        return number_format(value, 2)
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DecimalField):
        return number_format(decimal.Decimal(str(value)), field.decimal_places)
    return str(value)


def readable_changes(entry: AuditEntry) -> list[Change]:
    """What one save changed, line by line, in the words of the register."""
    if entry.meja == 1:
        return [Change("Antrean", QUEUE.get(b, EMPTY), QUEUE.get(a, EMPTY)) for _, b, a in entry.changes()]
    model = MODELS[entry.meja]
    order = {field.name: i for i, field in enumerate(model._meta.fields)}  # the form's order
    changes = sorted(entry.changes(), key=lambda change: order.get(change[0], len(order)))
    lines = [
        Change(_label(model, name), _value(model, name, before), _value(model, name, after))
        for name, before, after in changes
        if name not in HIDDEN and not (not entry.before and _is_default(model, name, after))
    ]
    return [line for line in lines if line.before != line.after]


def _is_default(model: type[models.Model], name: str, value) -> bool:
    """A first save lists what was entered, not every field left at its default."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    default = field.get_default() if field.has_default() else None
    return value in (None, "", []) or value == default


def record_lines(meja: int, record: models.Model | None, fields: list[str]) -> list[tuple[str, str]]:
    """A saved table of a visit, for those who may read but not change it: (label, value)."""
    model = MODELS[meja]
    return [(_label(model, name), _value(model, name, getattr(record, name, None))) for name in fields]
