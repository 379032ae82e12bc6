"""Reading the batch-check input file safely (Django-free).

Any file may arrive: a CSV saved by Excel in Indonesian locale (semicolons, decimal commas,
Windows-1252), a UTF-16 export, a renamed picture, a truncated .xlsx or a zip bomb. Each is either
read into rows or refused with one clear sentence (FileError); nothing else escapes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # a 100,000-row CSV is about 8 MB
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # what an .xlsx may expand to
MAX_ROWS = 100_000
REQUIRED_COLUMNS = ("sex", "birth_date", "visit_date")


class FileError(ValueError):
    """The file cannot be used; the message says why, in Indonesian."""


def read_rows(path: Path, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> list[dict[str, str]]:
    """Rows of a CSV (comma or semicolon, header row) or of the first sheet of an .xlsx file."""
    size = path.stat().st_size
    if size > max_bytes:
        raise FileError(f"berkas terlalu besar: {_mb(size)} (batas {_mb(max_bytes)})")
    rows = _read_xlsx(path, max_rows) if path.suffix.lower() == ".xlsx" else _read_csv(path, max_rows)
    if not rows:
        raise FileError("tidak ada baris data di bawah baris nama kolom")
    return rows


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _decode(raw: bytes) -> str:
    # cp1252: a "CSV" saved by Excel on Windows; UTF-16 (with its BOM): Excel's "Unicode text"
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    encodings = ["utf-16"] if utf16 else ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise FileError("bukan berkas teks CSV (UTF-8 atau Windows-1252) atau .xlsx")


def _read_csv(path: Path, max_rows: int) -> list[dict[str, str]]:
    text = _decode(path.read_bytes())
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","  # Excel in Indonesian locale
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _as_dicts(reader, max_rows)
    except csv.Error as error:
        raise FileError(f"CSV rusak: {error}") from None


def _as_dicts(rows, max_rows: int) -> list[dict[str, str]]:
    header = [_column(c) for c in next(rows, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise FileError(f"kolom wajib tidak ada: {', '.join(missing)} (baris pertama berisi nama kolom)")
    out: list[dict[str, str]] = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(out) == max_rows:
            raise FileError(f"terlalu banyak baris: lebih dari {max_rows:,}".replace(",", "."))
        out.append(dict(zip(header, row, strict=False)))
    return out


def _column(name: str) -> str:
    return name.strip().lower()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _read_xlsx(path: Path, max_rows: int) -> list[dict[str, str]]:
    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise FileError("bukan berkas .xlsx yang utuh") from None
    # Python's zipfile stops at the declared size, so the declared sizes bound the work.
    if unzipped > MAX_UNZIPPED_BYTES:
        limit = _mb(MAX_UNZIPPED_BYTES)
        raise FileError(f"isi .xlsx terlalu besar setelah dibuka: {_mb(unzipped)} (batas {limit})")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            cells = (list(map(_cell_text, r)) for r in book.worksheets[0].iter_rows(values_only=True))
            return _as_dicts(cells, max_rows)
        finally:
            book.close()
    except FileError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl raises a dozen types on a damaged workbook
        raise FileError(f"berkas .xlsx tidak terbaca ({type(error).__name__})") from None
