"""Playwright on Debian's Chromium (never a downloaded browser), phone-sized by default."""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Assertions wait as long as actions do (15 s, set per page below): Playwright's default 5 s
    # is short for a page that wipes offline data and loads the next one on a loaded CI machine.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def open_menu(page) -> None:
    """Open the phone menu and wait for Bootstrap's collapse to finish: a tap on a button that is
    still sliding in (clipped by the growing menu) can be lost on a loaded machine."""
    import re

    from playwright.sync_api import expect

    page.get_by_role("button", name="Menu").click()
    expect(page.locator("#nav")).to_have_class(re.compile(r"\bshow\b"))


def search(page, label: str, text: str) -> None:
    """Type into an htmx live-search box once htmx has bound it: a fill that lands while the page's
    scripts are still loading fires an input event nobody listens to."""
    page.wait_for_load_state("load")  # htmx binds on DOMContentLoaded, before "load"
    page.get_by_label(label).fill(text)


def add_to_queue(page, name: str) -> None:
    """Meja 1: find a person and put them in today's queue."""
    from playwright.sync_api import expect

    search(page, "Cari warga (nama, NIK, No. KK)", name)
    page.locator("#candidates").get_by_role("button", name="Tambah ke antrean").first.click()
    expect(page.get_by_text(f"{name} masuk antrean.")).to_be_visible()


def fill_member(page, index: int, nama: str, sex: str, born: str, hubungan: str, nik: str = "") -> None:
    """Fill member card `index` of the household form."""
    prefix = f"#id_anggota-{index}-"
    page.locator(prefix + "nama").fill(nama)
    if nik:
        page.locator(prefix + "nik").fill(nik)
    page.locator(prefix + "jenis_kelamin").select_option(sex)
    page.locator(prefix + "tanggal_lahir").fill(born)
    page.locator(prefix + "hubungan").select_option(hubungan)
