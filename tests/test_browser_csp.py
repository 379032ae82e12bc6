"""The app's own pages pass its Content-Security-Policy: no script, style or handler is blocked.

Chromium reports each blocked inline script, style attribute or handler as a
`securitypolicyviolation` event and a console error; both are collected while a kader and a
Puskesmas officer open the main pages and use htmx search and the household form.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser import log_in
from tests.factories import PASSWORD, make_person
from visits import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI || "inline"} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(phone):
    console = []
    phone.add_init_script(COLLECT)
    phone.on("console", lambda msg: "Content Security Policy" in msg.text and console.append(msg.text))
    return phone, console


def _visit_all(page, base, urls):
    found = []
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        found += [f"{url}: {v}" for v in page.evaluate("window.__csp")]
    return found


def test_kader_pages_raise_no_csp_violation(live_server, world, watched):
    page, console = watched
    today = timezone.localdate()
    child = make_person(
        world.a.household, nama="Nabila", nik=None, tanggal_lahir=today - dt.timedelta(days=425)
    )
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=world.users["kader_a"])
    visit = services.visit_register(person=child, opening_day=day, user=world.users["kader_a"])
    log_in(page, live_server.url, "kader_a", PASSWORD)
    urls = [reverse("person_list"), reverse("household_list"), reverse("household_create"),
            reverse("opening_day_list"), reverse("opening_day_detail", args=[day.pk]),
            *[reverse("visit_meja", args=[visit.pk, meja]) for meja in range(1, 6)],
            reverse("person_detail", args=[child.pk]), reverse("referral_list"),
            reverse("home_visit_list"), reverse("growth_check"), reverse("password_change")]  # fmt: skip
    found = _visit_all(page, live_server.url, urls)
    page.goto(live_server.url + reverse("person_list"))
    page.get_by_label("Cari nama, NIK, atau No. KK").fill("Nabila")
    page.wait_for_load_state("networkidle")
    page.goto(live_server.url + reverse("household_create"))
    page.get_by_role("button", name="+ Tambah anggota").click()
    found += page.evaluate("window.__csp")
    assert found == [] and console == []


def test_puskesmas_pages_raise_no_csp_violation(live_server, world, watched):
    page, console = watched
    log_in(page, live_server.url, "staff_a", PASSWORD)
    urls = [reverse("posyandu_list"), reverse("posyandu_detail", args=[world.a.posyandu.pk]),
            reverse("report_home"), reverse("posyandu_report", args=[world.a.posyandu.pk]),
            reverse("pws_dashboard"), reverse("pws_sasaran"), reverse("recap_list"),
            reverse("access_log"), reverse("household_detail", args=[world.a.household.pk])]  # fmt: skip
    found = _visit_all(page, live_server.url, urls)
    assert found == [] and console == []


def test_login_page_raises_no_csp_violation(live_server, watched):
    page, console = watched
    page.goto(live_server.url + reverse("login"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == [] and console == []
