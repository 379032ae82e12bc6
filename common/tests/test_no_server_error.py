"""No URL answers 5xx to garbage: every pattern, every role, real and garbage ids, garbage
query parameters and posted fields (issue 10 item 13, issue 11 item 11)."""

import pytest

from .walk import GARBAGE, PARAMS, ROLES, client_for, populate, routes


def test_the_walk_covers_the_apps_routes():
    found = routes()
    for route in ["warga/<int:pk>/", "kunjungan/<int:pk>/meja/<int:meja>/", "laporan/pws/sasaran/",
                  "rujukan/<int:pk>/tindak-lanjut/", "masuk/"]:  # fmt: skip
        assert route in found
    assert not any(r.startswith("admin/") for r in found)
    assert found[-1] == "keluar/"  # logging out comes last


@pytest.mark.parametrize("role", ROLES)
def test_garbage_ids_and_parameters_never_give_a_server_error(world, role):
    ids = populate(world)
    client = client_for(world, role)
    requests = []
    for route in routes():
        urls = ids.urls(route)
        requests += [(method, url, {}) for url in urls for method in ("get", "post")]
        # every garbage value in every known parameter, on the page of a real object
        requests += [(method, urls[0], dict.fromkeys(PARAMS, value)) for value in GARBAGE
                     for method in ("get", "post")]  # fmt: skip
        # again with a valid Posyandu/Puskesmas, so a garbage `tahun` is not hidden behind a 404
        requests += [("get", urls[0], dict.fromkeys(PARAMS, value) | ids.area) for value in GARBAGE]
    failures = []
    for method, url, data in requests:
        status = getattr(client, method)(url, data).status_code
        if status >= 500:
            failures.append((method, url, data.get("q"), status))
    print(f"{role}: {len(requests)} requests, {len(failures)} answered 5xx")
    assert failures == []
