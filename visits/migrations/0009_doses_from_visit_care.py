"""Every antigen ticked at meja 5 before the dose history existed becomes a dose row given at
the Posyandu on the visit's date (the first visit wins if an antigen was ticked twice)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Care = apps.get_model("visits", "Care")
    Dose = apps.get_model("visits", "Dose")
    seen = set(Dose.objects.values_list("person_id", "antigen"))
    rows = []
    cares = Care.objects.exclude(imunisasi=[]).select_related("visit").order_by("visit__tanggal", "id")
    for care in cares.iterator():
        visit = care.visit
        for antigen in care.imunisasi or []:
            if (visit.person_id, antigen) in seen:
                continue
            seen.add((visit.person_id, antigen))
            rows.append(Dose(person_id=visit.person_id, antigen=antigen, tanggal=visit.tanggal, tempat="posyandu",
                             visit_id=visit.pk, recorded_by_id=care.updated_by_id))  # fmt: skip
    Dose.objects.bulk_create(rows, batch_size=1000)


def backwards(apps, schema_editor):
    apps.get_model("visits", "Dose").objects.filter(visit__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [("visits", "0008_immunisation_dose")]
    operations = [migrations.RunPython(forwards, backwards)]
