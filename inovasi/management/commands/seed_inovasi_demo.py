from django.core.management.base import BaseCommand
from django.utils import timezone

from inovasi.demo import build_inovasi


class Command(BaseCommand):
    help = "Isi data contoh inovasi (orang tua asuh, door prize); dipanggil oleh seed_demo."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, seed: int, **options):
        build_inovasi(today=timezone.localdate(), seed=seed)
