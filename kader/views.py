"""Kader pages: the area's figures, a Posyandu's roster, a kader's page (trainings, skills,
TKK), the skill assessment and who was on duty on an opening day. Thin: selectors read,
services write."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from common.htmx import render_page_or_partial
from registry import access
from registry.models import Posyandu
from registry.scoping import get_scoped_or_404, profile_of
from reports.period import Month

from . import selectors, services
from .f5 import f5_month
from .forms import AssessmentForm, AttendanceForm, AwardForm, KaderForm, TrainingForm
from .models import Kader

PER_CHOICES = [("posyandu", "Posyandu"), ("desa", "desa/kelurahan"), ("puskesmas", "Puskesmas")]


def kader_home(request):
    """A kader lands on their Posyandu's roster; everyone else on their area's figures."""
    profile = profile_of(request.user)
    if profile is not None and profile.posyandu_id:
        return redirect("kader_roster", pk=profile.posyandu_id)
    posyandu = selectors.area_posyandu(user=request.user)
    per = request.GET.get("per") if request.GET.get("per") in selectors.ROLL_UPS else "posyandu"
    figures = selectors.kader_figures([p.pk for p in posyandu])
    context = {
        "per": per,
        "per_choices": PER_CHOICES,
        "posyandu": posyandu,
        "rows": selectors.roll_up(posyandu, figures, per),
        "total": sum(figures.values(), selectors.KaderFigures()),
        "levels": selectors.tkk_levels(),
        "to_train": selectors.belum_kompeten([p.pk for p in posyandu]),
    }
    return render(request, "kader/overview.html", context)


def roster(request, pk: int):
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), request.user, pk=pk)
    context = {
        "posyandu": posyandu,
        "kader_list": selectors.roster(user=request.user, posyandu=posyandu),
        "figures": selectors.kader_figures([posyandu.pk])[posyandu.pk],
        "levels": selectors.tkk_levels(),
        "to_train": selectors.belum_kompeten([posyandu.pk]),
    }
    return render(request, "kader/roster.html", context)


def kader_create(request, pk: int):
    posyandu = get_scoped_or_404(Posyandu.objects.all(), request.user, pk=pk)
    return _kader_form(request, posyandu, Kader(posyandu=posyandu))


def kader_edit(request, pk: int):
    kader = get_scoped_or_404(Kader.objects.select_related("posyandu"), request.user, pk=pk)
    return _kader_form(request, kader.posyandu, kader)


def _kader_form(request, posyandu, kader):
    access.require(access.can_edit_kader(request.user), services.NOT_ALLOWED)
    form = KaderForm(request.POST or None, instance=kader)
    if request.method == "POST" and form.is_valid():
        saved = services.kader_save(
            user=request.user, posyandu=posyandu, values=form.cleaned_data, kader=kader if kader.pk else None
        )
        messages.success(request, f"Data kader {saved.nama} disimpan.")
        return redirect("kader_detail", pk=saved.pk)
    return render(request, "kader/kader_form.html", {"form": form, "posyandu": posyandu, "kader": kader})


def kader_detail(request, pk: int, training_form=None, award_form=None):
    kader = selectors.kader_detail(user=request.user, pk=pk)
    context = {
        "kader": kader,
        "status": selectors.skill_status(kader),
        "training_form": training_form or TrainingForm(),
        "award_form": award_form or AwardForm(),
    }
    return render(
        request, "kader/kader_detail.html", context, status=400 if training_form or award_form else 200
    )


def training_add(request, pk: int):
    return _post_to_kader(
        request, pk, allowed=access.can_edit_kader, refusal=services.NOT_ALLOWED, form_class=TrainingForm,
        form_name="training_form", done="Pelatihan dicatat.",
        save=lambda kader, data: services.training_add(user=request.user, kader=kader, values=data),
    )  # fmt: skip


def tkk_award(request, pk: int):
    return _post_to_kader(
        request, pk, allowed=access.can_assess_kader, refusal=services.ASSESSORS_ONLY, form_class=AwardForm,
        form_name="award_form", done="TKK dicatat.",
        save=lambda kader, data: services.tkk_award(user=request.user, kader=kader, **data),
    )  # fmt: skip


def _post_to_kader(request, pk: int, *, allowed, refusal, form_class, form_name, save, done):
    """A small form posted from the kader's page: refused forms show on that page again."""
    kader = get_scoped_or_404(Kader.objects.all(), request.user, pk=pk)
    access.require(allowed(request.user), refusal)
    if request.method != "POST":
        return redirect("kader_detail", pk=kader.pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return kader_detail(request, pk, **{form_name: form})
    save(kader, form.cleaned_data)
    messages.success(request, done)
    return redirect("kader_detail", pk=kader.pk)


def assessment(request, pk: int):
    kader = get_scoped_or_404(Kader.objects.select_related("posyandu"), request.user, pk=pk)
    access.require(access.can_assess_kader(request.user), services.ASSESSORS_ONLY)
    form = AssessmentForm(request.POST or None, skills=selectors.skills_in_use())
    if request.method == "POST" and form.is_valid():
        n = services.assessment_record(
            user=request.user, kader=kader, tanggal=form.cleaned_data["tanggal"], results=form.results()
        )
        messages.success(request, f"{n} penilaian keterampilan dicatat.")
        return redirect("kader_detail", pk=kader.pk)
    return render(request, "kader/assessment.html", {"kader": kader, "form": form})


def attendance(request, pk: int):
    """Kader bertugas and nakes present on an opening day: a small form, loaded into the
    opening-day page."""
    day = selectors.opening_day_for_attendance(user=request.user, pk=pk)
    kader = selectors.active_kader_of(day.posyandu_id)
    initial = {
        f"meja_{row.kader_id}": row.meja for row in selectors.attendance_for_days([day.pk]).get(day.pk, [])
    }
    initial |= AttendanceForm.nakes_initial(selectors.nakes_for_days([day.pk]).get(day.pk, []))
    form = AttendanceForm(request.POST or None, initial=initial, kader=kader)
    if request.method == "POST":
        access.require(access.can_record_visits(request.user), access.READ_ONLY)
        if form.is_valid():
            n = services.attendance_set(
                user=request.user, opening_day=day, meja_by_kader=form.meja_by_kader(), nakes=form.nakes()
            )
            nakes = f" {len(form.nakes())} tenaga kesehatan hadir." if form.nakes() else ""
            messages.success(request, f"{n} kader bertugas dicatat.{nakes}")
            return redirect("opening_day_detail", pk=day.pk)
    context = {"day": day, "form": form}
    return render_page_or_partial(request, "kader/attendance.html", "kader/_attendance.html", context)


def f5(request, pk: int):
    """Format 5 (F5) of a Posyandu's month: births, deaths, visitors and who served."""
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), request.user, pk=pk)
    month = Month.parse(request.GET.get("bulan", ""), Month.of(timezone.localdate()).previous)
    return render(request, "kader/f5.html", {"f5": f5_month(posyandu=posyandu, month=month)})
