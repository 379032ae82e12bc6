"""A NUL byte anywhere in the query or posted fields answers 400 (PostgreSQL refuses NUL in text)."""

import pytest


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/warga/", {"q": "Ani\x00"}),
        ("get", "/keluarga/", {"q\x00": "x"}),
        ("post", "/keluarga/baru/", {"alamat": "Jl.\x00 Mawar"}),
    ],
)
def test_nul_byte_is_refused_with_400(login, method, url, data):
    response = getattr(login("kader_a"), method)(url, data)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_ordinary_search_still_works(login):
    assert login("kader_a").get("/warga/", {"q": "Kepala"}).status_code == 200
