"""Life-cycle groups (sasaran ILP) from birth date, sex and maternal status at a date.

Django-free. A person can be in two groups (a pregnant 20-year-old is ibu hamil and usia
dewasa). The group is always derived for the date asked, never stored, so it cannot go stale.

Ages are counted in completed calendar months and years, as on the Buku KIA: a month is
completed on the same day-of-month as the birth day; when that day does not exist in the month
(born on the 31st, or on 29 February) it is completed on the first day of the next month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass


class Group(enum.StrEnum):
    IBU_HAMIL = "ibu_hamil"
    IBU_NIFAS_MENYUSUI = "ibu_nifas_menyusui"
    BAYI_BALITA = "bayi_balita"
    ANAK_PRASEKOLAH = "anak_prasekolah"
    USIA_SEKOLAH_REMAJA = "usia_sekolah_remaja"
    USIA_DEWASA = "usia_dewasa"
    LANSIA = "lansia"

    @property
    def label(self) -> str:
        return GROUP_LABELS[self]


GROUP_LABELS = {
    Group.IBU_HAMIL: "Ibu hamil",
    Group.IBU_NIFAS_MENYUSUI: "Ibu nifas & menyusui",
    Group.BAYI_BALITA: "Bayi & balita",
    Group.ANAK_PRASEKOLAH: "Anak prasekolah",
    Group.USIA_SEKOLAH_REMAJA: "Usia sekolah & remaja",
    Group.USIA_DEWASA: "Usia dewasa",
    Group.LANSIA: "Lansia",
}


@dataclass(frozen=True)
class LifecycleRules:
    """Age limits in completed months and maternal periods in days, kept in one place."""

    balita_until_months: int = 60  # 0–59 months
    prasekolah_until_months: int = 72  # 60–71 months
    remaja_until_years: int = 18  # 6–17 years
    lansia_from_years: int = 60
    max_pregnancy_days: int = 44 * 7  # an HPHT older than this without a birth is stale
    nifas_days: int = 42
    menyusui_days: int = 2 * 365 + 1  # breastfeeding is counselled up to two years


RULES = LifecycleRules()


def completed_months(birth_date: dt.date, on: dt.date) -> int:
    """Whole calendar months from birth_date to on (negative when on is before birth)."""
    months = (on.year - birth_date.year) * 12 + (on.month - birth_date.month)
    if on.day < birth_date.day:
        months -= 1
    return months


def completed_years(birth_date: dt.date, on: dt.date) -> int:
    return completed_months(birth_date, on) // 12


def maternal_groups(
    on: dt.date,
    hpht: dt.date | None,
    tanggal_persalinan: dt.date | None,
    rules: LifecycleRules = RULES,
) -> set[Group]:
    """Ibu hamil from HPHT (first day of last menstrual period); nifas/menyusui from the last birth."""
    groups: set[Group] = set()
    delivered_after_hpht = tanggal_persalinan is not None and hpht is not None and tanggal_persalinan >= hpht
    if hpht is not None and not delivered_after_hpht and 0 <= (on - hpht).days <= rules.max_pregnancy_days:
        groups.add(Group.IBU_HAMIL)
    # hpht <= on < persalinan already means the delivery came after HPHT.
    if hpht is not None and tanggal_persalinan is not None and hpht <= on < tanggal_persalinan:
        groups.add(Group.IBU_HAMIL)
    if tanggal_persalinan is not None and tanggal_persalinan <= on:
        pregnant_again = hpht is not None and hpht > tanggal_persalinan and hpht <= on
        if (on - tanggal_persalinan).days <= rules.menyusui_days and not pregnant_again:
            groups.add(Group.IBU_NIFAS_MENYUSUI)
    return groups


def lifecycle_groups(
    birth_date: dt.date,
    on: dt.date,
    sex: str = "",
    hpht: dt.date | None = None,
    tanggal_persalinan: dt.date | None = None,
    rules: LifecycleRules = RULES,
) -> set[Group]:
    """The groups a person belongs to on a date; empty before birth."""
    months = completed_months(birth_date, on)
    if months < 0 or on < birth_date:
        return set()
    if months < rules.balita_until_months:
        groups = {Group.BAYI_BALITA}
    elif months < rules.prasekolah_until_months:
        groups = {Group.ANAK_PRASEKOLAH}
    elif months < rules.remaja_until_years * 12:
        groups = {Group.USIA_SEKOLAH_REMAJA}
    elif months < rules.lansia_from_years * 12:
        groups = {Group.USIA_DEWASA}
    else:
        groups = {Group.LANSIA}
    if sex == "P":
        groups |= maternal_groups(on, hpht, tanggal_persalinan, rules)
    return groups


def is_nifas(on: dt.date, tanggal_persalinan: dt.date | None, rules: LifecycleRules = RULES) -> bool:
    """Nifas: the first 42 days after giving birth (the day of birth is day 0)."""
    if tanggal_persalinan is None:
        return False
    return 0 <= (on - tanggal_persalinan).days <= rules.nifas_days


def sorted_groups(groups: set[Group]) -> list[Group]:
    """Groups in the life-cycle order of the ILP tables."""
    order = list(Group)
    return sorted(groups, key=order.index)


def months_before(on: dt.date, months: int) -> dt.date:
    """The latest birth date that has completed `months` months on `on`.

    completed_months(b, on) >= months  ⇔  b <= months_before(on, months); this lets the
    database filter groups by birth date.
    """
    index = on.year * 12 + (on.month - 1) - months
    year, month0 = divmod(index, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(on.day, last_day))


def age_band(group: Group, on: dt.date, rules: LifecycleRules = RULES) -> tuple[dt.date | None, dt.date]:
    """(earliest, latest) birth dates of an age group on a date; earliest None = no limit."""
    limits = {
        Group.BAYI_BALITA: (rules.balita_until_months, 0),
        Group.ANAK_PRASEKOLAH: (rules.prasekolah_until_months, rules.balita_until_months),
        Group.USIA_SEKOLAH_REMAJA: (rules.remaja_until_years * 12, rules.prasekolah_until_months),
        Group.USIA_DEWASA: (rules.lansia_from_years * 12, rules.remaja_until_years * 12),
        Group.LANSIA: (None, rules.lansia_from_years * 12),
    }
    upper_months, lower_months = limits[group]
    earliest = None
    if upper_months is not None:
        earliest = months_before(on, upper_months) + dt.timedelta(days=1)
    return earliest, months_before(on, lower_months)


# The KMK gives no age limits for pregnancy; 10–54 years is the span the project's issue 10 sets
# (women of reproductive age as BPS counts them) so that a baby or a grandmother cannot be
# registered as pregnant by a slip of the finger.
PREGNANCY_AGE_YEARS = (10, 54)


def pregnancy_age_error(birth_date: dt.date, day: dt.date, sex: str) -> str | None:
    """Why a pregnancy (HPHT) or a birth on `day` cannot be recorded for this person, or None."""
    if sex != "P":
        return "Kehamilan dan persalinan hanya untuk perempuan."
    low, high = PREGNANCY_AGE_YEARS
    years = completed_years(birth_date, day)
    if not low <= years <= high:
        return f"Umur {years} tahun pada tanggal itu: kehamilan hanya untuk perempuan {low}–{high} tahun."
    return None


# Bayi Berat Lahir Rendah: "bayi dengan berat lahir di bawah 2500 gram" (KMK ILP 2023 L1571).
BBLR_BELOW_GRAM = 2500


def is_bblr(berat_lahir_gram: int | None) -> bool:
    """BBLR: a birth weight under 2,500 g (KMK ILP 2023 L1571); 2,500 g itself is not BBLR."""
    return berat_lahir_gram is not None and berat_lahir_gram < BBLR_BELOW_GRAM


def is_maternal_death(
    on: dt.date, hpht: dt.date | None, tanggal_persalinan: dt.date | None, rules: LifecycleRules = RULES
) -> bool:
    """A death while pregnant or within the 42 days of nifas after a delivery (nifas ends with
    KF4 at 29–42 days, KMK ILP 2023 L1286), as the registry knows it."""
    return Group.IBU_HAMIL in maternal_groups(on, hpht, tanggal_persalinan, rules) or is_nifas(
        on, tanggal_persalinan, rules
    )


def not_counted_from(event: dt.date) -> dt.date:
    """The first day of the month after a death or a departure: from then on the person leaves
    S and every sasaran; the event's own month still counts them."""
    return (event.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
