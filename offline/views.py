"""The offline mode's endpoints: the app shell and its service worker, the day's download
("Siapkan hari buka") and the sync of what was recorded without network. Thin: the data in
offline.selectors, the writes in offline.services."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_http_methods

from registry import access
from registry.services import record_export

from . import selectors, services
from .growth_data import engine_data

NOT_KADER = "Mode tanpa sinyal hanya untuk kader, untuk Posyandu-nya sendiri."
# What the service worker keeps so that the app opens with the network off.
APP_SHELL = [
    "/offline/",
    "/static/vendor/bootstrap/bootstrap.min.css",
    "/static/css/app.css",
    "/static/css/offline.css",
    "/static/js/offline_store.js",
    "/static/js/offline_guard.js",
    "/static/js/offline_forms.js",
    "/static/js/referral_rules.js",
    "/static/js/growth_engine.js",
    "/static/js/offline_sync.js",
    "/static/js/offline_app.js",
    "/static/js/offline_screens.js",
    "/static/js/offline_main.js",
    "/static/favicon.svg",
    "/static/manifest.webmanifest",
    "/offline/who.json",
]


@login_not_required
@require_GET
def app_shell(request):
    """The offline app: a page with no data in it (the data is in the phone's IndexedDB, put
    there by "Siapkan hari buka"), so the service worker may keep it."""
    return render(request, "offline/app.html")


@login_not_required
@require_GET
def service_worker(request):
    """static/js/sw.js served at the site's root so that it may control every page."""
    source = (settings.BASE_DIR / "static" / "js" / "sw.js").read_text()
    source = source.replace('"__APP_SHELL__"', json.dumps(APP_SHELL))
    response = HttpResponse(source, content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@require_GET
@gzip_page
def growth_data(request):
    """The WHO tables and the rules of the growth engine (public data, no one's health data), for
    the growth engine in the browser."""
    return JsonResponse(engine_data())


def _json_refusal(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


@require_GET
@gzip_page
def prepare(request):
    """The day's data for the kader's own Posyandu, gzip-compressed."""
    access.require(access.can_work_offline(request.user), NOT_KADER)
    posyandu = selectors.own_posyandu(request.user)
    package = selectors.day_package(user=request.user, posyandu=posyandu)
    # The whole Posyandu's people and health data leave the server for a phone: an export.
    record_export(user=request.user, posyandu=posyandu, what="Siapkan hari buka (data tanpa sinyal)")
    return JsonResponse(package)


@login_not_required
@require_http_methods(["GET", "POST"])
def sync(request):
    """GET: the CSRF token a sync needs (fresh after a new login). POST: a batch, answered per
    record. An expired session answers 401 and the phone keeps its outbox until the kader logs
    in again."""
    if not request.user.is_authenticated:
        return _json_refusal(401, "Sesi berakhir. Masuk lagi; data di HP tetap tersimpan.", login="/masuk/")
    access.require(access.can_work_offline(request.user), NOT_KADER)
    posyandu = selectors.own_posyandu(request.user)
    if request.method == "GET":
        return JsonResponse({"csrf": get_token(request)})
    if request.content_type != "application/json":
        return _json_refusal(400, "Kiriman harus JSON.")
    try:
        batch = json.loads(request.body)
        records = batch["records"]
    except (ValueError, TypeError, KeyError):
        return _json_refusal(400, "Kiriman tidak terbaca.")
    if not isinstance(records, list) or len(records) > services.MAX_RECORDS:
        return _json_refusal(400, f"Kirim paling banyak {services.MAX_RECORDS} catatan sekaligus.")
    answers = services.sync_batch(user=request.user, posyandu=posyandu, records=records)
    return JsonResponse({"results": answers})
