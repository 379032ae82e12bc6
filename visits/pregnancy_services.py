"""Writes for pregnancy episodes. Keyword-only, plain values, one transaction each; every row
passes `full_clean()`, so a refusal is a ValidationError with the message beside its field.

The open episode is the source of truth for "hamil": opening it copies its HPHT onto
`Person.hpht`, its outcome sets `Person.tanggal_persalinan` (a birth) or clears the HPHT
(an abortus), so the life-cycle queries that read those two columns follow the episode."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from common.writes import assign
from registry import access
from registry import services as registry_services
from registry.models import ChangeKind, Person
from registry.record_changes import record_change

from . import pregnancy_rules
from .models import AncContact, Outcome, PostnatalContact, Pregnancy, SupplementaryFood, TdDose

OPEN_FIELDS = ("hpht", "gravida", "para", "abortus", "persalinan_terakhir")
CONTACT_FIELDS = ("ke", "tanggal", "oleh", "sumber")
MT_FIELDS = ("tanggal", "hari")
POSTNATAL_FIELDS = ("jenis", "tanggal")
OUTCOME_FIELDS = ("hasil", "tanggal_hasil", "berat_lahir_gram")
# The birth service's field names, as the outcome form calls them.
_BIRTH_TO_OUTCOME = {"tanggal_lahir": "tanggal_hasil", "nama": "nama_bayi",
                     "jenis_kelamin": "jenis_kelamin_bayi", "tempat": "tempat_persalinan"}  # fmt: skip


def _require(user) -> None:
    access.require(access.can_record_pregnancy(user), access.READ_ONLY)


def last_birth(ibu: Person) -> dt.date | None:
    """The last birth before a new pregnancy: the latest closed episode's, else the registry's."""
    closed = ibu.kehamilan.exclude(hasil="").exclude(hasil=Outcome.ABORTUS)
    day = closed.order_by("-tanggal_hasil").values_list("tanggal_hasil", flat=True).first()
    return day or ibu.tanggal_persalinan


@transaction.atomic
def pregnancy_open(*, user, ibu: Person, values: dict) -> Pregnancy:
    """Register a new pregnancy of `ibu` (`values`: names of OPEN_FIELDS)."""
    _require(user)
    ibu = Person.objects.select_for_update().get(pk=ibu.pk)
    values = {"persalinan_terakhir": last_birth(ibu), **values}
    episode = Pregnancy(ibu=ibu, dicatat_oleh=user)
    assign(episode, values, OPEN_FIELDS)
    # Pregnancy.clean() refuses a second open pregnancy beside HPHT; the database constraint
    # stays as the guard against a race, without repeating the message above the form.
    episode.full_clean(validate_constraints=False)
    episode.save()
    Person.objects.filter(pk=ibu.pk).update(hpht=episode.hpht)
    record_change(
        person=ibu, day=episode.hpht, kind=ChangeKind.KEHAMILAN, what="Kehamilan baru HPHT", user=user
    )
    return episode


def _add(row, values: dict, allowed: tuple[str, ...]):
    assign(row, values, allowed)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def contact_add(*, user, kehamilan: Pregnancy, values: dict) -> AncContact:
    """An antenatal contact (K1…), from the Buku KIA or at the Posyandu."""
    _require(user)
    contact = _add(AncContact(kehamilan=kehamilan, dicatat_oleh=user), values, CONTACT_FIELDS)
    record_change(
        person=kehamilan.ibu,
        day=contact.tanggal,
        kind=ChangeKind.KONTAK,
        what=f"Kontak ANC K{contact.ke}",
        user=user,
    )
    return contact


@transaction.atomic
def mt_add(*, user, kehamilan: Pregnancy, values: dict) -> SupplementaryFood:
    """Days of MT (makanan tambahan) given to an ibu hamil KEK."""
    _require(user)
    mt = _add(SupplementaryFood(kehamilan=kehamilan, dicatat_oleh=user), values, MT_FIELDS)
    record_change(
        person=kehamilan.ibu, day=mt.tanggal, kind=ChangeKind.MT, what=f"MT {mt.hari} hari mulai", user=user
    )
    return mt


@transaction.atomic
def postnatal_add(*, user, kehamilan: Pregnancy, values: dict) -> PostnatalContact:
    """A KF or KN visit copied from the Buku KIA."""
    _require(user)
    visit = _add(PostnatalContact(kehamilan=kehamilan, dicatat_oleh=user), values, POSTNATAL_FIELDS)
    record_change(person=kehamilan.ibu, day=visit.tanggal, kind=ChangeKind.NIFAS, what=visit.jenis, user=user)
    return visit


@transaction.atomic
def td_dose_add(*, user, person: Person, dosis: int, tanggal: dt.date) -> TdDose:
    """A Td dose T1–T5, in order (pregnancy_rules.next_td_dose_error)."""
    _require(user)
    person = Person.objects.select_for_update().get(pk=person.pk)
    doses = dict(person.td_doses.values_list("dosis", "tanggal"))
    if error := pregnancy_rules.next_td_dose_error(doses, dosis, tanggal):
        raise ValidationError({"dosis": error})
    dose = TdDose(person=person, dicatat_oleh=user)
    dose = _add(dose, {"dosis": dosis, "tanggal": tanggal}, ("dosis", "tanggal"))
    record_change(person=person, day=tanggal, kind=ChangeKind.TD, what=f"Imunisasi Td T{dosis}", user=user)
    return dose


@transaction.atomic
def pregnancy_close(*, user, kehamilan: Pregnancy, values: dict, baby: dict | None = None) -> Pregnancy:
    """Record the outcome (`values`: OUTCOME_FIELDS), closing the episode. A live birth
    registers the baby in the mother's household (`baby`: nama, jenis_kelamin)."""
    _require(user)
    episode = Pregnancy.objects.select_for_update().select_related("ibu").get(pk=kehamilan.pk)
    if not episode.is_open:
        raise ValidationError({"hasil": "Kehamilan ini sudah selesai."})
    assign(episode, values, OUTCOME_FIELDS)
    episode.full_clean()
    if episode.hasil == Outcome.LAHIR_HIDUP:
        born = episode.tanggal_hasil
        episode.bayi = register_baby(user=user, mother=episode.ibu, born=born, **(baby or {}))
    episode.save()
    mother = Person.objects.filter(pk=episode.ibu_id)
    if episode.hasil == Outcome.ABORTUS:
        mother.update(hpht=None)
    else:
        mother.update(tanggal_persalinan=episode.tanggal_hasil)
    outcome = f"Hasil kehamilan {episode.get_hasil_display().lower()}"
    record_change(
        person=episode.ibu, day=episode.tanggal_hasil, kind=ChangeKind.KEHAMILAN, what=outcome, user=user
    )
    return episode


def register_baby(*, user, mother: Person, born: dt.date, **baby) -> Person:
    """The newborn registered by the registry's birth service (a Birth record: place, attendant,
    birth weight, BBLR), so a birth recorded as a pregnancy's outcome counts like any other.
    `baby`: nama, jenis_kelamin, berat_lahir_gram, tempat, penolong, tanggal_hb0 (the HB0 dose)."""
    try:
        return registry_services.birth_register(mother=mother, by=user, tanggal_lahir=born, **baby)
    except ValidationError as error:
        raise ValidationError(
            {_BIRTH_TO_OUTCOME.get(name, name): messages for name, messages in error.message_dict.items()}
        ) from error
