"""What every service does before it saves a row: set only the fields it may set."""

from django.db import connections, router
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


FEW_ROWS = 8  # up to here one UPDATE per row is cheaper than bulk_update()'s CASE per row (measured)


def update_rows(model: type[Model], rows: list[Model], fields: list[str]) -> None:
    """Store `fields` of `rows` (saved instances of `model`): for a few rows, the usual case
    after one save, one plain UPDATE per row sent together (no queryset to build for each: this
    runs for every record a phone syncs); bulk_update() for more. Fields are stored as save()
    would store them (get_db_prep_save), with no save() signals, as QuerySet.update()."""
    if not rows:
        return
    if len(rows) > FEW_ROWS:
        model._default_manager.bulk_update(rows, fields)
        return
    meta, connection = model._meta, connections[router.db_for_write(model)]
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
    params = [[*(f.get_db_prep_save(getattr(row, f.attname), connection) for f in columns), row.pk]
              for row in rows]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
