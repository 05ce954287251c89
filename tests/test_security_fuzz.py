"""Arbitrary paths, query strings, bodies and headers at every route: never a 5xx or a traceback,
and whatever is posted, the cookie holds only known question ids and answer codes."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from backcare.triage import QUESTIONS, QUESTIONS_BY_ID

from .answers import with_answers
from .apps import build_app
from .cookies import stored_session
from .headers import assert_security_headers
from .questionnaire import Questionnaire

# Modest counts: the whole file runs in a few seconds. The conftest's autouse fixture is
# function-scoped but holds nothing, so sharing it between examples is safe.
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LEAKS = (b"Traceback", b'File "', b"werkzeug", b"jinja2")

CODES = sorted({code for question in QUESTIONS for code in question.codes})
KEYS = [*QUESTIONS_BY_ID, "csrf_token", "lang", "change", "clinic", "next"]
junk = st.text(max_size=30)
# What a WSGI server hands over for a path or query string: one character per byte, any bytes.
raw = (st.binary(max_size=30) | junk.map(lambda s: s.encode("utf-8", "surrogatepass"))).map(
    lambda b: b.decode("latin-1")
)
keys = st.sampled_from(KEYS) | junk
values = st.sampled_from(CODES) | junk
segment = st.sampled_from(sorted(QUESTIONS_BY_ID)) | raw.map(lambda s: s.replace("/", ""))
content_types = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "application/json",
        "text/plain",
        "",
    ]
)


@pytest.fixture(scope="module")
def site():
    """The app, and the cookie and CSRF token of someone who has answered everything."""
    clinic = {"name": "Riverside", "portal_url": "https://portal.example/"}
    app = build_app({"SECRET_KEY": "k", "CLINICS": {"riverside": clinic}})
    questionnaire = Questionnaire(app.test_client())
    questionnaire.walk(with_answers())
    return app, questionnaire.client.get_cookie("backcare").value, questionnaire.token()


@st.composite
def paths(draw, app):
    """A route of the app with arbitrary parts, or an arbitrary path."""
    rules = sorted(rule.rule for rule in app.url_map.iter_rules())
    rule = draw(st.sampled_from(rules))
    route = re.sub(r"<lang:lang>", draw(st.sampled_from(["en", "es", "fr"])), rule)
    route = re.sub(r"<[^>]+>", lambda _: draw(segment), route)
    return draw(st.just(route) | raw.map(lambda s: "/" + s) | raw.map(lambda s: route + s))


@st.composite
def bodies(draw, token):
    """A form a browser could send (with or without a valid token), or any bytes at all."""
    fields = draw(st.lists(st.tuples(keys, values), max_size=6))
    if draw(st.booleans()):
        fields.append(("csrf_token", token))
    form = "&".join(f"{key}={value}" for key, value in fields).encode("utf-8", "surrogatepass")
    return draw(st.just(form) | st.binary(max_size=300))


def assert_no_leak(response, what):
    body = response.get_data()
    assert response.status_code < 500, (what, response.status_code)
    assert not any(leak in body for leak in LEAKS), what
    assert_security_headers(response.headers, where=str(what))


@given(data=st.data())
@FUZZ
def test_any_request_to_any_route_gets_a_friendly_answer(site, data):
    app, cookie, token = site
    client = app.test_client()
    client.set_cookie("backcare", cookie)
    path = data.draw(paths(app), "path")
    method = data.draw(st.sampled_from(["GET", "POST", "HEAD", "PUT", "DELETE"]), "method")
    query = data.draw(raw | st.just("change=1&clinic=riverside"), "query")
    body = data.draw(bodies(token), "body")
    content_type = data.draw(content_types, "content type")
    response = client.open(
        "/",
        method=method,
        data=body,
        content_type=content_type,
        environ_overrides={"PATH_INFO": path, "QUERY_STRING": query},
        buffered=True,
    )
    assert_no_leak(response, (method, path, query, body))


@given(
    headers=st.dictionaries(
        st.sampled_from(
            [
                *("Cookie", "Accept-Language", "Referer", "X-Forwarded-Proto", "X-Forwarded-For"),
                *("Content-Type", "Origin", "If-None-Match", "Range", "Host"),
            ]
        ),
        st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=60),
    ),
    path=st.sampled_from(["/", "/es/", "/en/q/age", "/es/check", "/en/result", "/healthz"]),
)
@FUZZ
def test_any_headers_get_a_friendly_answer(site, headers, path):
    app, _, _ = site
    response = app.test_client(use_cookies=False).get(path, headers=headers, buffered=True)
    assert_no_leak(response, (path, headers))


@given(
    question=st.sampled_from(QUESTIONS),
    fields=st.lists(st.tuples(keys, values), max_size=5),
    change=st.booleans(),
)
@FUZZ
def test_whatever_is_posted_the_cookie_holds_only_ids_and_codes(site, question, fields, change):
    app, cookie, token = site
    client = app.test_client()
    client.set_cookie("backcare", cookie)
    form = MultiDict([*fields, ("csrf_token", token)])
    response = client.post(f"/es/q/{question.id}", data=form, query_string={"change": int(change)})
    assert response.status_code in (200, 302, 400), response.status_code
    stored = stored_session(app, client)
    assert set(stored) <= {"answers", "csrf_token", "clinic", "_permanent"}
    for question_id, answer in stored.get("answers", {}).items():
        codes = [answer] if isinstance(answer, str) else answer
        assert set(codes) <= QUESTIONS_BY_ID[question_id].codes, (question_id, answer)
