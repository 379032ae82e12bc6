"""The pieces that make the app open without network: the service worker at the root scope, the
app shell page, the manifest and the growth engine's data."""

import gzip
import json

from django.urls import reverse

from offline.growth_data import engine_data
from visits.growth.tables import table


def test_the_service_worker_is_served_at_the_root_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("application/javascript")
    body = response.content.decode()
    assert '"/offline/"' in body and "__APP_SHELL__" not in body


def test_every_file_of_the_app_shell_exists(client, settings):
    from offline.views import APP_SHELL

    for path in APP_SHELL:
        if path.startswith("/static/"):
            assert (settings.BASE_DIR / path.lstrip("/")).exists(), path
        else:
            assert client.get(path).status_code == 200, path


def test_the_shell_page_has_no_data_and_opens_without_login(client):
    response = client.get(reverse("offline_app"))
    assert response.status_code == 200
    assert b"manifest.webmanifest" in response.content and b"<script>" not in response.content


def test_the_growth_data_are_the_python_engines_tables(client):
    response = client.get(reverse("offline_growth_data"), HTTP_ACCEPT_ENCODING="gzip")
    data = json.loads(gzip.decompress(response.content))
    wfa = table("wfa_0_5")
    assert data["tables"]["wfa_0_5"]["M"][1][0] == wfa.M[1][0] == 3.2322  # girls at birth
    assert data["tables"]["wfl_0_2"]["step"] == 0.1
    assert data["kbm"]["1"] == 800 and data["kbm_from_11"] == 200
    assert data["status"]["bbpb"][-1] == [None, True, "Obesitas"]
    assert data == json.loads(json.dumps(engine_data()))


def test_the_menu_offers_the_offline_mode_to_kader_only(login):
    assert b'href="/offline/"' in login("kader_a").get("/hari-buka/").content
    assert b'href="/offline/"' not in login("staff_a").get("/hari-buka/").content
