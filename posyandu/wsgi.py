import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "posyandu.settings")
application = get_wsgi_application()

# Loaded before the first request, not during it (posyandu/warmup.py). Only a speed-up: a
# failure is logged and the worker serves anyway (tests/test_warmup.py runs it directly).
from posyandu.warmup import warm_up  # noqa: E402

try:
    warm_up()
except Exception:
    logging.getLogger(__name__).exception("warm-up before the first request failed")
