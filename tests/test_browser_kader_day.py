"""The kader's day on a 360×740 phone: a baby, an ibu hamil and a lansia through the tables,
the queue searched, a wrong entry removed, a past opening day opened for a paper register.
Each page is screenshot under test-artifacts/ and measured: contrast ≥ 4.5:1, tap targets
≥ 44 px, nothing wider than the screen, chart text ≥ 12 px."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from registry.models import Relation
from tests.browser import add_to_queue, log_in, open_menu, search
from tests.factories import PASSWORD, make_household, make_person
from tests.phone_checks import check_phone_page, smallest_chart_text_px
from visits.models import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(world):
    today = timezone.localdate()
    household = make_household(world.a.posyandu)
    make_person(household, nama="Joko Santoso", hubungan=Relation.KEPALA, jenis_kelamin="L")
    make_person(household, nama="Siti Aminah", hubungan=Relation.SUAMI_ISTRI, jenis_kelamin="P",
                tanggal_lahir=dt.date(1996, 4, 2), hpht=today - dt.timedelta(weeks=22))  # fmt: skip
    make_person(household, nama="Bima Santoso", hubungan=Relation.ANAK, jenis_kelamin="L", nik=None,
                tanggal_lahir=today - dt.timedelta(days=300))  # fmt: skip
    make_person(make_household(world.a.posyandu), nama="Mbah Karto", hubungan=Relation.KEPALA,
                jenis_kelamin="L", tanggal_lahir=dt.date(1950, 8, 17))  # fmt: skip


def queue_item(page, name):
    return page.locator("#queue .list-group-item").filter(has=page.get_by_role("link", name=name, exact=True))


def meja(page, name, number):
    queue_item(page, name).get_by_role("link", name=f"Meja {number}", exact=False).click()


def test_a_kaders_day_on_a_360_px_phone(live_server, world, people, phone):
    page, base = phone, live_server.url
    log_in(page, base, "kader_a", PASSWORD)
    # the landing page is the day's work: no day open yet, so "Buka hari ini"
    expect(page.get_by_role("button", name="Buka hari ini")).to_be_visible()
    check_phone_page(page, "01-landing-buka-hari-ini")
    open_menu(page)
    expect(page.get_by_role("link", name="Rujukan")).to_be_visible()
    check_phone_page(page, "02-menu-open")
    page.get_by_role("button", name="Menu").click()  # closed again

    page.get_by_role("button", name="Buka hari ini").click()
    expect(page.get_by_role("heading", name="Meja 1: Pendaftaran")).to_be_visible()
    for name in ("Bima Santoso", "Siti Aminah", "Mbah Karto", "Joko Santoso"):
        add_to_queue(page, name)
    # Joko came only to accompany his wife: taken out again, kept in the audit
    page.once("dialog", lambda dialog: dialog.accept())
    queue_item(page, "Joko Santoso").get_by_role("button", name="Hapus dari antrean").click()
    expect(page.get_by_text("Joko Santoso dihapus dari antrean.")).to_be_visible()
    expect(queue_item(page, "Joko Santoso")).to_have_count(0)
    expect(queue_item(page, "Bima Santoso")).to_contain_text("ibu: Siti Aminah")
    check_phone_page(page, "03-meja1-queue")

    # meja 2: search the queue, the baby; an empty form is refused first
    page.get_by_role("link", name="Meja 2").first.click()
    search(page, "Cari di antrean hari ini", "bim")
    expect(queue_item(page, "Siti Aminah")).to_have_count(0)
    check_phone_page(page, "04-meja2-search")
    meja(page, "Bima Santoso", 2)
    page.get_by_role("button", name="Simpan meja 2").click()
    expect(page.get_by_text("Isi paling sedikit satu ukuran")).to_be_visible()
    page.get_by_label("Berat badan (kg)").fill("8,6")
    page.get_by_label("Panjang/tinggi badan (cm)").fill("71,5")
    page.get_by_label("Cara ukur").select_option("1")
    check_phone_page(page, "05-meja2-bayi")
    page.get_by_role("button", name="Simpan meja 2").click()
    expect(page.get_by_role("heading", name="Meja 3: Pencatatan")).to_be_visible()
    expect(page.locator("svg.growth-chart")).to_have_count(3)  # BB/U, PB/U, BB/PB
    assert smallest_chart_text_px(page) >= 12
    check_phone_page(page, "06-meja3-bayi-charts")
    page.get_by_role("button", name="Sudah dicatat di Buku KIA/KMS").click()

    # the ibu hamil: meja 2 and 5
    search(page, "Cari di antrean hari ini", "siti")
    meja(page, "Siti Aminah", 2)
    page.get_by_label("Berat badan (kg)").fill("58")
    page.get_by_label("LiLA (cm)").fill("22,8")
    page.get_by_label("Tekanan darah sistol (mmHg)").fill("110")
    page.get_by_label("Tekanan darah diastol (mmHg)").fill("70")
    page.get_by_role("button", name="Simpan meja 2").click()
    expect(page.get_by_text("22 minggu")).to_be_visible()
    expect(page.get_by_text("Ibu hamil KEK", exact=False).first).to_be_visible()
    check_phone_page(page, "07-meja3-ibu-hamil")
    page.get_by_role("link", name="← kembali").click()
    page.get_by_role("link", name="Meja 5").first.click()
    meja(page, "Siti Aminah", 5)
    page.get_by_label("Kunjungan ANC ke- (Buku KIA)").fill("3")
    check_phone_page(page, "08-meja5-ibu-hamil")
    page.get_by_role("button", name="Simpan meja 5").click()

    # the lansia: blood pressure high, referred
    page.get_by_role("link", name="Meja 2").first.click()
    meja(page, "Mbah Karto", 2)
    page.get_by_label("Berat badan (kg)").fill("54")
    page.get_by_label("Tekanan darah sistol (mmHg)").fill("162")
    page.get_by_label("Tekanan darah diastol (mmHg)").fill("96")
    page.get_by_role("button", name="Simpan meja 2").click()
    expect(page.get_by_text("Hipertensi derajat 2")).to_be_visible()
    check_phone_page(page, "09-meja3-lansia")

    # the visit history reads like a register
    page.get_by_role("link", name="← kembali").click()
    page.get_by_role("link", name="Mbah Karto", exact=True).click()
    expect(page.get_by_role("cell", name="Tekanan darah sistol (mmHg)")).to_be_visible()
    check_phone_page(page, "10-riwayat")

    # a past opening day, to enter last week's paper register
    page.goto(f"{base}/hari-buka/")
    last_week = timezone.localdate() - dt.timedelta(days=7)
    page.get_by_label("Tanggal", exact=False).fill(last_week.isoformat())
    page.get_by_role("button", name="Buka hari ini").click()
    expect(page.get_by_text(f"{last_week.day} ", exact=False).first).to_be_visible()
    add_to_queue(page, "Mbah Karto")
    check_phone_page(page, "11-past-day")
    assert Visit.objects.filter(person__nama="Mbah Karto", tanggal=last_week).count() == 1
    assert Visit.all_objects.get(person__nama="Joko Santoso").dihapus_at is not None
