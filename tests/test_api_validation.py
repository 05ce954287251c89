"""Bad input to the API: a 400 problem+json naming every problem, or 413/415; never a 500."""

import pytest
from flask_babel import force_locale, gettext

from backcare.api.problems import INVALID_JSON, INVALID_REQUEST
from backcare.triage import QUESTIONS

from .answers import BASELINE, with_answers
from .api_bodies import URL, as_json, post_json

ALWAYS_ASKED = [question.id for question in QUESTIONS if question.shown_when is None]


def problem(response, status=400):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["type"]
    return body


def answers_with(**changes):
    """BASELINE as JSON with some answers changed; ``None`` leaves an answer out."""
    answers = {**as_json(BASELINE), **changes}
    return {qid: answer for qid, answer in answers.items() if answer is not None}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (answers_with(trend=None), [("trend", "missing")]),
        # v2 branching: leg_sides when any leg sign; onset when severe without a fall.
        (answers_with(leg_symptoms=["weakness"]), [("leg_sides", "missing")]),
        (answers_with(leg_sides="one"), [("leg_sides", "not_asked")]),
        (answers_with(severity="severe"), [("onset", "missing")]),
        (
            answers_with(severity="severe", injury="fall_or_blow", onset="gradual"),
            [("onset", "not_asked")],
        ),
        (answers_with(duration="over_3_months"), [("morning_stiffness", "missing")]),
        (
            answers_with(duration="over_3_months", age="51_to_70", morning_stiffness="no"),
            [("morning_stiffness", "not_asked"), ("pregnant", "not_asked")],
        ),
        (answers_with(pregnancy_signs=[]), [("pregnancy_signs", "not_asked")]),
        (answers_with(pregnant="yes"), [("pregnancy_signs", "missing")]),
        (answers_with(age="under_5"), [("pregnant", "not_asked")]),
        (answers_with(age="over_70"), [("pregnant", "not_asked")]),
        (
            answers_with(age="over_70", pregnant="yes", pregnancy_signs=["pressure"]),
            [("pregnant", "not_asked"), ("pregnancy_signs", "not_asked")],
        ),
        (answers_with(severity="terrible"), [("severity", "unknown_code")]),
        (answers_with(warning_signs=["fever", "flu"]), [("warning_signs", "unknown_code")]),
        (answers_with(health=["immune", "flu"]), [("health", "unknown_code")]),
        (answers_with(age="over_50"), [("age", "unknown_code")]),
        (answers_with(age=30), [("age", "wrong_type")]),
        (answers_with(age=["18_to_50"]), [("age", "wrong_type")]),
        (answers_with(warning_signs="fever"), [("warning_signs", "wrong_type")]),
        (answers_with(warning_signs=[None]), [("warning_signs", "wrong_type")]),
        (answers_with(activities=["sports", "sports"]), [("activities", "repeated_code")]),
        (answers_with(mood="low"), [("mood", "unknown_question")]),
        ({}, [(question_id, "missing") for question_id in ALWAYS_ASKED]),
        # A faulty answer is reported once: the question that depends on it is neither
        # "missing" nor "not asked", nor are the ones that hang on that.
        (answers_with(severity="very", onset=None), [("severity", "unknown_code")]),
        (answers_with(severity="very", onset="gradual"), [("severity", "unknown_code")]),
        (
            answers_with(age=5, pregnant="yes", pregnancy_signs=["pressure"]),
            [("age", "wrong_type")],
        ),
    ],
    ids=lambda value: None if isinstance(value, dict) else "",
)
def test_each_problem_is_named_by_its_question(client, answers, expected):
    body = problem(post_json(client, {"answers": answers}))
    assert body["type"] == INVALID_REQUEST
    assert [(error["question"], error["kind"]) for error in body["errors"]] == expected
    for error in body["errors"]:
        assert error["question"] in error["detail"]
    assert body["detail"] == " ".join(error["detail"] for error in body["errors"])


def test_a_calm_body_is_answers_the_branching_asks(client):
    for answers in [answers_with(age="51_to_70", pregnant=None), as_json(with_answers())]:
        assert post_json(client, {"answers": answers}).status_code == 200


def test_not_asked_says_when_the_question_is_asked(client):
    body = problem(post_json(client, {"answers": answers_with(leg_sides="one")}))
    assert body["errors"][0]["detail"] == (
        "“leg_sides” is not asked with these answers: it is asked only when “leg_symptoms” "
        "has any sign (anything but “none”)."
    )
    answers = answers_with(severity="severe", injury="accident", onset="sudden")
    body = problem(post_json(client, {"answers": answers}))
    assert body["errors"][0]["detail"] == (
        "“onset” is not asked with these answers: it is asked only when “severity” is "
        "“severe” and “injury” is one of: “none”, “strain”."
    )


