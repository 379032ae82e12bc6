import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from visits.growth.batch import check_rows
from visits.growth.batch_input import MAX_BYTES, MAX_ROWS, FileError, read_rows


class Command(BaseCommand):
    help = (
        "Hitung z-score WHO dan status gizi (Permenkes 2/2020) untuk setiap baris berkas CSV/XLSX "
        "dengan kolom id,sex,birth_date,visit_date,weight_kg,length_cm,measured,head_cm,muac_cm."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path, help="berkas .csv (koma atau titik koma) atau .xlsx")
        parser.add_argument("-o", "--output", type=Path, help="berkas hasil .csv (bawaan: layar)")
        parser.add_argument("--max-rows", type=int, default=MAX_ROWS, help=f"batas baris (bawaan {MAX_ROWS})")
        parser.add_argument("--max-mb", type=int, default=MAX_BYTES // 2**20, help="batas ukuran berkas (MB)")

    def handle(self, *args, input: Path, output: Path | None, max_rows: int, max_mb: int, **options):
        if not input.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {input}")
        limits = {"max_rows": max_rows, "max_bytes": max_mb * 2**20}
        try:
            rows = read_rows(input, **limits)
        except (OSError, FileError) as error:
            raise CommandError(f"Berkas tidak dapat dibaca: {error}") from None
        try:
            if output is None:
                written, errors = check_rows(rows, self.stdout)
            else:
                with open(output, "w", newline="", encoding="utf-8") as out:
                    written, errors = check_rows(rows, out)
        except OSError as error:
            raise CommandError(f"Berkas hasil tidak dapat ditulis: {error}") from None
        print(f"{written} baris diperiksa, {errors} baris bermasalah (lihat kolom error).", file=sys.stderr)
