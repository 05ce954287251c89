"""Error pages: friendly, in the person's language, with a way back; a crash logs no answer."""

import logging
import time

import pytest
from bs4 import BeautifulSoup
from flask.sessions import SecureCookieSessionInterface
from flask_babel import force_locale
from werkzeug.exceptions import default_exceptions

from backcare.errors import TITLES
from backcare.hardening import csrf

from .answers import with_answers
from .apps import build_app
from .clinic_profiles import RIVERSIDE
from .headers import assert_security_headers
from .pages import check_page_quality
from .questionnaire import Questionnaire, form_value

#: Answers whose codes appear nowhere else (not in any path, question id or page text).
MARKED = with_answers(age="51_to_70", injury="strain", duration="4_weeks_to_3_months")
MARKERS = ("51_to_70", "strain", "4_weeks_to_3_months", "MARKER-7f3a")


@pytest.fixture
def app():
    app = build_app({"SECRET_KEY": "k"})

    @app.route("/<lang:lang>/test-only/<int:code>", methods=["GET", "POST"])
    def fail_with(lang, code):
        from flask import abort, request

        if code == 500:
            raise RuntimeError(f"{MARKERS[-1]} {dict(request.form)} {dict(request.args)}")
        abort(code)

    csrf.exempt(fail_with)  # so that its form reaches the view

    return app


def error_response(client, lang, code):
    """How a person meets each error."""
    questionnaire = Questionnaire(client, lang)
    if code == 400:
        return questionnaire.post(f"/{lang}/q/emergency_signs", {"emergency_signs": "ancient"})
    if code == 404:
        return client.get(f"/{lang}/no-such-page")
    if code == 405:
        return client.get(f"/{lang}/start-again")
    if code == 413:
        return questionnaire.post(f"/{lang}/q/emergency_signs", {"emergency_signs": "x" * 20_000})
    return client.post(f"/{lang}/test-only/{code}", data={"severity": "severe"})


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("code", [400, 403, 404, 405, 413, 500])
def test_each_error_page_is_friendly_in_the_persons_language(app, client, lang, code):
    response = error_response(client, lang, code)
    assert response.status_code == code
    assert response.mimetype == "text/html"
    check_page_quality(response)
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html["lang"] == lang
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        assert soup.h1.get_text(strip=True) == str(TITLES[code])
    starts = {a["href"] for a in soup.find_all("a")}
    assert {"/en/", "/es/"} <= starts, "a way back to the start, in either language"
    assert default_exceptions[code].description not in response.text, "Werkzeug's English text"
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_a_crash_shows_the_generic_page_and_logs_no_answer(app, client, caplog, monkeypatch):
    """A view that fails with the answers in its message: the log says where, never what."""

    def failing_assess(answers):
        raise ValueError(f"{MARKERS[-1]} cannot assess {answers}")

    monkeypatch.setattr("backcare.web.views.assess", failing_assess)
    questionnaire = Questionnaire(client, "es")
    with caplog.at_level(logging.INFO):
        for question_id, answer in MARKED.items():
            assert (
                questionnaire.answer(question_id, form_value(question_id, answer)).status_code
                == 302
            )
        response = client.get("/es/result?note=MARKER-7f3a")

    assert response.status_code == 500
    assert "ValueError" not in response.text and "MARKER" not in response.text
    records = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(records) == 1 and "ValueError on GET /es/result" in records[0].getMessage()
    assert records[0].exc_info is None, "the exception's message would carry the answers"
    for marker in MARKERS:
        assert marker not in caplog.text, marker


def test_a_crash_logs_neither_form_nor_query(app, client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/en/test-only/500?age=51_to_70",
            data={"injury": "strain"},
            headers={"Referer": "https://portal.example/?MARKER-7f3a"},
        )
    assert response.status_code == 500
    assert "RuntimeError on POST /en/test-only/500" in caplog.text
    for marker in MARKERS:
        assert marker not in caplog.text, marker


WRONG_SHAPES = [
    {"clinic": ["riverside"]},
    {"answers": "51_to_70"},
    {"answers": {"age": 5}},
    {"answers": {"leg_symptoms": [["numb_tingling"]]}},
    {"csrf_token": 7},
    {"answering_for": {"x": 1}},
    {"_permanent": "yes"},
    {"from_another_release": 1},
    ["not", "a", "dict"],
]


@pytest.mark.parametrize("layout", WRONG_SHAPES)
@pytest.mark.parametrize("sealed", [True, False])
def test_a_valid_cookie_of_the_wrong_shape_is_a_fresh_session(layout, sealed):
    """Sealed (or signed, the earlier format) with the right key, yet not the session's layout:
    every page works as for a first visit."""
    app = build_app({"SECRET_KEY": "k", "CLINICS": {"riverside": RIVERSIDE}})
    now = int(time.time())
    if sealed:
        value = app.session_interface.sealer(app).seal({"s": layout, "c": now, "w": now})
    else:
        value = SecureCookieSessionInterface().get_signing_serializer(app).dumps(layout)
    https = {"base_url": "https://localhost"}
    for path in ("/en/", "/en/q/emergency_signs", "/en/q/age", "/en/result", "/es/about"):
        client = app.test_client()
        client.set_cookie("backcare", value)
        response = client.get(path, **https)
        assert response.status_code in (200, 302), (path, response.status_code)
        assert_security_headers(response.headers, where=path)
    client = app.test_client()
    client.set_cookie("backcare", value)
    assert client.get("/en/result").headers["Location"] == "/en/q/emergency_signs"


def test_the_last_resort_page_carries_the_security_headers_and_logs_no_message(
    app, client, caplog, monkeypatch
):
    def broken_render(*args, **kwargs):
        raise RuntimeError(f"{MARKERS[-1]} while rendering")  # the source line holds no marker

    monkeypatch.setattr("backcare.errors.render_page", broken_render)
    with caplog.at_level(logging.INFO):
        response = client.get("/en/no-such-page")
    assert response.status_code == 404
    assert "Sorry, something went wrong" in response.text
    assert_security_headers(response.headers)
    assert response.headers.get_all("Content-Security-Policy") == [
        response.headers["Content-Security-Policy"]
    ], "the headers once, not twice"
    assert "RuntimeError" in caplog.text
    assert "MARKER-7f3a" not in caplog.text


def test_a_failing_after_request_hook_is_a_500_with_headers_and_no_message_logged(caplog):
    """The error page answers a failure that then happens again while it is finalized: Flask
    logs both with their exception, which must not bring its message along."""
    app = build_app({"SECRET_KEY": "k", "PROPAGATE_EXCEPTIONS": False})

    @app.after_request
    def failing(response):
        raise RuntimeError(f"{MARKERS[-1]} in a hook")

    with caplog.at_level(logging.INFO):
        response = app.test_client().get("/en/about")
    assert response.status_code == 500
    assert_security_headers(response.headers)
    assert "RuntimeError" in caplog.text
    assert "MARKER-7f3a" not in caplog.text
    for record in caplog.records:
        assert record.exc_info is None and MARKERS[-1] not in record.getMessage()
