from dataclasses import fields


class Counts:
    """Field-wise addition of count dataclasses: Posyandu rows add up to desa, Puskesmas, Kab/Kota."""

    def __add__(self, other):
        return type(self)(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})
