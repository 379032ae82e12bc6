"""Enrolment from the app's own flags, the ledger's balance and the refusals, on hand-made data."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inovasi import selectors, services
from inovasi.models import Enrolment, LedgerEntry

D = dt.date


def test_enrolment_takes_its_reason_from_the_last_weighing(world, programme, thin_child):
    enrolment = services.enrol(
        user=world.users["staff_a"], programme=programme, person=thin_child, mulai=D(2026, 8, 10)
    )
    assert enrolment.alasan == "T,BBU"  # 8,0 kg again in August: T; BB/U about −2,9


def test_enrolment_refuses_a_child_without_a_flag_beside_the_field(world, programme, child, weigh):
    kid = child(world.a.posyandu, D(2025, 1, 15))
    weigh(kid, world.a.posyandu, D(2026, 7, 10), "10.8")
    weigh(kid, world.a.posyandu, D(2026, 8, 10), "11.2")  # N, BB/U about 0
    with pytest.raises(ValidationError) as refused:
        services.enrol(user=world.users["staff_a"], programme=programme, person=kid, mulai=D(2026, 8, 10))
    assert refused.value.message_dict == {"person": [services.NOT_ELIGIBLE]}
    never = child(world.a.posyandu, D(2025, 1, 15))
    with pytest.raises(ValidationError, match="Belum ada penimbangan"):
        services.enrol(user=world.users["staff_a"], programme=programme, person=never, mulai=D(2026, 8, 10))
    assert not Enrolment.objects.exists()


def test_enrolment_reads_the_weighing_on_or_before_the_start(world, programme, thin_child):
    # On 9 August the last weighing is July's first one: B, only BB/U < −2
    enrolment = services.enrol(
        user=world.users["staff_a"], programme=programme, person=thin_child, mulai=D(2026, 8, 9)
    )
    assert enrolment.alasan == "BBU"


def test_kader_may_not_enrol_nor_a_child_of_another_posyandu(world, programme, thin_child, child):
    with pytest.raises(PermissionDenied):
        services.enrol(
            user=world.users["kader_a"], programme=programme, person=thin_child, mulai=D(2026, 8, 10)
        )
    other = child(world.a2.posyandu, D(2025, 1, 15))
    with pytest.raises(ValidationError, match="bukan warga"):
        services.enrol(user=world.users["staff_a"], programme=programme, person=other, mulai=D(2026, 8, 10))


def test_outcome_of_an_enrolled_child(world, programme, thin_child):
    enrolment = services.enrol(
        user=world.users["staff_a"], programme=programme, person=thin_child, mulai=D(2026, 8, 10)
    )
    (row,) = selectors.enrolment_rows([enrolment], today=D(2026, 11, 16))
    assert row.outcome.gain_g == 1600  # 8,0 kg on 10 August → 9,6 kg on 10 October
    assert (row.outcome.n, row.outcome.t, row.outcome.n_rate) == (2, 0, 100)  # +600 g, +400 g ≥ KBM 200 g
    assert row.outcome.reasons_start == ("T", "BBU") and row.outcome.recovered is True


def _entry(world, programme, **values):
    return services.ledger_add(
        user=world.users["staff_a"], programme=programme, tanggal=D(2026, 9, 1), **values
    )


def test_ledger_balance_and_money_out_never_above_it(world, programme, thin_child):
    staff = world.users["staff_a"]
    enrolment = services.enrol(user=staff, programme=programme, person=thin_child, mulai=D(2026, 8, 10))
    donor = programme.pledges.get().donor
    _entry(world, programme, arah="masuk", jumlah=1_000_000, sumber="donatur", donor=donor)
    _entry(world, programme, arah="masuk", jumlah=300_000, sumber="dana_desa")
    _entry(world, programme, arah="keluar", jumlah=450_000, enrolment=enrolment)
    _entry(world, programme, arah="keluar", jumlah=100_000, kegiatan="Kelas masak MP-ASI")
    with pytest.raises(ValidationError) as refused:
        _entry(world, programme, arah="keluar", jumlah=750_001, kegiatan="Terlalu banyak")
    assert refused.value.message_dict == {"jumlah": ["Saldo tidak cukup: sisa Rp750.000."]}
    _entry(world, programme, arah="keluar", jumlah=750_000, kegiatan="Sisa habis")  # exactly the balance
    ledger = selectors.ledger_of(list(LedgerEntry.objects.select_related("donor", "enrolment__person")))
    assert (ledger.masuk, ledger.keluar, ledger.saldo) == (1_300_000, 1_300_000, 0)
    assert dict(ledger.by_source) == {"PT Maju Jaya": 1_000_000, "Dana Desa": 300_000}
    assert ledger.by_target["Bima Sakti"] == 450_000


def test_ledger_refusals_name_the_field(world, programme):
    with pytest.raises(ValidationError, match="sumber"):
        _entry(world, programme, arah="masuk", jumlah=1, sumber="")
    with pytest.raises(ValidationError) as refused:
        _entry(world, programme, arah="masuk", jumlah=1, sumber="donatur")
    assert list(refused.value.message_dict) == ["donor"]
    with pytest.raises(ValidationError) as refused:
        _entry(world, programme, arah="keluar", jumlah=1)
    assert list(refused.value.message_dict) == ["kegiatan"]
    assert not LedgerEntry.objects.exists()


def test_a_pledge_needs_a_donor_of_the_programme_s_puskesmas(world, programme):
    outsider = services.donor_create(
        user=world.users["staff_b"], puskesmas=world.pkm_b, nama="Bu Sri", jenis="perorangan"
    )
    with pytest.raises(ValidationError, match="Puskesmas lain"):
        services.pledge_add(
            user=world.users["staff_a"],
            programme=programme,
            donor=outsider,
            per_bulan=1,
            bulan=1,
            mulai=D(2026, 6, 1),
        )


def test_delivery_inside_the_enrolment_by_the_kader(world, programme, thin_child):
    enrolment = services.enrol(
        user=world.users["staff_a"], programme=programme, person=thin_child, mulai=D(2026, 8, 10)
    )
    kader = world.users["kader_a"]
    values = {"menu": "Bubur kacang hijau", "porsi": 2, "diberikan_oleh": "Kader Sari", "dimakan": True}
    services.delivery_record(user=kader, enrolment=enrolment, tanggal=D(2026, 8, 12), **values)
    with pytest.raises(ValidationError, match="di luar masa"):
        services.delivery_record(user=kader, enrolment=enrolment, tanggal=D(2026, 8, 9), **values)
    with pytest.raises(PermissionDenied):
        services.delivery_record(
            user=world.users["dinkes_1"], enrolment=enrolment, tanggal=D(2026, 8, 12), **values
        )
    assert enrolment.deliveries.count() == 1
