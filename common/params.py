"""Reading numbers from query parameters and posted fields without trusting them.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads as another digit, and a
number past the database's bigint makes PostgreSQL raise: only ASCII digits within bounds pass.
"""

BIGINT_MAX = 2**63 - 1


def int_or_none(value: str | None, *, low: int = 0, high: int = BIGINT_MAX) -> int | None:
    """The integer in `value` if it is plain ASCII digits between low and high, else None."""
    if value is None:
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if low <= number <= high else None


def int_param(value: str | None, default: int, *, low: int = 0, high: int = BIGINT_MAX) -> int:
    """Like int_or_none, with a default for anything missing or unusable."""
    number = int_or_none(value, low=low, high=high)
    return default if number is None else number
