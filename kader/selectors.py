"""Reads of the kader roster and skills, every query through `registry.scoping.scope()`; the
figures for an area are a fixed number of queries whatever the number of Posyandu or kader."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from registry.models import Posyandu
from registry.scoping import get_scoped_or_404, scope
from visits.models import OpeningDay, Visit, VisitKind

from . import rules
from .models import Attendance, Kader, NakesHadir, Skill, SkillArea, SkillAssessment, TkkAward, TkkLevel


def _count_of(queryset, column: str = "pk"):
    """A correlated COUNT subquery (0 when none)."""
    counted = queryset.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def home_visits_subquery():
    """Home visits (kunjungan rumah) recorded under the kader's own login."""
    return _count_of(
        Visit.objects.filter(jenis=VisitKind.RUMAH, created_by=OuterRef("user_id")), "created_by"
    )


def roster(*, user, posyandu) -> list[Kader]:
    """The kader of one Posyandu with trainings, days on duty, home visits and latest TKK."""
    latest_award = TkkAward.objects.filter(kader=OuterRef("pk")).order_by("-tanggal", "-id")
    kader = scope(Kader.objects.filter(posyandu=posyandu), user).annotate(
        n_pelatihan=Count("trainings", distinct=True),
        n_bertugas=Count("attendance", distinct=True),
        n_kunjungan_rumah=home_visits_subquery(),
        tkk=Subquery(latest_award.values("level__nama")[:1]),
    )
    return list(kader)


def kader_detail(*, user, pk: int) -> Kader:
    queryset = Kader.objects.select_related("posyandu__desa__puskesmas", "user").annotate(
        n_kunjungan_rumah=home_visits_subquery(), n_bertugas=Count("attendance", distinct=True)
    )
    return get_scoped_or_404(
        queryset.prefetch_related(
            "trainings", Prefetch("awards", TkkAward.objects.select_related("level", "dicatat_oleh"))
        ),
        user,
        pk=pk,
    )


def attendance_for_days(day_ids) -> dict[int, list[Attendance]]:
    """Who was on duty at which meja, per opening day (for the F5 monthly form). The caller
    has scoped the days; one query."""
    found = defaultdict(list)
    for row in Attendance.objects.filter(opening_day_id__in=list(day_ids)).select_related("kader"):
        found[row.opening_day_id].append(row)
    return dict(found)


def nakes_for_days(day_ids) -> dict[int, list[NakesHadir]]:
    """The health workers present, per opening day (for the F5). The caller has scoped the
    days; one query."""
    found = defaultdict(list)
    for row in NakesHadir.objects.filter(opening_day_id__in=list(day_ids)):
        found[row.opening_day_id].append(row)
    return dict(found)


def opening_day_for_attendance(*, user, pk: int) -> OpeningDay:
    return get_scoped_or_404(OpeningDay.objects.select_related("posyandu"), user, pk=pk)


def level_rules() -> list[rules.LevelRule]:
    return [rules.LevelRule(lv.kode, lv.nama, lv.min_bidang) for lv in TkkLevel.objects.all()]


@dataclass
class SkillStatus:
    """A kader's skills by area: the latest assessment per skill, mastered areas, the level."""

    areas: list[tuple[SkillArea, list[tuple[Skill, SkillAssessment | None]], bool]]
    kompeten: int
    mastered: int
    level: rules.LevelRule | None


def skill_status(kader: Kader) -> SkillStatus:
    skills = list(Skill.objects.filter(aktif=True).select_related("area"))
    assessments = list(kader.assessments.select_related("penilai"))
    latest_row: dict[int, SkillAssessment] = {}
    for a in sorted(assessments, key=lambda a: (a.tanggal, a.pk)):
        latest_row[a.skill_id] = a
    latest = {skill_id: a.hasil for skill_id, a in latest_row.items()}
    by_area: dict[int, set[int]] = defaultdict(set)
    for s in skills:
        by_area[s.area_id].add(s.pk)
    mastered = rules.mastered_areas(by_area, latest)
    areas: dict[int, tuple] = {}
    for s in skills:
        areas.setdefault(s.area_id, (s.area, [], s.area_id in mastered))[1].append((s, latest_row.get(s.pk)))
    level = rules.tkk_level(len(mastered), level_rules())
    return SkillStatus(list(areas.values()), rules.kompeten_count(latest), len(mastered), level)


def skills_in_use() -> list[Skill]:
    return list(Skill.objects.filter(aktif=True).select_related("area"))


