"""Strata Posyandu pages: the area's Posyandu with their computed strata and "Posyandu aktif"
for a year, and one Posyandu's evidence per criterion, history and yearly profile."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from common.params import int_param
from registry import access
from registry.models import Posyandu
from registry.scoping import get_scoped_or_404

from . import selectors, services, strata_rules, strata_selectors
from .forms import ProfileForm

HISTORY_YEARS = 3


def _year(request) -> int:
    this_year = timezone.localdate().year
    return int_param(request.GET.get("tahun"), this_year, low=2000, high=this_year)


def strata_list(request):
    year = _year(request)
    posyandu = selectors.area_posyandu(user=request.user)
    verdicts = strata_selectors.strata_for([p.pk for p in posyandu], year)
    rows = [(p, verdicts[p.pk]) for p in posyandu]
    context = {
        "year": year,
        "years": list(range(timezone.localdate().year, timezone.localdate().year - HISTORY_YEARS, -1)),
        "rows": rows,
        "per_strata": {s: sum(1 for _, v in rows if v.strata == s) for s in strata_rules.STRATA},
        "aktif": sum(1 for _, v in rows if v.aktif),
    }
    return render(request, "kader/strata_list.html", context)


def strata_detail(request, pk: int):
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa__puskesmas"), request.user, pk=pk)
    year = _year(request)
    profile = strata_selectors.year_profile(posyandu=posyandu, tahun=year)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST":
        access.require(access.can_edit_posyandu_profile(request.user), services.NOT_ALLOWED)
        if form.is_valid():
            services.profile_save(user=request.user, posyandu=posyandu, tahun=year, values=form.cleaned_data)
            messages.success(request, f"Profil {year} disimpan.")
            return redirect(f"{request.path}?tahun={year}")
    values = strata_selectors.year_values([posyandu.pk], year)[posyandu.pk]
    years = list(range(year, year - HISTORY_YEARS, -1))
    context = {
        "posyandu": posyandu,
        "year": year,
        "years": years,
        "values": values,
        "verdict": strata_rules.evaluate(values, strata_selectors.criteria()),
        "history": strata_selectors.history(posyandu.pk, years[1:]),
        "form": form,
    }
    return render(request, "kader/strata_detail.html", context)
