import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from visits.growth.batch import check_file


class Command(BaseCommand):
    help = (
        "Hitung z-score WHO dan status gizi (Permenkes 2/2020) untuk setiap baris berkas CSV/XLSX "
        "dengan kolom id,sex,birth_date,visit_date,weight_kg,length_cm,measured,head_cm,muac_cm."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path, help="berkas .csv (UTF-8, koma) atau .xlsx")
        parser.add_argument("-o", "--output", type=Path, help="berkas hasil .csv (bawaan: layar)")

    def handle(self, *args, input: Path, output: Path | None, **options):
        if not input.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {input}")
        try:
            if output is None:
                written, errors = check_file(input, self.stdout)
            else:
                with open(output, "w", newline="", encoding="utf-8") as out:
                    written, errors = check_file(input, out)
        except (OSError, UnicodeDecodeError, ValueError, KeyError) as error:
            raise CommandError(f"Berkas tidak dapat dibaca: {error}") from error
        print(f"{written} baris diperiksa, {errors} baris bermasalah (lihat kolom error).", file=sys.stderr)
