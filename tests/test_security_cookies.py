"""One cookie only: the sealed session, private, short-lived, holding answer codes only."""

import base64
import re
import time
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http.cookies import SimpleCookie

import pytest
from flask.sessions import SecureCookieSessionInterface

from backcare import cookie_sealing
from backcare.triage import QUESTIONS_BY_ID

from .answers import DISTINCTIVE, DISTINCTIVE_CODES, EVERY_QUESTION, with_answers
from .apps import build_app
from .cookies import open_cookie, stored_session
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


def move_clock(monkeypatch, seconds_later: int) -> None:
    """The sealing's clock, ``seconds_later`` than the real one."""
    now = int(time.time()) + seconds_later
    monkeypatch.setattr(cookie_sealing, "now", lambda: now)


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
    move_clock(monkeypatch, 61)
    client.get("/en/about")  # a page without a form still renews the cookie's hour
    assert len(set_cookies) == 3
    for header in set_cookies:
        cookie = parse(header)
        assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"]
        assert cookie["path"] == "/" and not cookie["domain"]
        expires = parsedate_to_datetime(cookie["expires"])
        # (the last one by the sealing's clock, a minute ahead)
        assert timedelta(minutes=59) < expires - datetime.now(UTC) <= timedelta(hours=1, seconds=61)


def test_a_cookie_older_than_an_hour_is_refused_by_the_server(app, client, monkeypatch):
    """A browser that keeps the cookie past its expiry cannot bring the answers back."""
    questionnaire = Questionnaire(client)
    questionnaire.walk(with_answers())

    def at(seconds_later):
        move_clock(monkeypatch, seconds_later)
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
    assert client.get_cookie("backcare") is None  # removed, not just emptied


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


def every_reading(value: str) -> list[bytes]:
    """The cookie's value decoded by every means at hand: as it is, base64url (whole, or each
    dot-separated part, with or without a leading dot), and zlib on each of those."""
    readings = [value.encode()]
    for part in [value, *value.split("."), value.lstrip(".")]:
        for start in range(4):  # base64 read from any offset
            chunk = part[start:]
            try:
                readings.append(base64.urlsafe_b64decode(chunk + "=" * (-len(chunk) % 4)))
            except ValueError:
                continue
    for reading in list(readings):
        for offset in range(len(reading)):
            try:
                readings.append(zlib.decompressobj().decompress(reading[offset:]))
            except zlib.error:
                continue
    return readings


def test_nothing_a_person_answered_can_be_read_from_the_cookie(app, client):
    questionnaire = Questionnaire(client)
    questionnaire.get("/en/?clinic=riverside")
    questionnaire.walk(DISTINCTIVE)
    value = client.get_cookie("backcare").value
    assert stored_session(app, client)["answers"]["age"] == "51_to_70"  # the app can read it
    assert re.fullmatch(r"[A-Za-z0-9_-]+", value), "one base64url token, not a signed payload"
    secret = stored_session(app, client)["csrf_token"]
    for reading in every_reading(value):
        for word in (*DISTINCTIVE_CODES, "answers", "riverside", secret):
            assert word.encode() not in reading, word


def test_a_tampered_or_foreign_cookie_is_a_fresh_session(app, client):
    questionnaire = Questionnaire(client)
    questionnaire.walk(DISTINCTIVE)
    value = client.get_cookie("backcare").value
    flipped = value[:20] + ("A" if value[20] != "A" else "B") + value[21:]
    other = build_app({"SECRET_KEY": "another-key"})
    for cookie in (flipped, value[:-4], "", "%%%", "a.b.c"):
        client.set_cookie("backcare", cookie)
        assert client.get("/en/result").headers["Location"] == "/en/q/emergency_signs", cookie
    foreign = other.test_client()
    foreign.set_cookie("backcare", value)
    assert foreign.get("/en/result").headers["Location"] == "/en/q/emergency_signs"


def test_the_session_ends_four_hours_after_its_first_write_however_often_it_is_used(
    app, client, monkeypatch
):
    Questionnaire(client).walk(DISTINCTIVE)
    first = client.get_cookie("backcare").value
    for minutes in range(50, 240, 50):  # used every 50 minutes: renewed each time
        move_clock(monkeypatch, minutes * 60)
        assert client.get("/en/result").status_code == 200, minutes
    latest = client.get_cookie("backcare").value
    assert latest != first
    assert open_cookie(app, latest)["answers"] == open_cookie(app, first)["answers"]
    move_clock(monkeypatch, 4 * 3600 - 60)
    response = client.get("/en/result")
    assert response.status_code == 200
    expires = parsedate_to_datetime(parse(response.headers["Set-Cookie"])["expires"])
    assert expires.timestamp() <= time.time() + 4 * 3600  # the browser drops it at the end too
    copy = client.get_cookie("backcare").value  # written a minute before the end
    move_clock(monkeypatch, 4 * 3600 + 1)
    client.set_cookie("backcare", copy)
    assert client.get("/en/result").headers["Location"] == "/en/q/emergency_signs"


