import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "posyandu.settings")
application = get_wsgi_application()

# Loaded before the first request, not during it (posyandu/warmup.py).
from posyandu.warmup import warm_up  # noqa: E402

warm_up()
