"""A web worker loads the URLconf, the WHO tables and the hari buka templates before its first
request, without the database (posyandu/warmup.py, called by posyandu/wsgi.py)."""

import datetime as dt
import importlib

from crispy_forms.templatetags.crispy_forms_filters import uni_form_template
from crispy_forms.utils import default_field_template
from django.template import engines
from django.urls import reverse

import posyandu.wsgi
from posyandu.warmup import PAGES, warm_up
from tests.factories import child_in
from visits import services
from visits.growth.tables import TABLES, table


def _loader():
    return engines["django"].engine.template_loaders[0]  # the cached loader


def _cold() -> None:
    """No template compiled: Django's cached loader and crispy's own caches emptied."""
    _loader().reset()
    default_field_template.cache_clear()
    uni_form_template.cache_clear()


def _compiled_templates() -> set[str]:
    return {key.split("-")[0] for key in _loader().get_template_cache}


def test_warm_up_loads_every_who_table_and_the_hari_buka_pages_without_the_database():
    # No `db` fixture: pytest-django refuses any query here, so a worker starts with PostgreSQL down.
    table.cache_clear()
    _cold()
    warm_up()
    assert table.cache_info().currsize == len(TABLES)
    assert set(PAGES) | {"bootstrap5/field.html"} <= _compiled_templates()


def test_after_the_warm_up_a_hari_buka_compiles_no_template(login, world):
    kader = world.users["kader_a"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=dt.date(2026, 11, 16), user=kader)
    child = child_in(world.a.posyandu, nama="Anak Pagi", tanggal_lahir=dt.date(2025, 5, 1))
    visit = services.visit_register(person=child, opening_day=day, user=kader)
    client = login("kader_a")
    _cold()
    warm_up()
    warmed = _compiled_templates()
    assert client.get(reverse("opening_day_detail", args=[day.pk]), {"meja": "2"}).status_code == 200
    form = {"berat_kg": "9,5", "tinggi_cm": "78,0", "cara_ukur": "0", "version": ""}
    assert client.post(reverse("visit_meja", args=[visit.pk, 2]), form).status_code == 302
    for meja in (2, 3, 4, 5):
        assert client.get(reverse("visit_meja", args=[visit.pk, meja])).status_code == 200
    assert _compiled_templates() - warmed == set()


def test_the_wsgi_application_warms_up_before_its_first_request(monkeypatch):
    calls = []
    monkeypatch.setattr("posyandu.warmup.warm_up", lambda: calls.append("warm_up"))
    importlib.reload(posyandu.wsgi)
    assert calls == ["warm_up"]


def test_a_failed_warm_up_is_logged_and_the_worker_serves_anyway(monkeypatch, capfd):
    def broken():
        raise RuntimeError("template hilang")

    monkeypatch.setattr("posyandu.warmup.warm_up", broken)
    importlib.reload(posyandu.wsgi)  # sets up logging again: the log goes to the console (stderr)
    assert callable(posyandu.wsgi.application)
    logged = capfd.readouterr().err
    assert "warm-up before the first request failed" in logged and "template hilang" in logged
