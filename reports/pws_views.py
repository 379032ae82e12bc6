"""PWS dashboard and the annual sasaran per desa entered by the Puskesmas."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from common.params import int_or_none, int_param
from registry import access
from registry import selectors as registry_selectors
from registry.models import Puskesmas

from . import closing, pws, pws_selectors, services
from .dashboard import pws_dashboard
from .models import SasaranKind
from .period import Month, month_choices


def _puskesmas(request) -> Puskesmas:
    """The Puskesmas whose PWS is shown: staff their own, Dinkes any of their Kab/Kota."""
    if not access.can_read_pws(request.user):
        raise Http404
    choices = registry_selectors.puskesmas_choices(user=request.user)
    if request.GET.get("puskesmas"):
        return get_object_or_404(choices, pk=int_or_none(request.GET["puskesmas"]))
    first = choices.first()
    if first is None:
        raise Http404
    return first


def pws_page(request):
    puskesmas = _puskesmas(request)
    month = Month.parse(request.GET.get("bulan", ""), Month.of(timezone.localdate()))
    indicator = pws.INDICATORS.get(request.GET.get("indikator", ""), pws.INDICATORS["ds"])
    shown = [month.shift(-i) for i in range(12)]
    context = {
        "d": pws_dashboard(puskesmas=puskesmas, indicator=indicator, month=month),
        "closed": [
            row
            for row in closing.month_rows(puskesmas=puskesmas, months=shown, user=request.user)
            if row.closing
        ],
        "puskesmas": puskesmas,
        "puskesmas_list": registry_selectors.puskesmas_choices(user=request.user),
        "indicators": pws.INDICATORS.values(),
        "months": month_choices(month, Month.of(timezone.localdate()), 13),
    }
    return render(request, "reports/pws.html", context)


class SasaranForm(forms.Form):
    def __init__(self, *args, desa, year, defaults, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa, self.year, self.defaults = desa, year, defaults
        for d in desa:
            for kind in SasaranKind:
                self.fields[f"{kind.value}_{d.pk}"] = forms.IntegerField(
                    label=f"{kind.label} {d.nama}", required=False, min_value=0, max_value=1_000_000,
                    error_messages={"min_value": "Tidak boleh negatif.", "max_value": "Terlalu besar."},
                )  # fmt: skip

    def jumlah(self) -> dict[tuple[int, str], int | None]:
        """The typed figures by (desa id, jenis), for services.sasaran_save."""
        return {
            (d.pk, k.value): self.cleaned_data[f"{k.value}_{d.pk}"] for d in self.desa for k in SasaranKind
        }

    def rows(self):
        """(desa, [(field, registry count)]) for the table."""
        return [
            (d, [(self[f"{kind.value}_{d.pk}"], self.defaults[kind.value][d.pk]) for kind in SasaranKind])
            for d in self.desa
        ]


def sasaran_page(request):
    puskesmas = _puskesmas(request)
    this_year = timezone.localdate().year
    year = int_param(request.GET.get("tahun"), this_year, low=2000, high=this_year + 1)
    desa = pws_selectors.desa_of_puskesmas(puskesmas)
    entered = pws_selectors.sasaran_entered(user=request.user, desa=desa, tahun=year)
    initial = {f"{kind}_{desa_id}": n for (desa_id, kind), n in entered.items()}
    on = dt.date(year, 12, 31) if year < timezone.localdate().year else timezone.localdate()
    ids = [d.pk for d in desa]
    defaults = {
        kind.value: pws_selectors.default_sasaran(kind=kind.value, desa_ids=ids, on=on)
        for kind in SasaranKind
    }
    form = SasaranForm(request.POST or None, initial=initial, desa=desa, year=year, defaults=defaults)
    if request.method == "POST":
        access.require(access.can_edit_sasaran(request.user), "Hanya petugas Puskesmas yang mengisi sasaran.")
        if form.is_valid():
            services.sasaran_save(user=request.user, desa=desa, tahun=year, jumlah=form.jumlah())
            messages.success(request, f"Sasaran {year} disimpan.")
            return redirect(f"{request.path}?puskesmas={puskesmas.pk}&tahun={year}")
    context = {"form": form, "puskesmas": puskesmas, "year": year, "kinds": list(SasaranKind)}
    return render(request, "reports/sasaran.html", context)
