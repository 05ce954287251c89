"""Bad input of every kind gets 400, 404, 405 or 413 and a friendly page, never a 5xx."""

import io

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict

from .answers import with_answers
from .questionnaire import Questionnaire


@pytest.fixture
def person(client):
    """Someone in Spanish who has answered the first question."""
    questionnaire = Questionnaire(client, "es")
    questionnaire.answer("emergency_signs", ["none"])
    return questionnaire


def assert_friendly(response, status, lang="es"):
    assert response.status_code == status, response.text[:300]
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.find("a", href=f"/{lang}/"), "a way back to the start"
    assert "Traceback" not in response.text


def answers_unchanged(person):
    """Still at the second question: nothing that was refused was saved."""
    return person.get("/es/q/first_episode").headers["Location"] == "/es/q/age"


def test_a_body_over_the_limit_is_refused_with_413(person):
    token = person.token()
    response = person.client.post("/es/q/age", data={"csrf_token": token, "age": "x" * 20_000})
    assert_friendly(response, 413)
    assert answers_unchanged(person)


@pytest.mark.parametrize("size", [20_000, 10_000_000])
def test_a_streamed_body_over_the_limit_is_refused_with_413_not_cut_short(person, size):
    """Without Content-Length (chunked), Werkzeug would quietly read only the first 16 KB."""
    body = f"csrf_token={person.token()}&age=51_to_70".encode() + b"&" * size
    response = person.client.post(
        "/es/q/age",
        input_stream=io.BytesIO(body),
        content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},  # as gunicorn sets it
    )
    assert_friendly(response, 413)
    assert answers_unchanged(person)


def test_a_streamed_body_within_the_limit_is_read_whole(person):
    body = f"csrf_token={person.token()}&age=51_to_70".encode()
    response = person.client.post(
        "/es/q/age",
        input_stream=io.BytesIO(body),
        content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.headers["Location"] == "/es/q/first_episode"


@pytest.mark.parametrize(
    "body",
    [
        b"age=%FF%FE",  # invalid UTF-8 in a value
        b"%FF%FE=51_to_70",  # and in a name
        b"age=51_to_70\xff",  # raw, not even percent-encoded
        b"age=51_to_70&age=51_to_70",  # repeated
        b"age=51_to_70&age=under_5",
        b"age=51_to_70&csrf_token={token}",  # the token twice
        b"age=51_to_70&name=Ana",  # a field the question does not have
        b"age=ancient",  # a code the question does not have
        b"age=chest_pain",  # another question's code
        b"age=",
    ],
)
def test_a_tampered_answer_is_refused_with_400(person, body):
    token = person.token()
    body = body.replace(b"{token}", token.encode()) + f"&csrf_token={token}".encode()
    response = person.client.post(
        "/es/q/age", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert_friendly(response, 400)
    assert answers_unchanged(person)


@pytest.mark.parametrize("path", ["/es/check", "/es/start-again"])
@pytest.mark.parametrize("extra", [{"name": "Ana"}, {"age": "51_to_70"}, {"csrf_token": "again"}])
def test_the_other_forms_refuse_fields_they_do_not_have(client, path, extra):
    questionnaire = Questionnaire(client, "es")
    questionnaire.walk(with_answers())
    data = MultiDict([("csrf_token", questionnaire.token()), *extra.items()])
    response = client.post(path, data=data)
    assert_friendly(response, 400)
    assert questionnaire.get("/es/result").status_code == 200, "answers kept"


@pytest.mark.parametrize(
    "path",
    ["/es/q/%FF%FE", "/es/%C0%AF", "/es/q/age%00", "/es/" + "a" * 3000, "/es/q/..%2F..%2Fetc"],
)
def test_a_broken_path_is_a_friendly_404(client, path):
    assert_friendly(client.get(path), 404)


@pytest.mark.parametrize("path", ["/es/", "/es/q/age", "/es/check", "/es/result", "/es/about"])
def test_a_broken_query_string_is_ignored_and_never_repeated(person, path):
    """Clinic links may carry their own parameters: junk in them is not an error, and no
    part of it comes back in the page."""
    query = "change=%FF%FE&clinic=%C0%AF%00<b>junk</b>&lang=\xff"
    response = person.client.get(path, query_string=query)
    assert response.status_code in (200, 302)
    assert "junk" not in response.text and "\ufffd" not in response.text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/es/start-again"),
        ("POST", "/es/"),
        ("POST", "/es/result"),
        ("POST", "/es/about"),
        ("PUT", "/es/q/age"),
        ("DELETE", "/es/check"),
        ("PATCH", "/es/resources"),
        ("TRACE", "/es/"),
        ("POST", "/healthz"),
        ("POST", "/static/style.css"),
    ],
)
def test_a_wrong_method_is_a_friendly_405(client, method, path):
    response = client.open(path, method=method, headers={"Accept-Language": "es"})
    assert_friendly(response, 405)
    assert method not in response.headers["Allow"]


def test_pages_showing_answers_are_never_stored_by_browsers_or_proxies(person):
    person.walk(with_answers())
    for path in ("/es/q/age", "/es/q/age?change=1", "/es/check", "/es/result"):
        assert person.get(path).headers["Cache-Control"] == "no-store", path
    with_error = person.post("/es/q/age", {})
    assert with_error.status_code == 200
    assert with_error.headers["Cache-Control"] == "no-store"
