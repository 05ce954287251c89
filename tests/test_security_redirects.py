"""No route can be made to send a person off-site: not by its path, its query, nor a header."""

import re
from urllib.parse import quote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .answers import with_answers
from .apps import build_app
from .questionnaire import Questionnaire

PAYLOADS = (
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "////evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
)
PARAMETERS = ("next", "return_to", "redirect", "url", "back", "lang", "change", "clinic")
HEADERS = ("Referer", "Host", "X-Forwarded-Host", "X-Original-URL", "X-Forwarded-Prefix")
URL_ATTRIBUTES = {"a": {"href"}, "link": {"href"}, "script": {"src"}, "form": {"action"}}
PATH_PREFIXES = ("", "/", "/en", "/en/", "/es/q/", "/en/q/age/", "/static/", "/healthz/")


@pytest.fixture(scope="module")
def app():
    clinic = {"name": "Riverside", "portal_url": "https://portal.example/"}
    return build_app({"SECRET_KEY": "k", "CLINICS": {"riverside": clinic}})


@pytest.fixture(scope="module")
def finished(app):
    """The cookie and CSRF token of someone who gave every answer."""
    questionnaire = Questionnaire(app.test_client())
    questionnaire.walk(with_answers())
    return questionnaire.client.get_cookie("backcare").value, questionnaire.token()


@pytest.fixture
def person(app, finished):
    """Someone with every answer given, so every page and form is open to them."""
    questionnaire = Questionnaire(app.test_client())
    cookie, questionnaire.csrf_token = finished
    questionnaire.client.set_cookie("backcare", cookie)
    return questionnaire


def routes(app):
    """Every route with its methods, as a person in Spanish would reach it."""
    for rule in app.url_map.iter_rules():
        values = {"lang": "es", "question_id": "age", "filename": "style.css"}
        path = rule.build({name: values.get(name, "x") for name in rule.arguments})[1]
        for method in sorted((rule.methods or {"GET", "POST"}) & {"GET", "POST"}):
            yield method, path


def assert_stays_on_site(response, what):
    location = response.headers.get("Location")
    if location is not None:
        target = urlsplit(urljoin("https://backcare.example/es/q/age", location))
        assert target.netloc == "backcare.example", (what, location)
        assert not urlsplit(location).netloc and location.startswith("/"), (what, location)
        assert not location.startswith(("//", "/\\")), (what, location)
    assert "Refresh" not in response.headers, what
    # Only a page that repeats a payload can link to it: parse those.
    if response.mimetype == "text/html" and re.search("evil|javascript", response.text, re.I):
        soup = BeautifulSoup(response.text, "html.parser")
        assert not soup.find("meta", attrs={"http-equiv": True}), what
        for tag in soup.find_all(URL_ATTRIBUTES):
            for name in URL_ATTRIBUTES[tag.name] & set(tag.attrs):
                link = urlsplit(urljoin("https://backcare.example/es/q/age", tag[name]))
                assert link.scheme in ("https", "http", "tel"), (what, tag[name])
                assert "evil" not in link.netloc, (what, tag[name])


def send(person, method, path, query="", headers=None, raw_path=None):
    data = {"csrf_token": person.csrf_token} if method == "POST" else None
    environ = {"QUERY_STRING": query}
    if raw_path is not None:
        environ["PATH_INFO"] = raw_path  # as the server decoded it, never re-read as a URL
    return person.client.open(
        path,
        method=method,
        data=data,
        headers=headers or {},
        environ_overrides=environ,
        buffered=True,  # read and closed at once, static files included
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_path_redirects_off_site(person, payload):
    for prefix in PATH_PREFIXES:
        for method in ("GET", "POST"):
            response = send(person, method, "/", raw_path=prefix + payload)
            assert response.status_code < 500
            assert_stays_on_site(response, (method, prefix + payload))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_query_parameter_redirects_off_site(app, person, payload):
    for method, path in routes(app):
        for parameter in PARAMETERS:
            for value in (quote(payload, safe=""), payload):
                query = f"{parameter}={value}"
                response = send(person, method, path, query=query)
                assert response.status_code < 500
                assert_stays_on_site(response, (method, path, query))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_header_redirects_off_site(app, person, payload):
    for method, path in routes(app):
        for header in HEADERS:
            response = send(person, method, path, headers={header: payload})
            assert response.status_code < 500
            assert_stays_on_site(response, (method, path, header))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_werkzeugs_own_redirects_ignore_the_host_header(person, payload):
    """A missing slash redirects; Werkzeug builds that URL from the Host header. A Host that is
    not a host name is refused before that (test_security_origins.py)."""
    host = payload.strip("/\\") or "x"
    expected = 308 if re.fullmatch(r"[a-z0-9.-]+", host) else 400
    for path in ("/en", "/es?change=1", "/es//about"):
        response = person.client.get(path, headers={"Host": host})
        assert response.status_code == expected, (host, response.status_code)
        assert_stays_on_site(response, path)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_language_switch_and_change_links_stay_internal(person, payload):
    """The links most likely to be built from the request: the language switch, Back, Change."""
    for path in ("/es/q/age", "/es/check", "/es/result", "/es/about", "/es/nowhere"):
        response = person.get(f"{path}?change={quote(payload)}&lang={quote(payload)}")
        switch = BeautifulSoup(response.text, "html.parser").find("a", class_="header__lang")
        assert urlsplit(switch["href"]).path.startswith("/en/"), (path, switch["href"])
        assert_stays_on_site(response, path)


def test_after_an_answer_the_redirect_is_the_next_question_whatever_is_asked(person):
    response = person.post(
        "/en/q/age?change=//evil.example&next=//evil.example",
        {"age": "51_to_70"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/q/first_episode"
    response = person.post("/en/start-again?next=https://evil.example/", {})
    assert response.headers["Location"] == "/en/"
