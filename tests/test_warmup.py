"""A web worker loads the URLconf, the WHO tables and the visit-entry templates before its
first request, without the database (posyandu/warmup.py, called by posyandu/wsgi.py)."""

import importlib

from django.template import engines

import posyandu.wsgi
from posyandu.warmup import PAGES, warm_up
from visits.growth.tables import TABLES, table


def _compiled_templates() -> set[str]:
    cached = engines["django"].engine.template_loaders[0]  # the cached loader (DEBUG off)
    return {key.split("-")[0] for key in cached.get_template_cache}


def test_warm_up_loads_every_who_table_and_the_hari_buka_pages_without_the_database():
    # No `db` fixture: pytest-django refuses any query here, so a worker starts with PostgreSQL down.
    table.cache_clear()
    engines["django"].engine.template_loaders[0].reset()
    warm_up()
    assert table.cache_info().currsize == len(TABLES)
    assert set(PAGES) | {"bootstrap5/field.html"} <= _compiled_templates()


def test_the_wsgi_application_warms_up_before_its_first_request(monkeypatch):
    calls = []
    monkeypatch.setattr("posyandu.warmup.warm_up", lambda: calls.append("warm_up"))
    importlib.reload(posyandu.wsgi)
    assert calls == ["warm_up"]
