"""Each person's HPHT becomes a pregnancy episode: closed as a live birth when a birth date on
or after the HPHT is recorded, open otherwise. G-P-A stay empty (unknown) until filled in."""

from django.conf import settings
from django.db import migrations


def hpht_to_episodes(apps, schema_editor):
    Person = apps.get_model("registry", "Person")
    Pregnancy = apps.get_model("visits", "Pregnancy")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    women = Person.objects.filter(hpht__isnull=False).exclude(kehamilan__isnull=False)
    if not women.exists():
        return
    # The episodes were recorded by whoever recorded the person's first visit, else any admin.
    fallback = (
        User.objects.filter(is_superuser=True).order_by("pk").first() or User.objects.order_by("pk").first()
    )
    episodes = []
    for woman in women.iterator():
        first = woman.visits.order_by("tanggal").values_list("created_by_id", flat=True).first()
        by_id = first or (fallback.pk if fallback else None)
        if by_id is None:
            continue
        born = (
            woman.tanggal_persalinan
            if woman.tanggal_persalinan and woman.tanggal_persalinan >= woman.hpht
            else None
        )
        episodes.append(Pregnancy(
            ibu_id=woman.pk, hpht=woman.hpht, dicatat_oleh_id=by_id,
            hasil="lahir_hidup" if born else "", tanggal_hasil=born,
        ))  # fmt: skip
    Pregnancy.objects.bulk_create(episodes)


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0006_pregnancy_episodes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(hpht_to_episodes, migrations.RunPython.noop)]
