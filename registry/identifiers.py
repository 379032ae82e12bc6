"""Indonesian identifiers: NIK, No. KK and Kemendagri region codes (Django-free).

NIK (Nomor Induk Kependudukan) has 16 digits: 6 for the region of registration (provinsi,
kab/kota, kecamatan), 6 for the birth date as DDMMYY with 40 added to the day for women, then a
4-digit serial. No. KK (Kartu Keluarga number) also has 16 digits. Region codes (kode wilayah)
have 2, 4, 6 or 10 digits and are written with dots: 18.72.01.1001.
"""

from __future__ import annotations

import datetime as dt
import re

ID_LENGTH = 16
_SEPARATORS = re.compile(r"[\s.\-]")
KODE_WILAYAH_LENGTHS = {2: "provinsi", 4: "kab/kota", 6: "kecamatan", 10: "desa/kelurahan"}


def clean_digits(value: str | None) -> str:
    """The value without spaces, dots and dashes that people type between digit groups."""
    return _SEPARATORS.sub("", value or "")


def sixteen_digit_error(value: str, label: str) -> str | None:
    """A message in Indonesian when value is not exactly 16 digits, else None."""
    if not (value.isascii() and value.isdigit()):  # isdigit() alone accepts "²" and "٣"
        return f"{label} hanya boleh berisi angka."
    if len(value) != ID_LENGTH:
        return f"{label} harus 16 digit (sekarang {len(value)} digit)."
    return None


def nik_birth_date(nik: str) -> tuple[dt.date | None, str | None]:
    """The (birth date, sex) encoded in a NIK; (None, None) when the date part is not a date.

    The century is not encoded: the most recent year not in the future is taken.
    """
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "P" if day > 40 else "L"
    if day > 40:
        day -= 40
    this_year = dt.date.today().year
    full_year = 2000 + year if 2000 + year <= this_year else 1900 + year
    try:
        return dt.date(full_year, month, day), sex
    except ValueError:
        return None, None


def nik_warnings(nik: str, birth_date: dt.date | None, sex: str | None) -> list[str]:
    """Mismatches between a valid NIK and the person's birth date and sex.

    These are warnings, not errors: real registers contain such mistakes and the person must
    still be served.
    """
    encoded_date, encoded_sex = nik_birth_date(nik)
    if encoded_date is None or encoded_sex is None:  # both None together
        return ["Bagian tanggal lahir pada NIK bukan tanggal yang sah; periksa kembali NIK."]
    warnings = []
    if birth_date and (encoded_date.day, encoded_date.month, encoded_date.year % 100) != (
        birth_date.day,
        birth_date.month,
        birth_date.year % 100,
    ):
        warnings.append(
            f"Tanggal lahir pada NIK ({encoded_date:%d-%m-%y}) berbeda dengan tanggal lahir "
            f"yang diisi ({birth_date:%d-%m-%y})."
        )
    if sex and encoded_sex != sex:
        label = {"L": "laki-laki", "P": "perempuan"}
        warnings.append(
            f"NIK menunjukkan jenis kelamin {label[encoded_sex]}, sedangkan yang diisi {label.get(sex, sex)}."
        )
    return warnings


def format_kode_wilayah(kode: str) -> str:
    """18720110 01 → 18.72.01.1001: the dotted form printed in Kemendagri lists."""
    parts = [kode[0:2], kode[2:4], kode[4:6], kode[6:10]]
    return ".".join(part for part in parts if part)


MASK = "•"


def mask(value: str | None) -> str:
    """An identifier with its middle hidden: 1871••••••••0047 for a NIK or No. KK,
    0812••••••78 for a phone number; enough to tell two people apart, not to use the number."""
    if not value:
        return ""
    if len(value) < 8:
        return MASK * len(value)
    keep_end = 4 if len(value) >= 12 else 2
    return value[:4] + MASK * (len(value) - 4 - keep_end) + value[-keep_end:]
