from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Helpers every app shares: paging, widgets, request parameters, htmx, safe redirects,
    spreadsheet cells. No models."""

    name = "common"
    verbose_name = "Umum"
