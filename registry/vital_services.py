"""Writes of vital events: a birth (the baby joins the mother's household), a death, a
departure (pindah keluar / tidak ditemukan) and a return. Keyword-only, plain values, one
transaction each; re-exported by registry.services so other apps call `services.birth_register`."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from common.writes import assign

from . import access, lifecycle
from .models import Birth, ChangeKind, Death, Departure, Person, Relation
from .record_changes import record_change

BIRTH_FIELDS = ("tempat", "penolong", "berat_lahir_gram", "panjang_lahir_cm", "imd", "tanggal_hb0")
DEATH_FIELDS = ("tanggal", "tempat", "sebab", "kematian_ibu")
DEPARTURE_FIELDS = ("jenis", "tanggal", "alasan")
REFUSED = "Peran Anda tidak dapat mencatat kelahiran, kematian atau kepindahan."


def _locked(person: Person) -> Person:
    return Person.objects.select_for_update().select_related("household").get(pk=person.pk)


def _died_before(person: Person, day: dt.date) -> bool:
    return Death.objects.filter(person=person, tanggal__lt=day).exists()


def _mother_error(mother: Person, born: dt.date) -> str | None:
    """Why `mother` cannot have given birth on `born` (a woman of 10–54 years alive that day)."""
    if error := lifecycle.pregnancy_age_error(mother.tanggal_lahir, born, mother.jenis_kelamin):
        return f"Ibu: {error}"
    if _died_before(mother, born):
        return "Ibu sudah tercatat meninggal sebelum tanggal ini."
    return None


@transaction.atomic
def birth_register(
    *,
    mother: Person,
    by,
    tanggal_lahir: dt.date,
    jenis_kelamin: str,
    nama: str,
    berat_lahir_gram: int,
    tempat: str,
    penolong: str,
    nik: str | None = None,
    panjang_lahir_cm=None,
    imd: bool = False,
    tanggal_hb0: dt.date | None = None,
) -> Person:
    """Register a baby born to `mother` into her household (NIK may be empty: the mother's NIK
    identifies the baby until it has one) and mark her delivery date. Returns the baby."""
    access.require(access.can_record_vital_events(by), REFUSED)
    mother = _locked(mother)
    if error := _mother_error(mother, tanggal_lahir):
        raise ValidationError({"tanggal_lahir": error})
    head_or_spouse = mother.hubungan in (Relation.KEPALA, Relation.SUAMI_ISTRI)
    child = Person(household=mother.household, hubungan=Relation.ANAK if head_or_spouse else Relation.CUCU)
    child_values = {"nama": nama, "nik": nik or None, "jenis_kelamin": jenis_kelamin,
                    "tanggal_lahir": tanggal_lahir, "buku_kia": True}  # fmt: skip
    assign(child, child_values, tuple(child_values))
    child.full_clean()
    birth = Birth(mother=mother, child=child, oleh=by)
    assign(birth, {"tempat": tempat, "penolong": penolong, "berat_lahir_gram": berat_lahir_gram,
                   "panjang_lahir_cm": panjang_lahir_cm, "imd": imd, "tanggal_hb0": tanggal_hb0},
           BIRTH_FIELDS)  # fmt: skip
    birth.full_clean(exclude=["child"])
    child.save()
    birth.child = child
    birth.save()
    if mother.tanggal_persalinan is None or mother.tanggal_persalinan < tanggal_lahir:
        mother.tanggal_persalinan = tanggal_lahir
        mother.full_clean()
        mother.save(update_fields=["tanggal_persalinan", "updated_at"])
    record_change(person=child, day=tanggal_lahir, kind=ChangeKind.KELAHIRAN, what="Kelahiran", user=by)
    return child


@transaction.atomic
def death_record(*, person: Person, by, tanggal: dt.date, tempat: str, sebab: str,
                 kematian_ibu: bool = False) -> Death:  # fmt: skip
    """Record a death as told. A woman who dies while the registry has her pregnant or in nifas
    is a kematian ibu whether or not the box was ticked (lifecycle.is_maternal_death)."""
    access.require(access.can_record_vital_events(by), REFUSED)
    person = _locked(person)
    if Death.objects.filter(person=person).exists():
        raise ValidationError({"tanggal": "Kematian warga ini sudah tercatat."})
    last_visit = person.visits.order_by("-tanggal").values_list("tanggal", flat=True).first()
    if tanggal and last_visit and tanggal < last_visit:
        message = f"Tanggal meninggal sebelum kunjungan terakhirnya ({last_visit:%d-%m-%Y})."
        raise ValidationError({"tanggal": message})
    maternal = person.jenis_kelamin == "P" and lifecycle.is_maternal_death(
        tanggal, person.hpht, person.tanggal_persalinan
    )
    death = Death(person=person, oleh=by)
    values = {"tanggal": tanggal, "tempat": tempat, "sebab": sebab, "kematian_ibu": kematian_ibu or maternal}
    assign(death, values, DEATH_FIELDS)
    death.full_clean()
    death.save()
    record_change(person=person, day=tanggal, kind=ChangeKind.KEMATIAN, what="Kematian", user=by)
    return death


@transaction.atomic
def departure_record(*, person: Person, by, jenis: str, tanggal: dt.date, alasan: str) -> Departure:
    """Pindah keluar or tidak ditemukan: from the month after, the person leaves S and every
    sasaran; visits and history stay."""
    access.require(access.can_record_vital_events(by), REFUSED)
    person = _locked(person)
    if Death.objects.filter(person=person).exists():
        raise ValidationError({"tanggal": "Warga ini sudah tercatat meninggal."})
    departure = Departure(person=person, oleh=by)
    assign(departure, {"jenis": jenis, "tanggal": tanggal, "alasan": alasan}, DEPARTURE_FIELDS)
    departure.full_clean()
    departure.save()
    record_change(
        person=person, day=tanggal, kind=ChangeKind.PINDAH, what=departure.get_jenis_display(), user=by
    )
    return departure


@transaction.atomic
def reactivate(*, person: Person, by, tanggal: dt.date, alasan: str = "") -> Departure:
    """Aktifkan kembali: the open departure gets its return date; it stays as history, and the
    person counts again from the month of the return."""
    access.require(access.can_record_vital_events(by), REFUSED)
    person = _locked(person)
    open_departures = Departure.objects.select_for_update().filter(person=person, aktif_kembali__isnull=True)
    departure = open_departures.first()
    if departure is None:
        raise ValidationError({"tanggal": "Warga ini tidak sedang tercatat pindah / tidak ditemukan."})
    assign(departure, {"aktif_kembali": tanggal, "alasan_kembali": alasan, "kembali_oleh": by},
           ("aktif_kembali", "alasan_kembali", "kembali_oleh"))  # fmt: skip
    try:
        departure.full_clean()
    except ValidationError as error:
        raise ValidationError({"tanggal": error.message_dict.get("aktif_kembali", error.messages)}) from error
    departure.save()
    record_change(person=person, day=tanggal, kind=ChangeKind.PINDAH, what="Aktif kembali", user=by)
    return departure
