from django.apps import AppConfig


class KaderConfig(AppConfig):
    name = "kader"
    verbose_name = "Kader dan strata Posyandu"

    def ready(self):
        from registry.scoping import register_posyandu_path

        from .models import Attendance, Kader, NakesHadir, PosyanduTahun, SkillAssessment, TkkAward, Training

        register_posyandu_path(Kader, "posyandu__")
        register_posyandu_path(PosyanduTahun, "posyandu__")
        register_posyandu_path(NakesHadir, "opening_day__posyandu__")
        for model in (Training, SkillAssessment, TkkAward, Attendance):
            register_posyandu_path(model, "kader__posyandu__")
