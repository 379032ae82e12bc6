import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from devdata.district import PASSWORD, Scale, build_district, district_exists


class Command(BaseCommand):
    help = "Bangkitkan satu Kab/Kota skala penuh untuk benchmark (warga dan kunjungan 12 bulan)."

    def add_arguments(self, parser):
        parser.add_argument("--puskesmas", type=int, default=25)
        parser.add_argument("--posyandu", type=int, default=600)
        parser.add_argument("--households", type=int, default=45_000)
        parser.add_argument("--months", type=int, default=12)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, puskesmas, posyandu, households, months, seed, **options):
        if district_exists():
            raise CommandError("Kab/Kota uji (kode 1899) sudah ada; pakai basis data baru.")
        if posyandu % puskesmas:
            raise CommandError("--posyandu harus kelipatan --puskesmas.")
        start = time.perf_counter()
        scale = Scale(puskesmas=puskesmas, posyandu=posyandu, households=households, months=months)
        counts = build_district(scale=scale, seed=seed, today=timezone.localdate())
        seconds = time.perf_counter() - start
        self.stdout.write(
            f"{counts['posyandu']} Posyandu, {counts['people']} warga, {counts['visits']} kunjungan "
            f"dalam {seconds:.1f} detik (seed {seed}). Kata sandi akun bench.*: {PASSWORD}"
        )
