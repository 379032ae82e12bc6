"""Pages of an opening day and its five tables (meja), a visit and referrals (home visits:
visits/views/home_visits.py). Thin:
reads in selectors, writes in services, access in registry.scoping and registry.access."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from common.htmx import render_page_or_partial
from common.paging import page_of
from common.params import int_or_none, int_param
from common.redirects import redirect_back
from registry import access
from registry import selectors as registry_selectors
from registry.scoping import get_scoped_or_404
from visits import selectors, services
from visits.forms.meja import FORMS_BY_MEJA
from visits.forms.pages import OpeningDayForm, ReferralFollowUpForm
from visits.models import OpeningDay, Referral, Visit
from visits.results.audit_text import readable_changes, record_lines
from visits.results.meja3 import visit_summary
from visits.rules import Subject

MEJA_NAMES = {
    1: "Pendaftaran",
    2: "Penimbangan & pengukuran",
    3: "Pencatatan",
    4: "Penyuluhan & PMT",
    5: "Pelayanan kesehatan",
}


def opening_day_list(request):
    posyandu = registry_selectors.posyandu_choices(user=request.user)
    form = None
    if request.method == "POST":
        access.require(access.can_record_visits(request.user), access.READ_ONLY)
        form = OpeningDayForm(request.POST, posyandu_list=posyandu)
        if form.is_valid():
            day = services.opening_day_open(user=request.user, **form.cleaned_data)
            return redirect("opening_day_detail", pk=day.pk)
    elif access.can_record_visits(request.user):
        form = OpeningDayForm(posyandu_list=posyandu, initial={"tanggal": timezone.localdate()})
    context = {"days": selectors.opening_days(user=request.user)[:60], "form": form}
    return render(request, "visits/opening_day_list.html", context)


def opening_day_today(request):
    """The kader's landing page: today's opening day if it is open, else where to open it."""
    day = selectors.opening_day_today(user=request.user, today=timezone.localdate())
    return redirect("opening_day_detail", pk=day.pk) if day else redirect("opening_day_list")


def opening_day_detail(request, pk: int):
    day = get_scoped_or_404(OpeningDay.objects.select_related("posyandu"), request.user, pk=pk)
    meja = int_param(request.GET.get("meja"), 1, low=1, high=5)
    if request.method == "POST":
        access.require(access.can_record_visits(request.user), access.READ_ONLY)
        person = get_scoped_or_404(
            selectors.people_present(day=day), request.user, pk=int_or_none(request.POST.get("person"))
        )
        services.visit_register(person=person, opening_day=day, user=request.user)
        messages.success(request, f"{person.nama} masuk antrean.")
        return redirect(f"{reverse('opening_day_detail', args=[day.pk])}?meja={meja}")
    q = request.GET.get("q", "").strip()[:100]
    cari = request.GET.get("cari", "").strip()[:100] if meja > 1 else ""
    candidates, more = selectors.queue_candidates(user=request.user, day=day, q=q) if q else ([], False)
    context = {
        "day": day,
        "queue": selectors.day_queue(day=day, q=cari),
        "cari": cari,
        "q": q,
        "candidates": candidates,
        "more_candidates": more,
        "meja": meja,
        "meja_names": MEJA_NAMES,
    }
    partial = "visits/_queue_candidates.html" if meja == 1 else "visits/_queue.html"
    return render_page_or_partial(request, "visits/opening_day_detail.html", partial, context)


@require_POST
def visit_remove(request, pk: int):
    """Meja 1: take a person put in the queue by mistake out again."""
    visit = _visit(request, pk)
    access.require(access.can_record_visits(request.user), access.READ_ONLY)
    _attempt(request, lambda: services.visit_remove(visit=visit, user=request.user),
             f"{visit.person.nama} dihapus dari antrean.")  # fmt: skip
    return redirect(_back(visit, 1) if visit.opening_day_id else "home_visit_list")


def _attempt(request, action, done: str) -> None:
    """Run a write; a refusal (e.g. the person was just removed from the queue) becomes a message."""
    try:
        action()
    except services.QueueError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)


def _visit(request, pk: int, *records: str) -> Visit:
    """The visit in the user's area, with its person and day, and `records` (e.g. "measurement")."""
    related = Visit.objects.select_related("person__household", "posyandu", "opening_day", *records)
    return get_scoped_or_404(related, request.user, pk=pk)


def _editable(request, visit: Visit) -> bool:
    return access.can_edit_visit(request.user, visit, in_area=True)  # _visit() found it in the area


def _back(visit: Visit, meja: int) -> str:
    if visit.opening_day_id:
        return f"{reverse('opening_day_detail', args=[visit.opening_day_id])}?meja={meja}"
    return reverse("visit_detail", args=[visit.pk])


