"""Dasbor Kab/Kota page: Dinkes compare their Puskesmas; Puskesmas staff see their own row."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from common.params import int_or_none
from registry import access
from registry import selectors as registry_selectors
from reports import pws
from reports.period import Month, month_choices

from .kabkota import kab_kota_rows, sort_rows

SORT_KEYS = {"nama", "lapor", *pws.INDICATORS}


def kab_kota_dashboard(request):
    if not access.can_read_kab_kota_dashboard(request.user):
        raise Http404
    choices = registry_selectors.kab_kota_choices(user=request.user)
    wanted = int_or_none(request.GET.get("kab_kota"))
    kab_kota = get_object_or_404(choices, pk=wanted) if wanted is not None else choices.first()
    if kab_kota is None:
        raise Http404
    running = Month.of(timezone.localdate())
    month = Month.parse(request.GET.get("bulan", ""), running.previous)
    key = request.GET.get("urut", "nama")
    key = key if key in SORT_KEYS else "nama"
    descending = request.GET.get("arah") == "turun"
    rows = sort_rows(kab_kota_rows(user=request.user, kab_kota=kab_kota, month=month), key, descending)
    context = {
        "kab_kota": kab_kota,
        "kab_kota_list": choices,
        "month": month,
        "rows": rows,
        "months": month_choices(month, running, 13),
        "indicators": list(pws.INDICATORS.values()),
        "key": key,
        "descending": descending,
    }
    return render(request, "pembinaan/kab_kota.html", context)