def test_a_signed_cookie_of_the_earlier_format_is_read_once_and_rewritten_sealed(app, client):
    Questionnaire(client).walk(DISTINCTIVE)
    session = stored_session(app, client)
    signed = SecureCookieSessionInterface().get_signing_serializer(app).dumps(session)
    assert "." in signed
    fresh = app.test_client()
    fresh.set_cookie("backcare", signed)
    response = fresh.get("/en/result")
    assert response.status_code == 200
    rewritten = parse(response.headers["Set-Cookie"]).value
    assert "." not in rewritten
    assert open_cookie(app, rewritten) == session
    assert fresh.get("/en/result").status_code == 200


def test_start_again_clears_everything_the_csrf_secret_too(app, client):
    questionnaire = Questionnaire(client)
    questionnaire.get("/en/?clinic=riverside")
    questionnaire.walk(DISTINCTIVE)
    before = questionnaire.token("/en/q/age")
    response = questionnaire.post("/en/start-again", {"csrf_token": before})
    assert response.headers["Location"] == "/en/?clinic=riverside"  # still the clinic's visit
    assert client.get_cookie("backcare") is None
    after = questionnaire.token("/en/q/emergency_signs")
    assert after != before
    assert stored_session(app, client).keys() <= {"csrf_token", "_permanent"}
    refused = client.post(
        "/en/q/emergency_signs", data={"emergency_signs": "none", "csrf_token": before}
    )
    assert refused.status_code == 400
    accepted = client.post(
        "/en/q/emergency_signs", data={"emergency_signs": "none", "csrf_token": after}
    )
    assert accepted.status_code == 302


def test_over_https_the_cookie_is_a_secure_host_cookie_and_works(app):
    client = app.test_client()
    questionnaire = Questionnaire(client)
    https = "https://localhost"
    response = client.get("/en/q/emergency_signs", base_url=https)
    cookie = parse(response.headers["Set-Cookie"])
    assert cookie.key == "__Host-backcare"
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
    token = re.search(r'name="csrf_token" value="([^"]+)"', response.text)[1]
    answered = client.post(
        "/en/q/emergency_signs",
        data={"emergency_signs": "none", "csrf_token": token},
        base_url=https,
        headers={"Referer": "https://localhost/en/q/emergency_signs"},
    )
    assert answered.status_code == 302, answered.text[:300]
    assert questionnaire is not None


def test_a_session_domain_setting_cannot_weaken_the_host_cookie():
    app = build_app({"SECRET_KEY": "k", "SESSION_COOKIE_DOMAIN": "example.org"})
    response = app.test_client().get("/en/q/emergency_signs", base_url="https://example.org")
    cookie = parse(response.headers["Set-Cookie"])
    assert cookie.key == "__Host-backcare" and not cookie["domain"] and cookie["path"] == "/"


def test_over_https_a_cookie_of_the_former_name_is_read_once_and_renamed(app):
    http = app.test_client()
    Questionnaire(http).walk(with_answers())
    value = http.get_cookie("backcare").value
    client = app.test_client()
    client.set_cookie("backcare", value, domain="localhost")
    response = client.get("/en/result", base_url="https://localhost")
    assert response.status_code == 200
    assert parse(response.headers["Set-Cookie"]).key == "__Host-backcare"


def test_in_production_the_cookie_is_secure_even_without_a_forwarded_header(monkeypatch):
    from backcare import create_app

    production = create_app({"SECRET_KEY": "k"})
    cookie = parse(production.test_client().get("/en/q/emergency_signs").headers["Set-Cookie"])
    assert cookie["secure"] and cookie.key == "__Host-backcare"
    monkeypatch.setenv("BACKCARE_SESSION_COOKIE_SECURE", "false")  # plain HTTP on one's machine
    local = create_app({"SECRET_KEY": "k"})
    cookie = parse(local.test_client().get("/en/q/emergency_signs").headers["Set-Cookie"])
    assert not cookie["secure"] and cookie.key == "backcare"


def test_debug_and_testing_serve_plain_http_cookies():
    from backcare import create_app

    for config in ({"DEBUG": True}, {"TESTING": True}):
        app = create_app({"SECRET_KEY": "k", **config})
        cookie = parse(app.test_client().get("/en/q/emergency_signs").headers["Set-Cookie"])
        assert not cookie["secure"] and cookie.key == "backcare", config
