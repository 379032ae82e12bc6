"""The health part of a person's page (KMS chart, N/T/O/B, immunisation, vitamin A, deworming)."""

from django import template
from django.utils.formats import number_format
from django.utils.safestring import mark_safe

from registry.models import Person
from visits import selectors
from visits.growth.chart import Point, render_svg
from visits.growth.indices import DAYS_PER_MONTH

register = template.Library()


@register.inclusion_tag("visits/_person_health.html")
def person_health(person: Person):
    measurements = selectors.person_measurements(person)
    care = selectors.person_care(person)
    under_five = [
        m for m in measurements if (m.visit.tanggal - person.tanggal_lahir).days / DAYS_PER_MONTH < 60
    ]
    points = [
        Point((m.visit.tanggal - person.tanggal_lahir).days / DAYS_PER_MONTH, float(m.berat_kg),
              f"{m.visit.tanggal:%d-%m-%Y}: {number_format(m.berat_kg, 1)} kg")
        for m in under_five if m.berat_kg
    ]  # fmt: skip
    sex = 1 if person.jenis_kelamin == "L" else 2
    chart = mark_safe(render_svg("bbu", sex, points)) if points else ""  # our own escaped SVG
    return {
        "measurements": list(reversed(measurements)),
        "chart": chart,
        "imunisasi": [(antigen, c.visit.tanggal) for c in care for antigen in c.imunisasi],
        "vitamin_a": [(c.visit.tanggal, c.get_vitamin_a_display()) for c in care if c.vitamin_a],
        "obat_cacing": [c.visit.tanggal for c in care if c.obat_cacing],
        "visits": person.visits.select_related("posyandu").order_by("-tanggal")[:24],
    }
