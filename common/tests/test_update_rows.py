"""update_rows() stores the named fields of each row as save() would, whichever way it takes
(a plain UPDATE per row for a few rows, bulk_update for more), and touches nothing else."""

import uuid

import pytest

from common.writes import FEW_ROWS, update_rows
from offline.models import SyncedRecord


@pytest.mark.parametrize("count", [1, 2, FEW_ROWS, FEW_ROWS + 1])
def test_each_row_gets_its_own_values_and_other_rows_keep_theirs(world, count):
    kader = world.users["kader_a"]
    rows = [SyncedRecord.objects.create(client_id=uuid.uuid4(), posyandu=world.a.posyandu, user=kader)
            for _ in range(count + 1)]  # fmt: skip
    *changed, untouched = rows
    for i, row in enumerate(changed):
        row.result = {"orang": i, "nama": "Siti 'Ané'", "hasil": {"z_bbu": -2.01, "bgm": True}}
    update_rows(SyncedRecord, changed, ["result"])
    stored = {r.pk: r.result for r in SyncedRecord.objects.all()}
    assert [stored[r.pk]["orang"] for r in changed] == list(range(count))
    assert stored[changed[0].pk]["nama"] == "Siti 'Ané'" and stored[changed[0].pk]["hasil"]["z_bbu"] == -2.01
    assert stored[untouched.pk] == {}


def test_no_rows_sends_nothing(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        update_rows(SyncedRecord, [], ["result"])
