from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.safestring import mark_safe

from visits.forms.pages import GrowthCheckForm
from visits.growth.indices import ChildMeasurement
from visits.results.growth_report import growth_report


def _float(value) -> float | None:
    return None if value is None else float(value)


def growth_check(request):
    """Cek status gizi: one child's z-scores, Permenkes status and KMS charts, nothing saved."""
    form = GrowthCheckForm(request.GET or None, initial={"tanggal_ukur": timezone.localdate()})
    report = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        measurement = ChildMeasurement(
            sex=data["jenis_kelamin"],
            birth_date=data["tanggal_lahir"],
            visit_date=data["tanggal_ukur"],
            weight_kg=_float(data["berat"]),
            length_cm=_float(data["panjang"]),
            position=data["cara_ukur"],
            head_cm=_float(data["lingkar_kepala"]),
            muac_cm=_float(data["lila"]),
        )
        report = growth_report(measurement, formats.date_format(data["tanggal_ukur"], "SHORT_DATE_FORMAT"))
    charts = [mark_safe(svg) for svg in report.charts] if report else []  # our own escaped SVG
    return render(request, "visits/growth_check.html", {"form": form, "report": report, "charts": charts})
