"""Doses "saat lahir": every HB0 date typed on a birth record (registry Birth.tanggal_hb0)
before births wrote it as a dose becomes the child's HB0 dose, unless an HB0 dose is already
recorded for the child (at meja 5 or typed in), which is kept: a child has one HB0."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Birth = apps.get_model("registry", "Birth")
    Dose = apps.get_model("visits", "Dose")
    have = set(Dose.objects.filter(antigen="HB0").values_list("person_id", flat=True))
    births = Birth.objects.filter(tanggal_hb0__isnull=False).exclude(child_id__in=have)
    rows = [
        Dose(
            person_id=b.child_id,
            antigen="HB0",
            tanggal=b.tanggal_hb0,
            tempat="kelahiran",
            recorded_by_id=b.oleh_id,
        )
        for b in births.iterator()
    ]
    Dose.objects.bulk_create(rows, batch_size=1000)


def backwards(apps, schema_editor):
    apps.get_model("visits", "Dose").objects.filter(tempat="kelahiran").update(tempat="buku_kia")


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0010_home_visit_outcome"),
        ("registry", "0004_vital_events"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dose",
            name="tempat",
            field=models.CharField(
                choices=[
                    ("posyandu", "Di Posyandu"),
                    ("fasyankes", "Di fasyankes lain"),
                    ("buku_kia", "Disalin dari Buku KIA"),
                    ("kelahiran", "Saat lahir (catatan kelahiran)"),
                ],
                default="posyandu",
                max_length=10,
                verbose_name="tempat",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
