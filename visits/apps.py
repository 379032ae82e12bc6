from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Kunjungan"

    def ready(self):
        from registry.scoping import register_posyandu_path

        from . import models as m

        register_posyandu_path(m.OpeningDay, "posyandu__")
        register_posyandu_path(m.Visit, "posyandu__")
        register_posyandu_path(m.Dose, "person__household__posyandu__")
        register_posyandu_path(m.HomeVisitOutcome, "posyandu__")
        for model in (m.Measurement, m.Counselling, m.Care, m.Referral, m.AuditEntry):
            register_posyandu_path(model, "visit__posyandu__")
        register_posyandu_path(m.Pregnancy, "ibu__household__posyandu__")
        register_posyandu_path(m.TdDose, "person__household__posyandu__")
        for model in (m.AncContact, m.SupplementaryFood, m.PostnatalContact):
            register_posyandu_path(model, "kehamilan__ibu__household__posyandu__")