def visit_meja(request, pk: int, meja: int):
    if meja == 3:
        return _meja3(request, _visit(request, pk))
    if meja not in FORMS_BY_MEJA:
        raise Http404("Meja tidak dikenal.")  # an address that names no page
    record_name = services.RECORD_NAMES[meja]
    visit = _visit(request, pk, record_name)
    groups_listed = visit.person.groups_on(visit.tanggal)
    groups = set(groups_listed)
    record = getattr(visit, record_name, None)
    subject = Subject(visit.person.tanggal_lahir, visit.tanggal, visit.person.jenis_kelamin)
    extra = {"earlier_doses": selectors.earlier_doses(visit=visit)} if meja == 5 else {}
    form_class = FORMS_BY_MEJA[meja](groups, subject)
    form = form_class(request.POST or None, instance=record, groups=groups, subject=subject, **extra)
    editable = _editable(request, visit)
    version = record.version if record else ""
    if request.method == "POST":
        version = request.POST.get("version", "")
        access.require(editable, access.VISIT_LOCKED)
        if form.is_valid():
            # A missing or unreadable version counts as "new record": a conflict if one exists.
            version = int_or_none(request.POST.get("version"))
            try:
                services.record_save(visit=visit, meja=meja, data=form.cleaned_data, user=request.user,
                                     version=version)  # fmt: skip
            except services.EditConflict as conflict:
                form.add_error(None, str(conflict))
                version = conflict.version  # the form shown again saves over what is there now
            except services.QueueError as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, f"Meja {meja} untuk {visit.person.nama} disimpan.")
                return redirect(
                    reverse("visit_meja", args=[visit.pk, 3]) if meja == 2 else _back(visit, meja)
                )
    context = {
        "visit": visit,
        "meja": meja,
        "meja_name": MEJA_NAMES[meja],
        "form": form,
        "version": version,
        "groups": groups_listed,
        "editable": editable,
        "back": _back(visit, meja),
        "read_only": [] if editable else record_lines(meja, record, list(form.fields)),
    }
    return render(request, "visits/meja_form.html", context)


def _meja3(request, visit: Visit):
    if request.method == "POST":
        _attempt(request, lambda: services.visit_mark_recorded(visit=visit, user=request.user),
                 f"Hasil {visit.person.nama} sudah dicatat.")  # fmt: skip
        return redirect(_back(visit, 3))
    context = {"visit": visit, "summary": visit_summary(visit), "back": _back(visit, 3),
               "editable": _editable(request, visit)}  # fmt: skip
    return render(request, "visits/meja3.html", context)


def visit_detail(request, pk: int):
    visit = _visit(request, pk)
    context = {
        "visit": visit,
        "summary": visit_summary(visit),
        "audit": [(entry, readable_changes(entry)) for entry in visit.audit.select_related("user")],
        "editable": _editable(request, visit),
        "meja_names": MEJA_NAMES,
    }
    return render(request, "visits/visit_detail.html", context)


def referral_list(request):
    posyandu_id = int_or_none(request.GET.get("posyandu"))
    open_only = request.GET.get("status", "belum") == "belum"
    rows = selectors.referrals(
        user=request.user,
        posyandu_id=posyandu_id,
        day_id=int_or_none(request.GET.get("hari")),
        open_only=open_only,
    )
    context = {
        "page": page_of(request, rows),
        "open_only": open_only,
        "posyandu_list": registry_selectors.posyandu_choices(user=request.user),
        "posyandu_id": request.GET.get("posyandu", ""),
    }
    return render(request, "visits/referral_list.html", context)


def referral_follow_up(request, pk: int):
    """Puskesmas staff record what became of a referral (Catat tindak lanjut)."""
    referral = get_scoped_or_404(Referral.objects.select_related("visit__person"), request.user, pk=pk)
    access.require(access.can_follow_up_referrals(request.user), services.FOLLOW_UP_ONLY)
    if referral.dibatalkan_at is not None:  # a stale page: a correction cancelled it meanwhile
        messages.error(request, "Rujukan ini sudah dibatalkan karena koreksi data.")
        return redirect("referral_list")
    form = ReferralFollowUpForm(request.POST or None, instance=referral)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.FOLLOW_UP_FIELDS}
        services.referral_follow_up(referral=referral, user=request.user, **fields)
        messages.success(request, f"Tindak lanjut rujukan {referral.visit.person.nama} dicatat.")
        return redirect_back(request, request.POST.get("next"), "referral_list")
    return render(request, "visits/referral_follow_up.html", {"referral": referral, "form": form})
