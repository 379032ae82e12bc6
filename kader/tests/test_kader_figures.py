"""Kader ada / aktif / terlatih / per TKK, skills to train next and attendance, hand-made."""

import datetime as dt

from kader import selectors
from kader.models import Skill, SkillAssessment, TkkAward, TkkLevel, Training
from kader.tests.conftest import add_kader
from visits import services as visit_services
from visits.models import Visit, VisitKind

D = dt.date(2026, 3, 1)


def assess(kader, skill_code, hasil, tanggal, user):
    skill = Skill.objects.get(kode=skill_code)
    return SkillAssessment.objects.create(
        kader=kader, skill=skill, hasil=hasil, tanggal=tanggal, penilai=user
    )


def test_figures_count_ada_aktif_terlatih_and_the_latest_tkk_of_active_kader(world):
    user, posyandu = world.users["staff_a"], world.a.posyandu
    k1, k2, k3 = (add_kader(posyandu, n) for n in ("Ani", "Budi", "Cici"))
    gone = add_kader(posyandu, "Dedi", aktif=False)
    add_kader(world.b.posyandu, "Lain")  # another Posyandu
    for k in (k1, k2, gone):
        Training.objects.create(kader=k, kursus="Dasar", tanggal=D, penyelenggara="Puskesmas A")
    Training.objects.create(kader=k1, kursus="Lanjut", tanggal=D, penyelenggara="Dinkes")
    purwa, madya, utama = (TkkLevel.objects.get(kode=c) for c in ("purwa", "madya", "utama"))
    for kader, level, tanggal in (
        (k1, purwa, D),
        (k1, madya, D + dt.timedelta(days=90)),
        (k2, purwa, D),
        (gone, utama, D),
    ):
        TkkAward.objects.create(
            kader=kader, level=level, tanggal=tanggal, penerbit="Dinkes", dicatat_oleh=user
        )
    f = selectors.kader_figures([posyandu.pk, world.a2.posyandu.pk])
    assert (f[posyandu.pk].ada, f[posyandu.pk].aktif, f[posyandu.pk].terlatih) == (4, 3, 2)
    assert dict(f[posyandu.pk].per_tkk) == {"madya": 1, "purwa": 1}
    assert (f[world.a2.posyandu.pk].ada, f[world.a2.posyandu.pk].aktif) == (0, 0)
    total = f[posyandu.pk] + f[world.a2.posyandu.pk]
    assert (total.ada, total.terlatih, total.per_tkk["madya"]) == (4, 2, 1)


def test_skills_to_train_count_the_latest_belum_of_active_kader(world):
    user, posyandu = world.users["staff_a"], world.a.posyandu
    k1, k2, k3 = (add_kader(posyandu, n) for n in ("Ani", "Budi", "Cici"))
    gone = add_kader(posyandu, "Dedi", aktif=False)
    assess(k1, "B1", "belum", D, user)
    assess(k1, "B1", "kompeten", D + dt.timedelta(days=30), user)  # retested: no longer counts
    assess(k2, "B1", "belum", D, user)
    assess(k3, "B1", "belum", D, user)
    assess(k3, "C2", "belum", D, user)
    assess(gone, "C2", "belum", D, user)  # inactive: left out
    found = [(skill.kode, n) for skill, n in selectors.belum_kompeten([posyandu.pk])]
    assert found == [("B1", 2), ("C2", 1)]


def test_skill_status_gives_mastered_areas_and_the_level_by_rule(world):
    user = world.users["staff_a"]
    kader = add_kader(world.a.posyandu, "Ani")
    for skill in Skill.objects.filter(area__kode__in=["A", "B", "C"]):
        assess(kader, skill.kode, "kompeten", D, user)
    status = selectors.skill_status(kader)
    assert (status.kompeten, status.mastered, status.level.kode) == (16, 3, "madya")  # 3 + 7 + 6 skills
    assess(kader, "C6", "belum", D + dt.timedelta(days=1), user)
    status = selectors.skill_status(kader)
    assert (status.kompeten, status.mastered, status.level.kode) == (15, 2, "purwa")


def test_the_default_list_has_25_skills_in_5_areas(world):
    assert Skill.objects.count() == 25
    assert set(Skill.objects.values_list("area__kode", flat=True)) == set("ABCDE")


def test_attendance_for_days_and_home_visits_of_the_kader_login(world):
    user = world.users["kader_a"]
    kader = add_kader(world.a.posyandu, "Ani", user=user)
    day = visit_services.opening_day_open(posyandu=world.a.posyandu, tanggal=D, user=user)
    kader.attendance.create(opening_day=day, meja=2)
    assert [(a.kader.nama, a.meja) for a in selectors.attendance_for_days([day.pk])[day.pk]] == [("Ani", 2)]
    for _ in range(2):
        visit_services.visit_register(person=world.a.person, user=user, tanggal=D)
    visit_services.visit_register(person=world.a.person, user=world.users["staff_a"], tanggal=D)
    assert Visit.objects.filter(jenis=VisitKind.RUMAH).count() == 3
    (row,) = selectors.roster(user=user, posyandu=world.a.posyandu)
    assert (row.n_kunjungan_rumah, row.n_bertugas) == (2, 1)
