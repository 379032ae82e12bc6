from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Akun dan sesi"

    def ready(self):
        # Connects the login signal that starts the idle clock. Middleware modules load only
        # with the first request, so a login before it (a test's force_login) would miss it.
        from . import middleware  # noqa: F401
