from dataclasses import fields

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a count dataclass, looked up once per class: a recap adds tens of thousands."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return _FIELD_NAMES[cls]


class Counts:
    """Field-wise addition of count dataclasses: Posyandu rows add up to desa, Puskesmas, Kab/Kota."""

    def __add__(self, other):
        names = field_names(type(self))
        return type(self)(**{name: getattr(self, name) + getattr(other, name) for name in names})
