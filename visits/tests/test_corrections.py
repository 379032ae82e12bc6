"""A corrected birth date or sex recomputes every stored result of the person's visits in one
transaction; a referral whose reason is gone is cancelled (who, when, why), never deleted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registry import services as registry_services
from registry.forms import PersonForm
from registry.models import Person
from reports import selectors as report_selectors
from reports.period import Month
from tests.factories import NOV_15, child_in, save
from visits import selectors, services
from visits.models import AuditEntry, Measurement, Referral
from visits.results.audit_text import Change, readable_changes

D = dt.date
# Three monthly weighings of a girl: 7,00 → 7,30 → 7,55 kg (gains 300 g and 250 g).
WEIGHINGS = [(D(2026, 9, 5), "7.00"), (D(2026, 10, 5), "7.30"), (D(2026, 11, 5), "7.55")]
WRONG_BIRTH = D(2026, 3, 1)  # typed by mistake: 6, 7 and 8 completed months at the weighings
TRUE_BIRTH = D(2024, 9, 1)  # the Buku KIA says: 24, 25 and 26 completed months

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_15")]


@pytest.fixture
def girl(world):
    return child_in(world.a.posyandu, nama="Nabila", jenis_kelamin="P", tanggal_lahir=WRONG_BIRTH)


@pytest.fixture
def weighed(world, girl, visit_factory):
    """The girl's three visits, weighed by Puskesmas staff (older than the kader's 30 days)."""
    visits = [visit_factory(girl, day) for day, _ in WEIGHINGS]
    for visit, (_, kg) in zip(visits, WEIGHINGS, strict=True):
        save(visit, 2, world.users["staff_a"], berat_kg=Decimal(kg), cara_ukur=0)
    return visits


def results(visits):
    rows = Measurement.objects.filter(visit__in=visits).order_by("visit__tanggal")
    return [(m.umur_hari, round(m.z_bbu, 2), m.status_bbu, m.kms, m.two_t, m.bgm) for m in rows]


def referrals(visits):
    """(visit index, kode, cancelled?) of every referral, cancelled ones included."""
    index = {v.pk: i for i, v in enumerate(visits)}
    rows = Referral.objects.filter(visit__in=visits)
    return sorted((index[r.visit_id], r.kode, r.dibatalkan_at is not None) for r in rows)


def correct(person: Person, user, **changes) -> Person:
    data = {f: getattr(person, f) for f in PersonForm.Meta.fields} | changes
    form = PersonForm(data, instance=Person.objects.get(pk=person.pk), user=user)
    assert form.is_valid(), form.errors
    return registry_services.person_save(user=user, person=person, fields=form.cleaned_data)


def test_before_the_correction_the_wrong_birth_date_gives_t_and_2t(weighed):
    # Girl, WHO BB/U at 188 days: L −0,0808, M 7,3614, S 0,12197 →
    # z = ((7,00/7,3614)^−0,0808 − 1)/(−0,0808 × 0,12197) = −0,41.
    # KMS: 7 months on 5 Oct, KBM 400 g, gain 300 g → T; 8 months on 5 Nov, KBM 300 g, gain 250 g → T, 2T.
    assert results(weighed) == [
        (188, -0.41, "Berat badan normal", "B", False, False),
        (218, -0.43, "Berat badan normal", "T", False, False),
        (249, -0.48, "Berat badan normal", "T", True, False),
    ]
    assert referrals(weighed) == [(1, "t", False), (2, "2t", False)]


def test_birth_date_corrected_recomputes_z_status_kms_2t_bgm_and_referrals(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    # Girl, 734 days: z < −3, so restricted: SD3 = 11,5015 × (1 − 3 × −0,2945 × 0,12392)^(1/−0,2945)
    # = 8,082 kg, SD2 = 9,054 kg → z = −3 + (7,00 − 8,082)/(9,054 − 8,082) = −4,11: BGM.
    # KMS: 25 and 26 months, KBM 200 g; gains 300 g and 250 g → N, N; no 2T.
    assert results(weighed) == [
        (734, -4.11, "Berat badan sangat kurang", "B", False, True),
        (764, -3.93, "Berat badan sangat kurang", "N", False, True),
        (795, -3.81, "Berat badan sangat kurang", "N", False, True),
    ]
    assert referrals(weighed) == [
        (0, "bgm", False),
        (1, "bgm", False),
        (1, "t", True),
        (2, "2t", True),
        (2, "bgm", False),
    ]


def test_cancelled_referral_keeps_who_when_and_why(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    cancelled = Referral.objects.get(visit=weighed[1], kode="t")
    assert cancelled.alasan == "Berat badan tidak naik (T)"
    assert cancelled.dibatalkan_oleh == world.users["kader_a"]
    assert cancelled.dibatalkan_at == NOV_15
    assert cancelled.alasan_pembatalan == "Alasan tidak berlaku lagi: koreksi tanggal lahir"
    assert not cancelled.is_open


def test_cancelled_referrals_leave_the_open_list(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    open_codes = selectors.referrals(user=world.users["staff_a"], open_only=True).filter(visit__person=girl)
    every_code = selectors.referrals(user=world.users["staff_a"]).filter(visit__person=girl)
    assert sorted(open_codes.values_list("kode", flat=True)) == ["bgm", "bgm", "bgm"]
    assert every_code.count() == 5


def test_monthly_report_counts_rujukan_dibatalkan(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    a = world.a.posyandu.pk
    october = report_selectors.posyandu_month(posyandu_ids=[a], month=Month(2026, 10))[a].rujukan
    # October: the cancelled T and the new BGM of one girl
    assert (october.dirujuk, october.alasan, october.ditindaklanjuti) == (1, 2, 0)
    assert (october.dibatalkan, october.terbuka) == (1, 1)
    assert october.persen_ditindaklanjuti == 0  # 0 of the 1 referral that still stands


def test_sex_corrected_recomputes_bgm_and_cancels_its_referral(world, visit_factory):
    child = child_in(world.a.posyandu, nama="Alya", jenis_kelamin="L", tanggal_lahir=D(2025, 11, 5))
    visit = visit_factory(child, D(2026, 11, 5))
    save(visit, 2, world.users["kader_a"], berat_kg=Decimal("6.60"), cara_ukur=0)
    # Boy, 365 days: L 0,0645, M 9,646, S 0,10925; SD3 6,926 kg, SD2 7,741 kg →
    # z = −3 + (6,60 − 6,926)/(7,741 − 6,926) = −3,40: BGM.
    assert results([visit]) == [(365, -3.4, "Berat badan sangat kurang", "B", False, True)]
    assert referrals([visit]) == [(0, "bgm", False)]
    correct(child, world.users["kader_a"], jenis_kelamin="P")
    # Girl, 365 days: L −0,2022, M 8,9462, S 0,12267 → z = ((6,60/8,9462)^−0,2022 − 1)/(−0,2022 × 0,12267)
    # = −2,56: kurang, not BGM.
    assert results([visit]) == [(365, -2.56, "Berat badan kurang", "B", False, False)]
    assert referrals([visit]) == [(0, "bgm", True)]
    assert Referral.objects.get(visit=visit).alasan_pembatalan == (
        "Alasan tidak berlaku lagi: koreksi jenis kelamin"
    )


def test_correction_is_all_or_nothing(world, girl, weighed, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("worker lost")

    monkeypatch.setattr(services, "person_referrals_refresh", fail)
    with pytest.raises(RuntimeError):
        correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    assert Person.objects.get(pk=girl.pk).tanggal_lahir == WRONG_BIRTH
    assert [r[:2] for r in results(weighed)] == [(188, -0.41), (218, -0.43), (249, -0.48)]
    assert referrals(weighed) == [(1, "t", False), (2, "2t", False)]


def test_correcting_back_reopens_the_cancelled_referral(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    correct(girl, world.users["kader_a"], tanggal_lahir=WRONG_BIRTH)
    # T and 2T hold again and reopen; the BGM of the true birth date are cancelled in turn
    assert referrals(weighed) == [
        (0, "bgm", True),
        (1, "bgm", True),
        (1, "t", False),
        (2, "2t", False),
        (2, "bgm", True),
    ]
    assert Referral.objects.get(visit=weighed[1], kode="t").dibatalkan_oleh is None


def test_followed_up_referral_is_not_cancelled(world, girl, weighed):
    referral = Referral.objects.get(visit=weighed[1], kode="t")
    services.referral_follow_up(referral=referral, user=world.users["staff_a"])
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    referral.refresh_from_db()
    assert referral.dibatalkan_at is None and referral.ditindaklanjuti_oleh == world.users["staff_a"]


def person_post(person: Person, **changes) -> dict:
    data = {f: getattr(person, f) or "" for f in PersonForm.Meta.fields} | changes
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


def test_person_edit_page_propagates_the_correction(client, login, world, girl, weighed):
    login("kader_a")
    url = reverse("person_edit", args=[girl.pk])
    response = client.post(url, person_post(girl, tanggal_lahir="2024-09-01"))
    assert response.status_code == 302
    assert [r[5] for r in results(weighed)] == [True, True, True]  # BGM at 24–26 months


def test_household_page_propagates_a_members_correction(client, login, world, girl, weighed):
    login("kader_a")
    household = girl.household
    members = list(household.members.order_by("pk"))
    data = {f: getattr(household, f) for f in ("no_kk", "alamat", "rt", "rw", "dusun")}
    data["desa"] = household.desa_id
    data |= {"anggota-TOTAL_FORMS": len(members), "anggota-INITIAL_FORMS": len(members),
             "anggota-MIN_NUM_FORMS": 1, "anggota-MAX_NUM_FORMS": 1000}  # fmt: skip
    for i, member in enumerate(members):
        changes = {"tanggal_lahir": "2024-09-01"} if member.pk == girl.pk else {}
        fields = person_post(member, **changes) | {"id": member.pk, "household": household.pk}
        data |= {f"anggota-{i}-{k}": v for k, v in fields.items()}
    response = client.post(reverse("household_edit", args=[household.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert [r[5] for r in results(weighed)] == [True, True, True]


def test_birth_date_after_the_first_visit_is_refused_and_the_input_kept(client, login, world, girl, weighed):
    login("kader_a")
    response = client.post(
        reverse("person_edit", args=[girl.pk]), person_post(girl, tanggal_lahir="2026-09-06")
    )
    assert response.status_code == 200
    assert "Tanggal lahir tidak boleh setelah kunjungan pertamanya (05-09-2026)." in response.content.decode()
    assert 'value="2026-09-06"' in response.content.decode()
    assert Person.objects.get(pk=girl.pk).tanggal_lahir == WRONG_BIRTH


def test_another_areas_kader_cannot_correct(client, login, world, girl, weighed):
    login("kader_b")
    response = client.post(
        reverse("person_edit", args=[girl.pk]), person_post(girl, tanggal_lahir="2024-09-01")
    )
    assert response.status_code == 404
    assert Person.objects.get(pk=girl.pk).tanggal_lahir == WRONG_BIRTH
    assert referrals(weighed) == [(1, "t", False), (2, "2t", False)]


def test_referral_list_shows_who_cancelled_and_offers_no_follow_up(client, login, world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    login("staff_a")
    html = client.get(reverse("referral_list"), {"status": "semua"}).content.decode()
    assert html.count("Dibatalkan</span>") == 2
    assert "15 Nov 2026 oleh kader_a: Alasan tidak berlaku lagi: koreksi tanggal lahir" in html
    assert html.count("Catat tindak lanjut</a>") == 3  # the three BGM only
    open_html = client.get(reverse("referral_list")).content.decode()
    assert "Dibatalkan</span>" not in open_html and open_html.count("Catat tindak lanjut</a>") == 3


def test_following_up_a_cancelled_referral_is_refused(client, login, world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    cancelled = Referral.objects.get(visit=weighed[1], kode="t")
    login("staff_a")
    response = client.post(reverse("referral_follow_up", args=[cancelled.pk]), follow=True)
    assert "Rujukan ini sudah dibatalkan karena koreksi data." in response.content.decode()
    cancelled.refresh_from_db()
    assert cancelled.ditindaklanjuti_at is None


def test_referral_list_queries_do_not_grow_with_cancelled_referrals(
    client, login, world, girl, weighed, django_assert_num_queries
):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    login("staff_a")
    client.get(reverse("referral_list"), {"status": "semua"})  # session and caches warmed
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("referral_list"), {"status": "semua"})
    correct(girl, world.users["kader_a"], tanggal_lahir=WRONG_BIRTH)  # three more cancelled
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("referral_list"), {"status": "semua"})


def test_opening_day_and_queue_count_only_referrals_that_stand(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    october = weighed[1].opening_day
    day = selectors.opening_days(user=world.users["staff_a"]).get(pk=october.pk)
    # October: the T is cancelled, the BGM stands
    assert day.dirujuk == 1
    assert [v.rujukan for v in selectors.day_queue(day=october)] == [1]


def test_database_refuses_a_referral_both_followed_up_and_cancelled(world, girl, weighed):
    referral = Referral.objects.get(visit=weighed[1], kode="t")
    services.referral_follow_up(referral=referral, user=world.users["staff_a"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(dibatalkan_at=NOV_15)


def test_each_visits_history_keeps_what_the_correction_changed(world, girl, weighed):
    correct(girl, world.users["kader_a"], tanggal_lahir=TRUE_BIRTH)
    entries = list(
        AuditEntry.objects.filter(visit__in=weighed, user=world.users["kader_a"]).order_by("visit__tanggal")
    )
    assert [(e.visit_id, e.meja) for e in entries] == [(v.pk, 2) for v in weighed]
    changed = [(sorted(e.after), e.before["umur_hari"], e.after["umur_hari"]) for e in entries]
    growth = ["bgm", "status_bbu", "umur_hari", "z_bbu"]
    assert changed == [
        (growth, 188, 734),
        (sorted([*growth, "kms"]), 218, 764),
        (sorted([*growth, "kms", "two_t"]), 249, 795),
    ]
    assert (round(entries[0].before["z_bbu"], 2), round(entries[0].after["z_bbu"], 2)) == (-0.41, -4.11)
    assert Change("KMS", "T", "N") in readable_changes(entries[2])
    assert Change("2T", "ya", "tidak") in readable_changes(entries[2])
