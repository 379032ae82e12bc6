"""The printable registers of a Posyandu (bayi & balita; ibu hamil & nifas; WUS/PUS) and their Excel
download. Thin: the rows come from reports.register and reports.registers_ibu; another area's
Posyandu is a 404. A download (named people's health data leaving the app) is written to the
access log that Puskesmas and Dinkes review."""

import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from common.params import int_param
from registry.models import Posyandu
from registry.scoping import get_scoped_or_404
from registry.services import record_export

from .register import register_rows
from .register_excel import ANTIGENS, ASI_MONTHS, BULAN, balita_sheet
from .register_sheets import RegisterSheet, register_workbook
from .registers_ibu import MONTHS, REGISTERS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(register: RegisterSheet, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    register_workbook(register).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def register_page(request, pk: int, kind: str):
    posyandu = get_scoped_or_404(Posyandu.objects.all(), request.user, pk=pk)
    this_year = timezone.localdate().year
    year = int_param(request.GET.get("tahun"), this_year, low=2000, high=this_year)
    register = REGISTERS[kind](user=request.user, posyandu=posyandu, year=year)
    if request.GET.get("format") == "xlsx":
        record_export(user=request.user, posyandu=posyandu, what=f"{register.title} {year} (Excel)")
        return _xlsx(register.sheet(), f"register-{kind}-{posyandu.pk}-{year}.xlsx")
    context = {"posyandu": posyandu, "register": register, "months": MONTHS, "kind": kind,
               "years": range(this_year, this_year - 3, -1)}  # fmt: skip
    return render(request, "reports/register.html", context)


def register_balita(request, pk: int):
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), request.user, pk=pk)
    this_year = timezone.localdate().year
    year = int_param(request.GET.get("tahun"), this_year, low=this_year - 5, high=this_year)
    rows = register_rows(user=request.user, posyandu=posyandu, year=year)
    if request.GET.get("format") == "xlsx":
        record_export(user=request.user, posyandu=posyandu, what=f"Register bayi & balita {year} (Excel)")
        return _xlsx(balita_sheet(str(posyandu), year, rows), f"register-balita-{posyandu.pk}-{year}.xlsx")
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
