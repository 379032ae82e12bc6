"""A pregnancy recorded on the phone with a newcomer at meja 1 (record kind "kehamilan"):
{"id", "jenis": "kehamilan", "orang": person id or the newcomer record's id, "data": {"hpht",
"gravida", "para", "abortus"}}. Parsed by the form of *Catat kehamilan baru* (PregnancyForm) and
saved by its service (pregnancy_open), so the same refusals come back beside the same fields.
Nothing here decides a clinical rule."""

from __future__ import annotations

from registry.models import Posyandu
from visits import pregnancy_services
from visits.forms.pregnancy import PregnancyForm

from .apply import Known, _form_data, _person, _refuse_form


def apply_pregnancy(*, user, posyandu: Posyandu, record: dict, newcomers: dict, known: Known) -> dict:
    """Open the woman's pregnancy episode; a ValidationError (age 10–54 on the HPHT, a second
    open pregnancy, G-P-A) is answered "refused" with its messages by field."""
    ibu = _person(user, posyandu, record, newcomers, known)
    form = PregnancyForm(_form_data(record.get("data")))
    if not form.is_valid():
        _refuse_form(form)
    episode = pregnancy_services.pregnancy_open(user=user, ibu=ibu, values=form.cleaned_data)
    return {"orang": ibu.pk, "kehamilan": episode.pk}
