from dataclasses import fields


class Counts:
    """Field-wise addition of count dataclasses: Posyandu rows add up to desa, Puskesmas, Kab/Kota."""

    def __add__(self, other):
        # Only dataclasses subclass Counts, which mypy cannot see from the mixin itself.
        names = [f.name for f in fields(self)]  # type: ignore[arg-type]
        return type(self)(**{name: getattr(self, name) + getattr(other, name) for name in names})
