from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from common.db import refresh_planner_statistics
from kader.demo import build_kader
from pembinaan.demo import build_lomba
from registry import demo
from registry.demo_vital import build_vital
from registry.models import Person
from visits import demo_immunisation, demo_pregnancy
from visits.demo import build_visits
from visits.demo_home_visits import build_home_visit_cases

NOT_PRODUCTION_FLAG = "--i-know-this-is-not-production"


class Command(BaseCommand):
    help = "Isi data contoh (satu Kab/Kota, hari buka s.d. 8 bulan) dan cetak akun masuk tiap peran."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            NOT_PRODUCTION_FLAG,
            action="store_true",
            dest="not_production",
            help="Izinkan data contoh walau DEBUG mati (server uji, bukan produksi).",
        )

    def handle(self, *args, seed: int, not_production: bool, **options):
        # Demo accounts share one known password: on a production database they are a way in.
        if not (settings.DEBUG or not_production):
            raise CommandError(
                "Data contoh tidak diisi: DEBUG mati, jadi ini mungkin server produksi. "
                f"Bila yakin bukan produksi, jalankan dengan {NOT_PRODUCTION_FLAG}."
            )
        if demo.demo_exists():
            self.stdout.write("Data contoh sudah ada; tidak diisi ulang.")
            logins = demo.demo_logins()
        else:
            today = timezone.localdate()
            logins = demo.build_demo(seed=seed, today=today)
            visits = build_visits(today=today, seed=seed)
            build_vital(today=today)  # registry.demo_vital: births, deaths, a move out and a return
            demo_pregnancy.build_pregnancies(people=Person.objects.all(), today=today, seed=seed)
            demo_immunisation.build(today=today, seed=seed)
            call_command("seed_inovasi_demo", seed=seed)  # inovasi sits above visits: by name, no import
            build_home_visit_cases(today=today)
            build_kader(today=today, seed=seed)
            build_lomba(today=today, seed=seed)
            refresh_planner_statistics()
            self.stdout.write(self.style.SUCCESS(f"Data contoh dibuat ({visits} kunjungan)."))
        self.stdout.write(f"\nAkun contoh (kata sandi semua: {demo.DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.username:<22} {login.role:<28} {login.area}")
