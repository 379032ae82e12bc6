from django.apps import AppConfig


class InovasiConfig(AppConfig):
    name = "inovasi"
    verbose_name = "Inovasi"

    def ready(self):
        from registry.scoping import register_area_path, register_posyandu_path

        from .models import Donor, Enrolment, Innovation, LedgerEntry, Pledge, PmtDelivery, Programme

        register_area_path(Donor, "puskesmas", "puskesmas__")
        register_posyandu_path(Programme, "posyandu__")
        register_posyandu_path(Pledge, "programme__posyandu__")
        register_posyandu_path(Enrolment, "programme__posyandu__")
        register_posyandu_path(PmtDelivery, "enrolment__programme__posyandu__")
        register_posyandu_path(LedgerEntry, "programme__posyandu__")
        register_posyandu_path(Innovation, "posyandu__")
