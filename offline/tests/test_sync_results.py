"""The sync derives KMS codes and referrals once per person, not once per record: the stored
results must be those of saving the same tables one by one through the pages' service, and a
batch costs a fixed number of queries per person."""

import datetime as dt

from conftest import test_today
from offline import services as offline_services
from offline.apply import _form_data
from tests.factories import child_in
from visits import services
from visits.forms.meja import FORMS_BY_MEJA
from visits.models import Measurement, Referral
from visits.rules import Subject

from .conftest import rid

TODAY = test_today()  # the root conftest pins the clock there
LAST_MONTH = TODAY.replace(day=1) - dt.timedelta(days=1)  # last calendar month's last day
WEIGHING = {"berat_kg": "6,5", "tinggi_cm": "68", "cara_ukur": "1"}
CARE = {"gejala_tbc": ["batuk_2_minggu", "demam"]}
COUNSELLING = {"topik": "Gizi seimbang", "pmt": "true"}


def boy(world):
    """A boy of 300 days on TODAY, weighed 7,0 kg last month (by the Puskesmas: it may be more
    than the kader's 30 days ago)."""
    child = child_in(
        world.a.posyandu, nama="Bima", jenis_kelamin="L", tanggal_lahir=TODAY - dt.timedelta(days=300)
    )
    staff = world.users["staff_a"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=LAST_MONTH, user=staff)
    visit = services.visit_register(person=child, opening_day=day, user=staff)
    services.record_save(visit=visit, meja=2, data={"berat_kg": 7, "cara_ukur": 1}, user=staff, version=None)
    return child


def weighed_earlier_this_month(world, child, kg: float) -> None:
    """A weighing by the Puskesmas on this month's 5th (the clock is pinned past it)."""
    staff = world.users["staff_a"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=TODAY.replace(day=5), user=staff)
    visit = services.visit_register(person=child, opening_day=day, user=staff)
    services.record_save(visit=visit, meja=2, data={"berat_kg": kg, "cara_ukur": 1}, user=staff, version=None)


def tables(person) -> list[dict]:
    """Queue, meja 2, 4 and 5 of one visit, as the phone sends them."""
    base = {"jenis": "meja", "orang": person.pk, "tanggal": TODAY.isoformat(), "versi": None}
    return [
        {**base, "id": rid(), "meja": 1},
        {**base, "id": rid(), "meja": 2, "data": WEIGHING},
        {**base, "id": rid(), "meja": 4, "data": COUNSELLING},
        {**base, "id": rid(), "meja": 5, "data": CARE},
    ]


def one_by_one(world, person, tables=((2, WEIGHING), (4, COUNSELLING), (5, CARE))) -> None:
    """The same tables saved through the pages' service, each deriving its results."""
    kader = world.users["kader_a"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=TODAY, user=kader)
    visit = services.visit_register(person=person, opening_day=day, user=kader)
    groups, subject = set(person.groups_on(TODAY)), Subject(person.tanggal_lahir, TODAY, person.jenis_kelamin)
    for meja, data in tables:
        form = FORMS_BY_MEJA[meja](groups, subject)(_form_data(data), groups=groups, subject=subject)
        assert form.is_valid(), form.errors
        services.record_save(visit=visit, meja=meja, data=form.cleaned_data, user=kader, version=None)


RESULTS = [
    "z_bbu",
    "z_pbu",
    "z_bbpb",
    "status_bbu",
    "status_pbu",
    "status_bbpb",
    "kms",
    "two_t",
    "bgm",
    "flags",
]


def stored(person) -> tuple[list, list]:
    weighings = Measurement.objects.filter(visit__person=person).order_by("visit__tanggal")
    referrals = Referral.objects.filter(visit__person=person).order_by("visit__tanggal", "kode")
    return (
        [[getattr(m, name) for name in RESULTS] for m in weighings],
        [(r.visit.tanggal, r.kode, r.alasan, r.is_open) for r in referrals],
    )


def test_a_synced_person_has_the_results_of_saving_table_by_table(world):
    synced, typed = boy(world), boy(world)
    answers = offline_services.sync_batch(user=world.users["kader_a"], posyandu=world.a.posyandu,
                                          records=tables(synced))  # fmt: skip
    one_by_one(world, typed)
    assert [a["status"] for a in answers] == ["saved"] * 4
    assert stored(synced) == stored(typed)
    weighings, referrals = stored(synced)
    # 7,0 kg → 6,5 kg: the weight fell (T), and 6,5 kg at 300 days is below −3 SD (BGM)
    assert [w[6:9] for w in weighings] == [["B", False, False], ["T", False, True]]
    assert {kode for day, kode, _, is_open in referrals if day == TODAY and is_open} >= {"t", "bgm", "tbc"}
    # the answers carry the stored results and the visit's open referrals
    this_month = Measurement.objects.get(visit__person=synced, visit__tanggal=TODAY)
    assert answers[1]["hasil"]["kms"] == "T" and answers[1]["hasil"]["z_bbu"] == this_month.z_bbu
    open_now = sorted(alasan for day, _, alasan, is_open in referrals if day == TODAY and is_open)
    assert sorted(answers[1]["rujukan"]) == sorted(answers[3]["rujukan"]) == open_now


def test_a_sync_batch_costs_a_fixed_number_of_queries_per_person(world, django_assert_num_queries):
    kader, posyandu = world.users["kader_a"], world.a.posyandu
    services.opening_day_open(posyandu=posyandu, tanggal=TODAY, user=kader)
    one, three = [boy(world)], [boy(world) for _ in range(3)]
    # per batch 5: records synced before, the batch's people, today's opening day (a select in a
    # savepoint); per person, for the queue and a weighing, 18 (2 of them the savepoint of the
    # person's transaction, inside the test's own; the two answers are stored by one executemany,
    # an UPDATE per row). The visit made by the batch is not locked, its weighing not looked
    # for, not inserted in a savepoint of its own, not read again with its records for the
    # referrals, and its referrals (none yet) not read.
    with django_assert_num_queries(5 + 18):
        offline_services.sync_batch(
            user=kader, posyandu=posyandu, records=[r for p in one for r in tables(p)[:2]]
        )
    with django_assert_num_queries(5 + 3 * 18):
        offline_services.sync_batch(
            user=kader, posyandu=posyandu, records=[r for p in three for r in tables(p)[:2]]
        )


def test_a_synced_weighing_changes_the_earlier_weighing_of_the_month_as_saving_by_hand_does(world):
    """The later valid weighing of a month counts: the earlier one (on the server, 5,9 kg: below
    -3 SD, BGM) loses its code and its BGM referral is cancelled, whether the later one comes
    from the phone or from the page."""
    synced, typed = boy(world), boy(world)
    for child in (synced, typed):
        weighed_earlier_this_month(world, child, kg=5.9)
    assert [w[6:9] for w in stored(synced)[0]] == [["B", False, False], ["T", False, True]]
    answers = offline_services.sync_batch(user=world.users["kader_a"], posyandu=world.a.posyandu,
                                          records=tables(synced)[:2])  # fmt: skip
    one_by_one(world, typed, tables=[(2, WEIGHING)])
    assert [a["status"] for a in answers] == ["saved"] * 2
    assert stored(synced) == stored(typed)
    weighings, referrals = stored(synced)
    assert [w[6:9] for w in weighings] == [["B", False, False], ["", False, False], ["T", False, True]]
    fifth = [(kode, is_open) for day, kode, _, is_open in referrals if day == TODAY.replace(day=5)]
    assert ("bgm", False) in fifth
