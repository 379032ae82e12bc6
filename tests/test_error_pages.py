"""The 500 page and the 503 page of a database outage: Indonesian, no technical text."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path

ROOT = Path(__file__).resolve().parent.parent
TECHNICAL = ("Traceback", "Error", "Exception", "psycopg", "connection")


def boom(request):
    raise RuntimeError("pembagian dengan nol di baris 42")


def fine(request):
    return HttpResponse("ok")


urlpatterns = [path("boom/", boom), path("fine/", fine)]
handler500 = "posyandu.views.server_error"


@pytest.mark.django_db
def test_a_fault_in_the_app_shows_the_friendly_500_page(settings, admin_user):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Maaf, terjadi kesalahan" in html and 'lang="id"' in html
    assert not any(word in html for word in TECHNICAL + ("pembagian dengan nol",))


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


PROBE = """
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "a" * 32  # a logged-in user's session: read from the database
response = client.get("/")
print(response.status_code, response.get("Retry-After"))
print(response.content.decode())
"""


def test_a_database_outage_answers_the_503_page():
    """A real PostgreSQL connection refused: the app runs in its own process on a database
    address where nothing listens."""
    env = os.environ | {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/posyandu",
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "0",
        "LOG_LEVEL": "CRITICAL",
    }
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    status, html = done.stdout.split("\n", 1)
    assert status == "503 120", done.stderr
    assert "Layanan sedang terganggu" in html and "Tunggu beberapa menit" in html
    assert not any(word in html for word in TECHNICAL)
