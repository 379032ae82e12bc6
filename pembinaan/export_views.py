"""The lomba's exports: the ranking and a Posyandu's evidence pack, as Excel and printable pages."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from . import excel, selectors
from .evidence import evidence
from .views import posyandu_or_404, round_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def ranking_xlsx(request, pk: int):
    round = round_or_404(request, pk)
    criteria, rows = selectors.ranking(round=round, user=request.user)
    return _download(
        excel.ranking_workbook(round, criteria, rows), f"peringkat-posyandu-{round.pk}-{round.tahun}.xlsx"
    )


def evidence_page(request, pk: int, pid: int):
    """Printable evidence pack; `?format=xlsx` downloads the same as a workbook."""
    round = round_or_404(request, pk)
    ev = evidence(round=round, posyandu=posyandu_or_404(request, round, pid), user=request.user)
    if request.GET.get("format") == "xlsx":
        return _download(excel.evidence_workbook(ev), f"bukti-posyandu-{ev.posyandu.pk}-{round.tahun}.xlsx")
    return render(request, "pembinaan/evidence.html", {"ev": ev})
