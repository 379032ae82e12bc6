"""Property-based fuzz (hypothesis) of every form and URL pattern: whatever is typed or sent,
the answer is a page, a message, a redirect, 400, 403 or 404, never 5xx (issue 11 item 11).

The forms are found by reading each page's HTML as the role sees it, so a new form or field is
fuzzed without touching this test.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .walk import GARBAGE, PARAMS, ROLES, client_for, populate, routes

FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
PLAUSIBLE = ["2026-11-10", "10", "9,5", "9.5", "1", "2", "L", "P", "on", "lying", "1872011001"]

values = st.one_of(
    st.sampled_from(GARBAGE + PLAUSIBLE),
    st.text(max_size=24),  # any Unicode but surrogates: NUL, "²", Arabic digits, emoji
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


def forms_of(client, ids) -> list[tuple[str, list[str]]]:
    """(url, field names) of each page the client can open, for its own objects."""
    found = []
    for route in routes():
        url = ids.urls(route)[0]
        response = client.get(url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            names = sorted(set(FIELD.findall(response.content.decode())) - {"csrfmiddlewaretoken"})
            found.append((url, names or PARAMS))
    return found


@pytest.mark.parametrize("role", ROLES)
def test_fuzzed_forms_and_parameters_never_give_a_server_error(world, role):
    client = client_for(world, role)
    pages = forms_of(client, populate(world))
    assert pages, "the role opens no page at all"
    answered = []

    @settings(max_examples=200, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
    @given(data=st.data())
    def one_request(data):
        url, names = data.draw(st.sampled_from(pages))
        fields = data.draw(st.dictionaries(st.sampled_from(names), values, max_size=len(names)))
        method = data.draw(st.sampled_from(["get", "post"]))
        status = getattr(client, method)(url, fields).status_code
        answered.append(status)
        assert status < 500, (method, url, fields)

    one_request()
    print(f"{role}: {len(answered)} fuzzed requests on {len(pages)} pages, none 5xx")
