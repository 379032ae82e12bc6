from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Kunjungan"

    def ready(self):
        from registry.scoping import register_posyandu_path

        from .models import (
            AuditEntry,
            Care,
            Counselling,
            HomeVisitOutcome,
            Measurement,
            OpeningDay,
            Referral,
            Visit,
        )

        register_posyandu_path(OpeningDay, "posyandu__")
        register_posyandu_path(Visit, "posyandu__")
        register_posyandu_path(HomeVisitOutcome, "posyandu__")
        for model in (Measurement, Counselling, Care, Referral, AuditEntry):
            register_posyandu_path(model, "visit__posyandu__")
