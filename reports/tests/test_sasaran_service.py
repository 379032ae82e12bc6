"""sasaran_save takes plain numbers: keys outside the Puskesmas's desa are refused, a negative
figure is refused by full_clean() with nothing saved, None returns to the registry's count."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from reports import services
from reports.models import SasaranDesa


def _stored():
    return sorted(SasaranDesa.objects.values_list("desa_id", "tahun", "jenis", "jumlah"))


def test_sasaran_is_stored_changed_and_dropped(world):
    staff, desa = world.users["staff_a"], world.a.posyandu.desa
    services.sasaran_save(user=staff, desa=[desa], tahun=2026, jumlah={(desa.pk, "balita"): 120})
    services.sasaran_save(user=staff, desa=[desa], tahun=2026,
                          jumlah={(desa.pk, "balita"): 130, (desa.pk, "ibu_hamil"): 14})  # fmt: skip
    assert _stored() == [(desa.pk, 2026, "balita", 130), (desa.pk, 2026, "ibu_hamil", 14)]
    services.sasaran_save(user=staff, desa=[desa], tahun=2026, jumlah={(desa.pk, "balita"): None})
    assert _stored() == [(desa.pk, 2026, "ibu_hamil", 14)]


def test_a_desa_not_given_is_refused(world):
    desa_a, desa_b = world.a.posyandu.desa, world.b.posyandu.desa
    with pytest.raises(TypeError):
        services.sasaran_save(user=world.users["staff_a"], desa=[desa_a], tahun=2026,
                              jumlah={(desa_a.pk, "balita"): 5, (desa_b.pk, "balita"): 9})  # fmt: skip
    assert _stored() == []


def test_a_negative_figure_is_refused_and_nothing_saved(world):
    desa = world.a.posyandu.desa
    with pytest.raises(ValidationError) as refused:
        services.sasaran_save(user=world.users["staff_a"], desa=[desa], tahun=2026,
                              jumlah={(desa.pk, "balita"): 5, (desa.pk, "dewasa"): -1})  # fmt: skip
    assert "jumlah" in refused.value.message_dict
    assert _stored() == []


def test_a_kader_may_not_enter_sasaran(world):
    desa = world.a.posyandu.desa
    with pytest.raises(PermissionDenied):
        services.sasaran_save(
            user=world.users["kader_a"], desa=[desa], tahun=2026, jumlah={(desa.pk, "balita"): 5}
        )
    assert _stored() == []
