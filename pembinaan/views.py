"""Penilaian Posyandu pages: rounds, the ranking, scoring one Posyandu and its pembinaan.
Thin: parse, call a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from common.forms import show_refusal
from registry import access
from registry.scoping import get_scoped_or_404

from . import permissions, prefill, selectors, services
from .forms import AssessorForm, CoachingForm, CoachingStatusForm, RoundForm, ScoreForm
from .models import CoachingStatus, Round


def round_or_404(request, pk: int) -> Round:
    if not access.can_manage_lomba(request.user):
        raise Http404
    return get_scoped_or_404(selectors.rounds(user=request.user), request.user, pk=pk)


def posyandu_or_404(request, round: Round, pid: int):
    return get_scoped_or_404(selectors.round_posyandu(round=round, user=request.user), request.user, pk=pid)


def _scored(request, pk: int, pid: int):
    """The round, one of its Posyandu, the instrument's criteria and the scores saved so far."""
    round = round_or_404(request, pk)
    posyandu = posyandu_or_404(request, round, pid)
    return round, posyandu, selectors.criteria(round), selectors.scores_of(round=round, posyandu=posyandu)


def round_list(request):
    if not access.can_manage_lomba(request.user):
        raise Http404
    return render(request, "pembinaan/round_list.html", {"rounds": selectors.rounds(user=request.user)})


def round_create(request):
    if not access.can_manage_lomba(request.user):
        raise Http404
    year = timezone.localdate().year
    form = RoundForm(
        request.POST or None,
        initial={"tahun": year, "nama": "Penilaian Posyandu"},
        instruments=selectors.instruments(),
        areas=selectors.area_choices(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round = services.round_create(
                user=request.user,
                nama=data["nama"],
                tahun=data["tahun"],
                instrument_id=data["instrumen"],
                area=data["wilayah"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Penilaian dibuat.")
            return redirect("lomba_round", pk=round.pk)
    return render(request, "pembinaan/round_form.html", {"form": form})


def round_detail(request, pk: int):
    """The ranking, the assessors and (for managers) the form to add one."""
    round = round_or_404(request, pk)
    form = AssessorForm(request.POST or None, candidates=selectors.assessor_candidates(round=round))
    if request.method == "POST" and form.is_valid():
        try:
            services.assessor_add(user=request.user, round=round, assessor_id=form.cleaned_data["penilai"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Penilai ditambahkan.")
            return redirect("lomba_round", pk=round.pk)
    criteria, rows = selectors.ranking(round=round, user=request.user)
    context = {
        "round": round,
        "criteria": criteria,
        "rows": rows,
        "form": form,
        "assessors": selectors.assessors(round),
        "can_score": permissions.can_score(request.user, round),
    }
    return render(request, "pembinaan/round_detail.html", context)


def score_page(request, pk: int, pid: int):
    round, posyandu, criteria, saved = _scored(request, pk, pid)
    data = prefill.prefill(
        codes={c.data_source for c in criteria},
        posyandu_ids=[posyandu.pk],
        year=round.tahun,
        today=timezone.localdate(),
    )
    initial = {}
    for c in criteria:
        suggested = data.get((posyandu.pk, c.data_source))
        score = saved[c.pk].skor if c.pk in saved else (suggested.score if suggested else None)
        initial |= {f"skor_{c.pk}": score, f"alasan_{c.pk}": saved[c.pk].alasan if c.pk in saved else ""}
    form = ScoreForm(request.POST or None, initial=initial, criteria=criteria)
    if request.method == "POST":
        access.require(permissions.can_score(request.user, round), services.NOT_ASSESSOR)
        if form.is_valid():
            try:
                services.scores_save(user=request.user, round=round, posyandu=posyandu, scores=form.scores())
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Skor {posyandu} disimpan.")
                return redirect("lomba_round", pk=round.pk)
    rows = [
        (c, form[f"skor_{c.pk}"], form[f"alasan_{c.pk}"], data.get((posyandu.pk, c.data_source)))
        for c in criteria
    ]
    context = {
        "round": round,
        "posyandu": posyandu,
        "form": form,
        "rows": rows,
        "can_score": permissions.can_score(request.user, round),
    }
    return render(request, "pembinaan/score.html", context)


def _status_update(request, round, posyandu):
    """A row's "Ubah status": the pembinaan must be this Posyandu's in this round (else 404)."""
    form = CoachingStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Status tidak diubah: pilih salah satu status.")
        return redirect("lomba_coaching", pk=round.pk, pid=posyandu.pk)
    coachings = selectors.coachings(round=round, posyandu=posyandu, user=request.user)
    coaching = get_scoped_or_404(coachings, request.user, pk=form.cleaned_data["pembinaan"])
    services.coaching_status_save(user=request.user, coaching=coaching, status=form.cleaned_data["status"])
    messages.success(request, f"Status pembinaan: {coaching.get_status_display()}.")
    return redirect("lomba_coaching", pk=round.pk, pid=posyandu.pk)


def coaching_page(request, pk: int, pid: int):
    """The gaps of a Posyandu (criteria scored 1–2) and the pembinaan recorded for them."""
    round, posyandu, criteria, saved = _scored(request, pk, pid)
    if request.method == "POST" and "pembinaan" in request.POST:
        return _status_update(request, round, posyandu)
    gaps = [c for c in criteria if c.pk in saved and saved[c.pk].skor <= 2]
    form = CoachingForm(
        request.POST or None, criteria=gaps or criteria, initial={"tanggal": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.coaching_save(
                user=request.user,
                round=round,
                posyandu=posyandu,
                criterion_id=data["kriteria"],
                tanggal=data["tanggal"],
                kegiatan=data["kegiatan"],
                tindak_lanjut=data["tindak_lanjut"],
                status=data["status"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Pembinaan dicatat.")
            return redirect("lomba_coaching", pk=round.pk, pid=posyandu.pk)
    context = {
        "round": round,
        "posyandu": posyandu,
        "form": form,
        "gaps": gaps,
        "scores": saved,
        "coachings": selectors.coachings(round=round, posyandu=posyandu, user=request.user),
        "statuses": CoachingStatus.choices,
    }
    return render(request, "pembinaan/coaching.html", context)
