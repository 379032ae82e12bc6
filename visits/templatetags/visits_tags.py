"""The health part of a person's page (KMS chart, N/T/O/B, immunisation, vitamin A, deworming)."""

from django import template

from registry.models import Person
from visits import selectors, service_windows
from visits.results.meja3 import child_growth_charts

register = template.Library()


@register.inclusion_tag("visits/_person_health.html")
def person_health(person: Person):
    measurements = selectors.person_measurements(person)
    care = selectors.person_care(person)
    rows = [(m.visit.tanggal, m.berat_kg, m.tinggi_cm) for m in measurements]
    return {
        "measurements": list(reversed(measurements)),
        "charts": child_growth_charts(person, rows),
        "imunisasi": [(antigen, c.visit.tanggal) for c in care for antigen in c.imunisasi],
        "vitamin_a": [(c.visit.tanggal, _capsule(c)) for c in care if c.vitamin_a],
        "obat_cacing": [c.visit.tanggal for c in care if c.obat_cacing],
        "visits": person.visits.select_related("posyandu").order_by("-tanggal")[:24],
    }


def _capsule(care) -> str:
    """The capsule given, marked when outside February and August (KMK ILP 2023 L1853)."""
    note = service_windows.vitamin_a_note(care.vitamin_a, care.visit.tanggal)
    return care.get_vitamin_a_display() + (f" ({note})" if note else "")