def test_not_asked_says_it_in_the_persons_language(client):
    answers = answers_with(severity="severe", injury="accident", onset="sudden")
    body = problem(post_json(client, {"answers": answers, "lang": "es"}))
    assert body["errors"][0]["detail"] == (
        "Con estas respuestas no se hace la pregunta “onset”: solo se hace cuando “severity” es "
        "“severe” y “injury” es una de estas: “none”, “strain”."
    )


def test_a_bad_answer_is_pointed_at_in_the_body(client):
    body = problem(post_json(client, {"answers": answers_with(severity="terrible")}))
    assert body["errors"] == [
        {
            "question": "severity",
            "pointer": "/answers/severity",
            "kind": "unknown_code",
            "detail": "“terrible” is not an answer to “severity”; its codes are: mild, moderate, "
            "severe.",
        }
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"answers": as_json(BASELINE), "clinic": "x"}, [("/clinic", "unknown_member")]),
        ({"answers": as_json(BASELINE), "lang": "fr"}, [("/lang", "unknown_code")]),
        ({"answers": as_json(BASELINE), "lang": None}, [("/lang", "unknown_code")]),
        ({"lang": "en"}, [("/answers", "missing")]),
        ({"answers": ["chest_pain"]}, [("/answers", "wrong_type")]),
        ([as_json(BASELINE)], [("", "wrong_type")]),
        ("answers", [("", "wrong_type")]),
    ],
)
def test_each_problem_with_the_body_is_pointed_at(client, body, expected):
    problem_body = problem(post_json(client, body))
    assert [(e["pointer"], e["kind"]) for e in problem_body["errors"]] == expected
    assert all("question" not in error for error in problem_body["errors"])


def test_every_problem_is_listed_at_once(client):
    answers = answers_with(leg_sides="one", severity=3, mood="low", activities=None)
    body = problem(post_json(client, {"answers": answers, "lang": "de", "extra": 1}))
    assert [(e.get("question"), e.get("pointer"), e["kind"]) for e in body["errors"]] == [
        (None, "/extra", "unknown_member"),
        (None, "/lang", "unknown_code"),
        ("severity", "/answers/severity", "wrong_type"),
        ("leg_sides", "/answers/leg_sides", "not_asked"),
        ("activities", None, "missing"),
        ("mood", "/answers/mood", "unknown_question"),
    ]


def test_problems_are_in_the_language_asked_for(app, client):
    body = problem(post_json(client, {"answers": answers_with(trend=None), "lang": "es"}))
    with app.test_request_context(), force_locale("es"):
        title = gettext("The request does not fit the questionnaire")
        detail = gettext(
            "“%(question)s” needs an answer: with these answers the questionnaire asks it.",
            question="trend",
        )
    assert (body["title"], body["errors"][0]["detail"], body["detail"]) == (title, detail, detail)


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "application/xml"]
)
def test_a_body_that_is_not_json_is_unsupported(client, content_type):
    response = client.post(URL, data="answers=1", content_type=content_type)
    body = problem(response, 415)
    assert "application/json" in body["detail"]
    assert response.headers["Accept-Post"] == "application/json, application/fhir+json"


MALFORMED = {
    "empty": b"",
    "unclosed": b"{",
    "no-value": b'{"answers": }',
    "not-utf-8": b'{"answers": "\xe9"}',
    "too-deep": b"[" * 5000 + b"]" * 5000,
    "too-long-a-number": b'{"answers": ' + b"1" * 5000 + b"}",
    "not-a-literal": b"NaNa",
}


@pytest.mark.parametrize("data", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_json_is_a_problem(client, data):
    body = problem(client.post(URL, data=data, content_type="application/json"))
    assert body["type"] == INVALID_JSON
    assert "errors" not in body


def test_a_body_too_large_is_a_problem(client):
    big = {"answers": {**as_json(BASELINE), "mood": "x" * 20_000}}
    problem(post_json(client, big), 413)


@pytest.mark.parametrize(
    ("method", "path", "status", "allow"),
    [
        ("GET", URL, 405, "OPTIONS, POST"),
        ("PUT", URL, 405, "OPTIONS, POST"),
        ("QUERY", URL, 405, "OPTIONS, POST"),
        ("DELETE", "/api/v1/questionnaire", 405, "GET, HEAD, OPTIONS"),
        ("GET", "/api/v1/assessment", 404, None),
        ("POST", "/api/v1/", 404, None),
    ],
)
def test_other_addresses_and_methods_are_problems_too(client, method, path, status, allow):
    response = client.open(path, method=method)
    problem(response, status)
    assert response.headers.get("Allow") == allow


def test_an_unexpected_error_is_a_problem_that_logs_no_answers(client, monkeypatch, caplog):
    def broken(answers):
        raise RuntimeError(str(answers))

    monkeypatch.setattr("backcare.api.views.assess", broken)
    response = post_json(client, {"answers": answers_with(severity="severe", onset="gradual")})
    problem(response, 500)
    assert "RuntimeError" in caplog.text
    assert "severe" not in caplog.text


def test_a_calm_request_is_not_a_problem(client):
    assert post_json(client, {"answers": as_json(with_answers())}).status_code == 200
