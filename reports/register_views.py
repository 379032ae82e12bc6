"""Register bayi & balita of a Posyandu: a printable page and the same rows as an Excel file."""

import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from common.params import int_param
from registry.models import Posyandu
from registry.scoping import get_scoped_or_404

from .register import register_rows
from .register_excel import ANTIGENS, ASI_MONTHS, BULAN, register_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register_balita(request, pk: int):
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), request.user, pk=pk)
    this_year = timezone.localdate().year
    year = int_param(request.GET.get("tahun"), this_year, low=this_year - 5, high=this_year)
    rows = register_rows(user=request.user, posyandu=posyandu, year=year)
    if request.GET.get("format") == "xlsx":
        buffer = io.BytesIO()
        register_workbook(str(posyandu), year, rows).save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="register-balita-{posyandu.pk}-{year}.xlsx"'
        return response
    context = {
        "posyandu": posyandu,
        "year": year,
        "years": range(this_year, this_year - 6, -1),
        "rows": rows,
        "bulan": BULAN,
        "antigens": ANTIGENS,
        "asi_months": range(1, ASI_MONTHS + 1),
    }
    return render(request, "reports/register_balita.html", context)
