from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kader.demo import build_kader
from registry import demo
from visits.demo import build_visits

NOT_PRODUCTION_FLAG = "--i-know-this-is-not-production"


class Command(BaseCommand):
    help = "Isi data contoh (satu Kab/Kota, kunjungan 4 bulan) dan cetak akun masuk untuk setiap peran."

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
            build_kader(today=today, seed=seed)
            self.stdout.write(self.style.SUCCESS(f"Data contoh dibuat ({visits} kunjungan)."))
        self.stdout.write(f"\nAkun contoh (kata sandi semua: {demo.DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.username:<22} {login.role:<28} {login.area}")
