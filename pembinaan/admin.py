"""Instruments are adapted per region by an administrator: criteria, weights, scoring guides."""

from django import forms
from django.contrib import admin

from .models import Criterion, Instrument
from .prefill import SOURCE_CHOICES

FIELDS = ("urutan", "kode", "kelompok", "nama", "bobot", "data_source",
          "panduan_1", "panduan_2", "panduan_3", "panduan_4")  # fmt: skip


class CriterionForm(forms.ModelForm):
    # only the codes prefill.py can answer, so a typo cannot silently leave a criterion manual
    data_source = forms.ChoiceField(label="sumber data", choices=SOURCE_CHOICES, required=False)

    class Meta:
        model = Criterion
        fields = FIELDS


class CriterionInline(admin.TabularInline):
    model = Criterion
    form = CriterionForm
    extra = 0
    fields = FIELDS


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ("nama",)
    inlines = [CriterionInline]
