"""Hosts and origins: a Host header that is malformed or not trusted is a friendly 400, and a
form post from another site's page is refused beside the CSRF token, without the Referer."""

import re

import pytest

from .apps import build_app
from .cookies import stored_session
from .headers import assert_security_headers
from .questionnaire import Questionnaire
from .test_i18n_pages import assert_spanish, es, heading

QUESTION = "/es/q/emergency_signs"
ANSWER = {"emergency_signs": "none"}
OTHER_SITE = "This answer came from another website"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


# Hosts


@pytest.mark.parametrize("host", ["bad host", "a/b", "x:99999", "[::1", "ex\u00e1mple.org"])
def test_a_malformed_host_is_a_friendly_spanish_400_with_the_headers(client, host):
    response = client.get(QUESTION, headers={"Host": host})
    soup = assert_spanish(response, status=400)
    assert heading(soup) == es("Something was wrong with what was sent")
    assert soup.find("main").find("a", href="/es/"), "links are paths, whatever the Host"
    assert_security_headers(response.headers)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "[::1]:8000", "Back.Care"])
def test_a_well_formed_host_is_served(client, host):
    assert client.get(QUESTION, headers={"Host": host}).status_code == 200


def test_with_trusted_hosts_another_host_is_a_friendly_400_with_the_headers():
    app = build_app({"TRUSTED_HOSTS": ["backcare.example", ".clinic.example"]})
    client = app.test_client()
    for host in ("backcare.example", "backcare.example:8443", "portal.clinic.example"):
        assert client.get(QUESTION, headers={"Host": host}).status_code == 200, host
    for host in ("evil.example", "backcare.example.evil.example", "clinic.example.evil"):
        response = client.get(QUESTION, headers={"Host": host})
        soup = assert_spanish(response, status=400)
        assert heading(soup) == es("Something was wrong with what was sent")
        # The page's links could be built although the host was refused (hardening.py).
        assert soup.find("main").find("a", href="/es/")
        assert_security_headers(response.headers)
    assert (
        client.post("/api/v1/assessments", json={}, headers={"Host": "evil.example"}).status_code
        == 400
    )


def test_trusted_hosts_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("BACKCARE_TRUSTED_HOSTS", '["backcare.example"]')
    assert build_app().config["TRUSTED_HOSTS"] == ["backcare.example"]


# Origins


def answered(app, client) -> bool:
    return "emergency_signs" in stored_session(app, client).get("answers", {})


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://other.localhost"},
        # Older browsers send Origin alone; privacy tools may make it "null".
        {"Origin": "https://evil.example"},
        {"Origin": "http://localhost.evil.example"},
        {"Origin": "null"},
    ],
)
def test_a_form_post_from_another_site_is_refused_in_the_persons_language(app, client, headers):
    questionnaire = Questionnaire(client, lang="es")
    token = questionnaire.token()
    response = client.post(QUESTION, data={**ANSWER, "csrf_token": token}, headers=headers)
    soup = assert_spanish(response, status=400)
    assert heading(soup) == es(OTHER_SITE)
    assert soup.find("main").find("a", string=es("Go back and answer again"))["href"] == QUESTION
    assert_security_headers(response.headers)
    assert not answered(app, client), "nothing was saved"


def test_a_refused_post_that_came_without_the_cookie_sets_none(client):
    """SameSite=Lax keeps the cookie off another site's post: the refusal must not answer with
    a fresh cookie, which would replace the person's answers."""
    response = client.post(QUESTION, data=ANSWER, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "headers",
    [
        {},  # old browsers and privacy tools send neither: the token alone decides
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "none"},  # the person's own action, such as a resent form
        {"Origin": "http://localhost"},
        # The browser's Sec-Fetch-Site is trusted alone: behind a proxy that rewrites Host,
        # Origin would not match, and a strict referrer policy can make it "null".
        {"Sec-Fetch-Site": "same-origin", "Origin": "https://backcare.example"},
        {"Sec-Fetch-Site": "same-origin", "Origin": "null"},
    ],
)
def test_a_form_post_from_this_site_is_accepted(app, client, headers):
    token = Questionnaire(client, lang="es").token()
    response = client.post(QUESTION, data={**ANSWER, "csrf_token": token}, headers=headers)
    assert response.status_code == 302, response.text[:300]
    assert answered(app, client)


def test_the_origin_check_is_beside_the_token_not_instead(app, client):
    Questionnaire(client, lang="es").token()
    same_origin = {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"}
    response = client.post(QUESTION, data={**ANSWER, "csrf_token": "forged"}, headers=same_origin)
    assert heading(assert_spanish(response, status=400)) == es("This page was open for too long")
    assert not answered(app, client)


def test_over_https_a_valid_token_without_a_referer_is_accepted(app):
    """Flask-WTF's own HTTPS check refused a post without a same-site Referer; privacy tools
    strip it."""
    client = app.test_client()
    https = "https://localhost"
    token = TOKEN.search(client.get(QUESTION, base_url=https).text)[1]
    response = client.post(QUESTION, data={**ANSWER, "csrf_token": token}, base_url=https)
    assert "Referer" not in response.request.headers
    assert response.status_code == 302, response.text[:300]


def test_a_clinics_framed_page_posts_as_its_own_origin_and_the_portal_cannot(client):
    """In a clinic's frame the form posts from the frame's own page: Sec-Fetch-Site is
    same-origin (Chromium, tests/browser). The portal's own pages are another site."""
    https = {"X-Forwarded-Proto": "https"}
    page = client.get("/en/q/emergency_signs?clinic=riverside", headers=https)
    token = TOKEN.search(page.text)[1]
    data = {**ANSWER, "csrf_token": token}
    framed = {**https, "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Dest": "iframe"}
    framed["Origin"] = "https://localhost"
    assert client.post("/en/q/emergency_signs", data=data, headers=framed).status_code == 302
    portal = {**https, "Sec-Fetch-Site": "cross-site"}
    portal["Origin"] = "https://portal.riverside.example"
    refused = client.post("/en/q/emergency_signs", data=data, headers=portal)
    assert refused.status_code == 400 and OTHER_SITE in refused.text


def test_the_api_takes_posts_from_other_sites(client):
    headers = {"Sec-Fetch-Site": "cross-site", "Origin": "https://portal.riverside.example"}
    body = {"answers": {"emergency_signs": ["chest_pain"]}}
    response = client.post("/api/v1/assessments", json=body, headers=headers)
    assert response.status_code == 200 and response.json["level"] == "emergency"


def test_unknown_pages_and_methods_keep_their_404_and_405_whatever_the_origin(client):
    cross_site = {"Sec-Fetch-Site": "cross-site"}
    assert client.post("/es/nowhere", headers=cross_site).status_code == 404
    assert client.post("/es/about", headers=cross_site).status_code == 405
