"""The data Dinkes keeps: the skill list, TKK thresholds and strata criteria, with sources."""

from django.contrib import admin

from .models import Criterion, Kader, PosyanduTahun, Skill, SkillArea, TkkLevel


class SkillInline(admin.TabularInline):
    model = Skill
    extra = 0


@admin.register(SkillArea)
class SkillAreaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "urutan", "sumber"]
    inlines = [SkillInline]


@admin.register(TkkLevel)
class TkkLevelAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "min_bidang", "sumber"]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["skema", "tingkat", "indikator", "minimum", "sumber", "urutan"]
    list_filter = ["skema"]


@admin.register(Kader)
class KaderAdmin(admin.ModelAdmin):
    list_display = ["nama", "posyandu", "peran", "aktif"]
    list_select_related = ["posyandu"]
    search_fields = ["nama"]
    raw_id_fields = ["posyandu", "user"]


@admin.register(PosyanduTahun)
class PosyanduTahunAdmin(admin.ModelAdmin):
    list_display = ["posyandu", "tahun", "dana_sehat_persen"]
    list_select_related = ["posyandu"]
    raw_id_fields = ["posyandu"]
