"""Report pages. Figures come from reports.selectors; access from reports.areas / scoping."""

from django.shortcuts import redirect, render
from django.utils import timezone

from registry.models import Posyandu
from registry.scoping import get_scoped_or_404, profile_of
from visits import rules

from . import closing, snapshots
from .period import Month, month_choices
from .skdn import AGE_BANDS, band_rows


def _month(request) -> Month:
    default = Month.of(timezone.localdate()).previous
    return Month.parse(request.GET.get("bulan", ""), default)


def _month_navigation(month: Month) -> dict:
    """The selector (running month included) and the months before and after the one shown;
    no month after the running one."""
    running = Month.of(timezone.localdate())
    return {
        "months": month_choices(month, running),
        "previous_month": month.previous,
        "next_month": month.shift(1) if month < running else None,
    }


def report_home(request):
    """Kader land on their Posyandu's monthly report, everyone else on the PWS dashboard."""
    profile = profile_of(request.user)
    if profile is not None and profile.posyandu_id:
        return redirect("posyandu_report", pk=profile.posyandu_id)
    return redirect("pws_dashboard")


def posyandu_report(request, pk: int):
    """The monthly ILP report a Posyandu sends to its Puskesmas; printable."""
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa__puskesmas"), request.user, pk=pk)
    month = _month(request)
    frozen = snapshots.closing_of_posyandu(posyandu, month)
    figures, bands = snapshots.month_figures_and_bands(posyandu_ids=[posyandu.pk], month=month)
    report = figures[posyandu.pk]
    context = {
        "posyandu": posyandu,
        "month": month,
        **_month_navigation(month),
        "r": report,
        "band_rows": band_rows(bands),
        "age_bands": AGE_BANDS,
        "closing": frozen,
        "live_differs": frozen is not None and closing.posyandu_differs(frozen, posyandu.pk, month),
        "rules": rules,  # thresholds named in the row labels, from their one source
    }
    return render(request, "reports/posyandu_report.html", context)