@dataclass
class KaderFigures:
    """Kader ada (on the roster), aktif, terlatih (active with at least one training) and the
    active kader per latest TKK level awarded; they add up from Posyandu to Kab/Kota."""

    ada: int = 0
    aktif: int = 0
    terlatih: int = 0
    per_tkk: Counter = field(default_factory=Counter)

    def __add__(self, other: KaderFigures) -> KaderFigures:
        return KaderFigures(
            self.ada + other.ada, self.aktif + other.aktif, self.terlatih + other.terlatih,
            self.per_tkk + other.per_tkk,
        )  # fmt: skip


def kader_figures(posyandu_ids) -> dict[int, KaderFigures]:
    """Per Posyandu (two queries). The caller passes Posyandu ids it has scoped."""
    ids = list(posyandu_ids)
    result = {pid: KaderFigures() for pid in ids}
    rows = (
        Kader.objects.filter(posyandu_id__in=ids)
        .values("posyandu_id")
        .annotate(
            n_ada=Count("pk", distinct=True),
            n_aktif=Count("pk", filter=Q(aktif=True), distinct=True),
            n_terlatih=Count("pk", filter=Q(aktif=True, trainings__isnull=False), distinct=True),
        )
    )
    for row in rows:
        result[row["posyandu_id"]] = KaderFigures(row["n_ada"], row["n_aktif"], row["n_terlatih"])
    latest_award = TkkAward.objects.filter(kader=OuterRef("pk")).order_by("-tanggal", "-id")
    awarded = (
        Kader.objects.filter(posyandu_id__in=ids, aktif=True)
        .annotate(level=Subquery(latest_award.values("level__kode")[:1]))
        .filter(level__isnull=False)
        .values_list("posyandu_id", "level")
    )
    for posyandu_id, level in awarded:
        result[posyandu_id].per_tkk[level] += 1
    return result


def belum_kompeten(posyandu_ids, limit: int = 5) -> list[tuple[Skill, int]]:
    """The skills most often "belum kompeten" in the latest assessment of active kader: what to
    train next. Two queries."""
    later = SkillAssessment.objects.filter(kader=OuterRef("kader"), skill=OuterRef("skill")).filter(
        Q(tanggal__gt=OuterRef("tanggal")) | Q(tanggal=OuterRef("tanggal"), pk__gt=OuterRef("pk"))
    )
    latest_belum = (
        SkillAssessment.objects.filter(kader__posyandu_id__in=list(posyandu_ids), kader__aktif=True)
        .filter(hasil=rules.BELUM)
        .exclude(Exists(later))
        .values("skill_id")
        .annotate(n=Count("pk"))
    )
    counts = Counter({row["skill_id"]: row["n"] for row in latest_belum})
    top = counts.most_common(limit)
    skills = Skill.objects.select_related("area").in_bulk([skill_id for skill_id, _ in top])
    return [(skills[skill_id], n) for skill_id, n in top]


def tkk_levels() -> list[TkkLevel]:
    return list(TkkLevel.objects.all())


ROLL_UPS = {
    "posyandu": lambda p: (p.pk, p.nama, p.desa.nama),
    "desa": lambda p: (p.desa_id, p.desa.nama, p.desa.puskesmas.nama if p.desa.puskesmas else "–"),
    "puskesmas": lambda p: (p.desa.puskesmas_id, p.desa.puskesmas.nama if p.desa.puskesmas else "–", ""),
}


def roll_up(posyandu_list, figures: dict[int, KaderFigures], per: str) -> list[tuple[str, str, KaderFigures]]:
    """Figures added up per Posyandu, desa or Puskesmas: (name, where, figures) rows."""
    key_of = ROLL_UPS[per]
    rows: dict = {}
    for p in posyandu_list:
        key, name, where = key_of(p)
        _, _, sum_so_far = rows.get(key, (name, where, KaderFigures()))
        rows[key] = (name, where, sum_so_far + figures[p.pk])
    return list(rows.values())


def area_posyandu(*, user):
    """The Posyandu of the user's area with desa and Puskesmas, for the area pages."""
    return list(
        scope(Posyandu.objects.select_related("desa__puskesmas"), user).order_by(
            "desa__puskesmas__nama", "desa__nama", "nama"
        )
    )


def active_kader_of(posyandu_id: int) -> list[Kader]:
    """The active kader of a Posyandu the caller has scoped, by name."""
    return list(Kader.objects.filter(posyandu_id=posyandu_id, aktif=True).order_by("nama"))
