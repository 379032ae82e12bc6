"""What every service does before it saves a row: set only the fields it may set."""

from django.db.models import Model


def assign(instance: Model, values: dict, allowed: tuple[str, ...]) -> list[str]:
    """Set `values` on `instance`, refusing any name not in `allowed` (a programming error, so a
    TypeError, not a message for the user); returns the names whose stored value changed.
    The caller then runs `instance.full_clean()` and saves."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"{type(instance).__name__}: fields not allowed here: {sorted(unknown)}")
    fields = [instance._meta.get_field(name) for name in values]
    before = [field.value_from_object(instance) for field in fields]
    for name, value in values.items():
        setattr(instance, name, value)
    return [f.name for f, old in zip(fields, before, strict=True) if f.value_from_object(instance) != old]
