"""Life-cycle groups as SQL conditions relative to each visit's own date.

registry.lifecycle decides groups in Python for one date; reports need the same rule for every
visit at once. Completed months are computed from year, month and day parts, which every
database supports, exactly as registry.lifecycle.completed_months does.
"""

import datetime as dt
from functools import partial

from django.db.models import Case, ExpressionWrapper, F, Func, IntegerField, Q, Value, When
from django.db.models.lookups import LessThan

from registry.lifecycle import RULES, Group


class DatePart(Func):
    """The year, month or day of a date field, as an integer. On PostgreSQL date_part() cast to
    integer: a report repeats the age of each visit in every age condition, and EXTRACT, a
    numeric since PostgreSQL 14, made that several times slower. Elsewhere Django's EXTRACT."""

    output_field = IntegerField()

    def __init__(self, part: str, field: str):
        super().__init__(F(field))
        self.part = part

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return connection.ops.date_extract_sql(self.part, sql, params)

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date_part('{self.part}', {sql})::integer", params


def completed_months(on: str, born: str) -> ExpressionWrapper:
    """Whole calendar months from the date field `born` to the date field `on`."""
    year, month, day = (partial(DatePart, part) for part in ("year", "month", "day"))
    diff = (year(on) * 12 + month(on)) - (year(born) * 12 + month(born))
    not_yet = Case(When(LessThan(day(on), day(born)), then=Value(1)), default=Value(0))
    return ExpressionWrapper(diff - not_yet, output_field=IntegerField())


def group_q(group: Group, months: str = "umur_bulan", on: str = "tanggal", person: str = "person__") -> Q:
    """Rows (annotated with `months` = completed_months) whose person is in `group` on `on`."""
    r = RULES
    limits = {
        Group.BAYI_BALITA: (0, r.balita_until_months),
        Group.ANAK_PRASEKOLAH: (r.balita_until_months, r.prasekolah_until_months),
        Group.USIA_SEKOLAH_REMAJA: (r.prasekolah_until_months, r.remaja_until_years * 12),
        Group.USIA_DEWASA: (r.remaja_until_years * 12, r.lansia_from_years * 12),
        Group.LANSIA: (r.lansia_from_years * 12, 100_000),
    }
    if group in limits:
        low, high = limits[group]
        return Q(**{f"{months}__gte": low, f"{months}__lt": high})
    p = person
    woman = Q(**{f"{p}jenis_kelamin": "P"})
    if group == Group.IBU_HAMIL:
        started = Q(**{f"{p}hpht__lte": F(on)})
        ongoing = (
            Q(**{f"{p}tanggal_persalinan__isnull": True}) | Q(**{f"{p}tanggal_persalinan__lt": F(f"{p}hpht")})
        ) & Q(**{f"{p}hpht__gte": F(on) - dt.timedelta(days=r.max_pregnancy_days)})
        before_birth = Q(
            **{f"{p}tanggal_persalinan__gte": F(f"{p}hpht"), f"{p}tanggal_persalinan__gt": F(on)}
        )
        return woman & started & (ongoing | before_birth)
    delivered = Q(
        **{
            f"{p}tanggal_persalinan__lte": F(on),
            f"{p}tanggal_persalinan__gte": F(on) - dt.timedelta(days=r.menyusui_days),
        }
    )
    pregnant_again = Q(**{f"{p}hpht__gt": F(f"{p}tanggal_persalinan"), f"{p}hpht__lte": F(on)})
    return woman & delivered & ~pregnant_again
