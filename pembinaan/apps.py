from django.apps import AppConfig


class PembinaanConfig(AppConfig):
    name = "pembinaan"
    verbose_name = "Penilaian dan pembinaan Posyandu"

    def ready(self):
        from registry.scoping import register_area_rule, register_posyandu_path

        from .models import Coaching, PosyanduScore, Round, round_area

        register_area_rule(Round, round_area)
        register_posyandu_path(PosyanduScore, "posyandu__")
        register_posyandu_path(Coaching, "posyandu__")
