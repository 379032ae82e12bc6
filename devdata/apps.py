from django.apps import AppConfig


class DevdataConfig(AppConfig):
    """Only registers the seed_district command; no models, no pages."""

    name = "devdata"
    verbose_name = "Data uji"
