"""One cookie only: the signed session, private, short-lived, holding answer codes only."""

import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http.cookies import SimpleCookie

import pytest
from itsdangerous import TimestampSigner

from backcare.triage import QUESTIONS_BY_ID

from .answers import EVERY_QUESTION, with_answers
from .apps import build_app
from .crawl import every_page
from .questionnaire import Questionnaire

CLINIC = {"name": "Riverside", "phone": "+1 555 0100"}
ALL_QUESTIONS = EVERY_QUESTION


@pytest.fixture
def app():
    return build_app({"SECRET_KEY": "k", "CLINICS": {"riverside": CLINIC}})


def record_set_cookies(app) -> list[str]:
    """Every Set-Cookie header the app sends from now on, seen from outside it (WSGI)."""
    seen, inner = [], app.wsgi_app

    def recording(environ, start_response):
        def start(status, headers, exc_info=None):
            seen.extend(value for name, value in headers if name.lower() == "set-cookie")
            return start_response(status, headers, exc_info)

        return inner(environ, start)

    app.wsgi_app = recording
    return seen


def parse(set_cookie: str):
    (morsel,) = SimpleCookie(set_cookie).values()
    return morsel


def stored_session(app, client) -> dict:
    """The session as the app would read it back: decoded with its own serializer."""
    cookie = client.get_cookie("backcare")
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_only_the_session_cookie_is_ever_set(app, lang):
    set_cookies = record_set_cookies(app)
    every_page(app, lang, clinic="riverside")
    assert set_cookies
    assert {parse(header).key for header in set_cookies} == {"backcare"}


def test_the_session_cookie_is_private_and_ends_an_hour_after_the_last_request(
    app, client, monkeypatch
):
    """Even the first cookie, which holds only the CSRF token, is short-lived."""
    set_cookies = record_set_cookies(app)
    Questionnaire(client).get("/en/q/emergency_signs")
    Questionnaire(client).answer("emergency_signs", ["none"])
    client.get("/en/about")  # unchanged and signed under a minute ago: not sent again
    assert len(set_cookies) == 2
    a_minute_later = int(time.time()) + 61
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: a_minute_later)
    client.get("/en/about")  # a page without a form still renews the cookie's hour
    assert len(set_cookies) == 3
    for header in set_cookies:
        cookie = parse(header)
        assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"]
        assert cookie["path"] == "/" and not cookie["domain"]
        expires = parsedate_to_datetime(cookie["expires"])
        assert timedelta(minutes=59) < expires - datetime.now(UTC) <= timedelta(hours=1)


def test_a_cookie_older_than_an_hour_is_refused_by_the_server(app, client, monkeypatch):
    """A browser that keeps the cookie past its expiry cannot bring the answers back."""
    questionnaire = Questionnaire(client)
    questionnaire.walk(with_answers())
    now = int(time.time())

    def at(seconds_later):
        monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now + seconds_later)
        return client.get("/en/result")

    assert at(3000).status_code == 200  # used after 50 minutes: kept, and refreshed
    assert at(6000).status_code == 200  # 50 minutes after that last use: still kept
    response = at(6000 + 3601)
    assert response.headers["Location"] == "/en/q/emergency_signs"


@pytest.mark.parametrize(
    ("forwarded_proto", "x_proto", "secure"),
    [
        ("https", 1, True),
        ("http", 1, False),
        # a client's own header, with the one trusted proxy's value appended: the proxy wins
        ("https, http", 1, False),
        # not behind a proxy: the header is ignored
        ("https", 0, False),
    ],
)
def test_the_cookie_is_secure_exactly_when_the_proxy_says_https(forwarded_proto, x_proto, secure):
    app = build_app({"SECRET_KEY": "k", "PROXY_FIX_X_PROTO": x_proto})
    response = app.test_client().get(
        "/en/q/emergency_signs", headers={"X-Forwarded-Proto": forwarded_proto}
    )
    assert bool(parse(response.headers["Set-Cookie"])["secure"]) is secure


def test_the_cookie_is_secure_over_https_without_a_proxy(app):
    response = app.test_client().get("/en/q/emergency_signs", base_url="https://localhost")
    assert parse(response.headers["Set-Cookie"])["secure"]


def test_the_cookie_holds_only_question_ids_answer_codes_and_the_token(app, client):
    """Free text sent in forms, query strings and headers never reaches the cookie."""
    questionnaire = Questionnaire(client)
    questionnaire.get("/en/?clinic=riverside&note=My+name+is+Ana")
    questionnaire.post("/en/q/emergency_signs", {"emergency_signs": "My name is Ana"})
    questionnaire.post("/en/q/emergency_signs", {"emergency_signs": "none", "note": "Ana"})
    questionnaire.walk(ALL_QUESTIONS)
    questionnaire.get("/en/about?clinic=Ana", headers={"Referer": "https://x.example/?Ana"})

    stored = stored_session(app, client)
    assert set(stored) <= {"answers", "csrf_token", "clinic", "_permanent"}, stored
    assert stored["answers"].keys() == ALL_QUESTIONS.keys()
    for question_id, answer in stored["answers"].items():
        codes = [answer] if isinstance(answer, str) else answer
        assert set(codes) <= QUESTIONS_BY_ID[question_id].codes, (question_id, answer)
    assert stored["csrf_token"].isalnum() and len(stored["csrf_token"]) == 40
    assert stored["clinic"] == "riverside"
    assert "Ana" not in repr(stored)


def test_start_again_removes_the_answers_from_the_cookie(app, client):
    questionnaire = Questionnaire(client)
    questionnaire.walk(with_answers())
    questionnaire.post("/en/start-again", {})
    assert "answers" not in stored_session(app, client)


def test_healthz_and_static_files_set_no_cookie_without_a_session(client):
    for path in ("/healthz", "/static/style.css"):
        with client.get(path) as response:
            assert "Set-Cookie" not in response.headers, path


def test_a_new_secret_key_resets_everyones_answers_unless_the_old_one_is_a_fallback():
    """What SECURITY.md says about rotating the key."""
    old = build_app({"SECRET_KEY": "old-key"})
    questionnaire = Questionnaire(old.test_client())
    questionnaire.walk(with_answers())
    cookie, token = questionnaire.client.get_cookie("backcare").value, questionnaire.token()

    def visit(config):
        client = build_app({**config}).test_client()
        client.set_cookie("backcare", cookie)
        result = client.get("/en/result")
        answer = client.post("/en/q/age?change=1", data={"age": "51_to_70", "csrf_token": token})
        return result.status_code, answer.status_code

    assert visit({"SECRET_KEY": "new-key"}) == (302, 400)  # answers gone, the open form refused
    assert visit({"SECRET_KEY": "new-key", "SECRET_KEY_FALLBACKS": ["old-key"]}) == (200, 400)
