from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Laporan"

    def ready(self):
        from registry.scoping import register_area_path, register_area_rule

        from .models import MonthClosing, Recap, SasaranDesa, recap_area

        register_area_rule(Recap, recap_area)
        register_area_path(MonthClosing, "puskesmas", "puskesmas__")
        register_area_path(SasaranDesa, "desa", "desa__")
