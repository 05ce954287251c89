"""Error pages: friendly, in the person's language, with a way back; a crash logs no answer."""

import logging

import pytest
from bs4 import BeautifulSoup
from flask_babel import force_locale
from werkzeug.exceptions import default_exceptions

from backcare.errors import TITLES
from backcare.hardening import csrf

from .answers import with_answers
from .apps import build_app
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
