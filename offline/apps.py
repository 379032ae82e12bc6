from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "offline"
    verbose_name = "Hari buka tanpa sinyal"

    def ready(self):
        from registry.scoping import register_posyandu_path

        from .models import SyncedRecord

        register_posyandu_path(SyncedRecord, "posyandu__")
