"""common.forms.show_refusal: a service's ValidationError lands beside the field it names, above
the form otherwise, and the typed values stay on the form."""

from django import forms
from django.core.exceptions import ValidationError

from common.forms import show_refusal


class WeighForm(forms.Form):
    berat_kg = forms.DecimalField()
    catatan = forms.CharField(required=False)


def bound():
    form = WeighForm({"berat_kg": "8.4", "catatan": "rewel"})
    assert form.is_valid()
    return form


def test_a_message_naming_a_field_goes_beside_it_and_the_values_stay():
    form = bound()
    refused = {"berat_kg": ["Berat terlalu kecil."], "catatan": ["Terlalu pendek."]}
    show_refusal(form, ValidationError(refused))
    assert form.errors == refused
    assert form.data["berat_kg"] == "8.4" and 'value="rewel"' in str(form["catatan"])


def test_a_field_the_form_lacks_or_no_field_at_all_goes_above_the_form():
    form = bound()
    show_refusal(form, ValidationError({"visit": ["Kunjungan sudah dihapus."]}))
    show_refusal(form, ValidationError("Hari buka sudah ditutup."))
    assert form.non_field_errors() == ["Kunjungan sudah dihapus.", "Hari buka sudah ditutup."]
    assert "berat_kg" not in form.errors
