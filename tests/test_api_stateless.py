"""The API is stateless: no cookie is read or set, and no CSRF token is needed."""

import pytest

from .answers import BASELINE
from .api_bodies import URL, as_json, post_fhir, post_json, questionnaire_response

CALLS = {
    "assessment": lambda c: post_json(c, {"answers": as_json(BASELINE)}),
    "fhir": lambda c: post_fhir(c, questionnaire_response(BASELINE)),
    "emergency": lambda c: post_json(c, {"answers": {"emergency_signs": ["chest_pain"]}}),
    "invalid": lambda c: post_json(c, {"answers": {}}),
    "malformed": lambda c: c.post(URL, data="{", content_type="application/json"),
    "unsupported": lambda c: c.post(URL, data="a=1"),
    "questionnaire": lambda c: c.get("/api/v1/questionnaire?lang=es"),
    "bad-language": lambda c: c.get("/api/v1/questionnaire?lang=fr"),
    "openapi": lambda c: c.get("/api/v1/openapi.json"),
    "not-found": lambda c: c.get("/api/v1/nothing"),
    "wrong-method": lambda c: c.delete(URL),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_no_api_response_sets_a_cookie(client, call):
    response = call(client)
    assert response.status_code < 500
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_a_questionnaire_session_sent_along_is_neither_read_nor_refreshed(questionnaire, call):
    questionnaire.answer("emergency_signs", ["none"])  # a browser with answers in its session
    assert questionnaire.client.get_cookie("backcare") is not None
    response = call(questionnaire.client)
    assert "Set-Cookie" not in response.headers


def test_no_csrf_token_is_needed(app, client):
    assert app.config.get("WTF_CSRF_ENABLED", True)
    refused = client.post("/en/q/emergency_signs", data={"emergency_signs": "none"})
    assert refused.status_code == 400  # the web form needs its token...
    assert post_json(client, {"answers": as_json(BASELINE)}).status_code == 200  # ...the API not
