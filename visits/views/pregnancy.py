"""Pages of pregnancy episodes: a new pregnancy, the episode page with its parts (ANC contacts,
MT, outcome, KF/KN) and a woman's Td doses. Thin: reads in visits.pregnancy_selectors, writes in
visits.pregnancy_services, area by registry.scoping (another area's woman or episode is a 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from common.forms import show_refusal
from registry import access
from registry.models import Person
from registry.scoping import get_scoped_or_404
from visits import pregnancy_selectors as selectors
from visits import pregnancy_services as services
from visits.forms.pregnancy import ContactForm, MtForm, OutcomeForm, PostnatalForm, PregnancyForm, TdForm
from visits.models import Pregnancy

# The parts of the episode page: (form, the service that saves it, the message once saved).
PARTS = {
    "kontak": (ContactForm, services.contact_add, "Kontak ANC dicatat."),
    "mt": (MtForm, services.mt_add, "Pemberian MT dicatat."),
    "nifas": (PostnatalForm, services.postnatal_add, "Kunjungan nifas/neonatal dicatat."),
}


def _woman(request, pk: int) -> Person:
    return get_scoped_or_404(Person.objects.select_related("household"), request.user, pk=pk)


def pregnancy_new(request, pk: int):
    ibu = _woman(request, pk)
    access.require(access.can_record_pregnancy(request.user), access.READ_ONLY)
    form = PregnancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            episode = services.pregnancy_open(user=request.user, ibu=ibu, values=form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, f"Kehamilan {ibu.nama} dicatat.")
            return redirect("pregnancy_detail", pk=episode.pk)
    return render(request, "visits/pregnancy_new.html", {"ibu": ibu, "form": form})


def _episode(request, pk: int) -> Pregnancy:
    return get_scoped_or_404(Pregnancy.objects.select_related("ibu__household"), request.user, pk=pk)


def _page(request, episode: Pregnancy, **bound):
    forms = {
        "kontak": ContactForm(initial={"ke": len(episode.kontak.all()) + 1}, prefix="kontak"),
        "mt": MtForm(prefix="mt"),
        "nifas": PostnatalForm(prefix="nifas"),
        "hasil": OutcomeForm(initial={"nama_bayi": f"Bayi Ny. {episode.ibu.nama}"}),
        **bound,
    }
    context = {
        "ep": selectors.episode_view(episode, timezone.localdate()),
        "forms": forms,
        "mt": list(episode.mt.all()),
        "nifas": list(episode.nifas.all()),
    }
    return render(request, "visits/pregnancy_detail.html", context, status=400 if bound else 200)


def pregnancy_detail(request, pk: int):
    return _page(request, _episode(request, pk))


@require_POST
def pregnancy_part(request, pk: int, part: str):
    episode = _episode(request, pk)
    access.require(access.can_record_pregnancy(request.user), access.READ_ONLY)
    form_class, save, done = PARTS[part]
    form = form_class(request.POST, prefix=part)  # prefixed: three forms share one page
    if form.is_valid():
        try:
            save(user=request.user, kehamilan=episode, values=form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, done)
            return redirect("pregnancy_detail", pk=episode.pk)
    return _page(request, episode, **{part: form})


@require_POST
def pregnancy_outcome(request, pk: int):
    episode = _episode(request, pk)
    access.require(access.can_record_pregnancy(request.user), access.READ_ONLY)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        outcome, baby = form.values()
        try:
            services.pregnancy_close(user=request.user, kehamilan=episode, values=outcome, baby=baby)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Hasil kehamilan dicatat; kehamilan ditutup.")
            return redirect("pregnancy_detail", pk=episode.pk)
    return _page(request, episode, hasil=form)


def td_doses(request, pk: int):
    person = _woman(request, pk)
    form = TdForm(request.POST or None)
    if request.method == "POST":
        access.require(access.can_record_pregnancy(request.user), access.READ_ONLY)
        if form.is_valid():
            try:
                services.td_dose_add(user=request.user, person=person, **form.cleaned_data)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Imunisasi Td {person.nama} dicatat.")
                return redirect("td_doses", pk=person.pk)
    context = {"person": person, "form": form, "doses": list(person.td_doses.all()),
               "status": selectors.td_status(person)}  # fmt: skip
    return render(request, "visits/td_doses.html", context, status=400 if form.errors else 200)
