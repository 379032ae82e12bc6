"""What a web worker loads before it takes its first request: every view module (the URLconf),
the WHO growth tables and the templates of visit entry. Without it the first kader after a
deploy or a worker restart waits for all of it (about half a second on the benchmark machine),
and so does everyone queued behind them. Reads no database: a worker starts while PostgreSQL
is down, as before (so the meja forms must render without it: no choices from a table).
A template the hari buka pages include goes into PAGES too: get_template() compiles a page,
not what it includes (tests/test_warmup.py opens the pages and finds nothing left to compile)."""

from django.template import engines
from django.template.loader import get_template
from django.urls import get_resolver

from registry.lifecycle import Group
from visits.forms.meja import FORMS_BY_MEJA
from visits.growth.tables import TABLES, table

# The pages of a hari buka: the day with its queue, and each meja of a visit.
PAGES = (
    "base.html",
    "visits/opening_day_detail.html",
    "visits/_queue.html",
    "visits/_queue_candidates.html",
    "visits/meja_form.html",
    "visits/meja3.html",
    "visits/_summary.html",
)


def warm_up() -> None:
    get_resolver().url_patterns  # noqa: B018 (imports the URLconf, and with it every view)
    for name in TABLES:
        table(name)
    for name in PAGES:
        get_template(name)
    _render_meja_forms()


def _render_meja_forms() -> None:
    """The crispy templates of every kind of field the meja forms show, compiled by rendering
    each form once with every life-cycle group's fields."""
    every_group = set(Group)
    crispy = engines["django"].from_string("{% load crispy_forms_tags %}{{ form|crispy }}")
    for form_for in FORMS_BY_MEJA.values():
        crispy.render({"form": form_for(every_group)(groups=every_group)})
