from django.core.management.base import BaseCommand
from django.utils import timezone

from registry import demo


class Command(BaseCommand):
    help = "Isi data contoh (satu Kab/Kota) dan cetak akun masuk untuk setiap peran."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, seed: int, **options):
        if demo.demo_exists():
            self.stdout.write("Data contoh sudah ada; tidak diisi ulang.")
            logins = demo.demo_logins()
        else:
            logins = demo.build_demo(seed=seed, today=timezone.localdate())
            self.stdout.write(self.style.SUCCESS("Data contoh dibuat."))
        self.stdout.write(f"\nAkun contoh (kata sandi semua: {demo.DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.username:<22} {login.role:<28} {login.area}")
