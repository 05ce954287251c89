"""Security headers on every response, set in one place; no inline script or style anywhere."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from backcare.triage import QUESTIONS

from .apps import build_app
from .crawl import every_page
from .headers import assert_security_headers

TEMPLATES = Path(__file__).resolve().parent.parent / "backcare" / "templates"
CLINIC = {"name": "Riverside", "phone": "+1 555 0100", "portal_url": "https://portal.example/"}
SAMPLE_ARGUMENTS = {"lang": "es", "question_id": QUESTIONS[0].id, "filename": "style.css"}


@pytest.fixture
def app():
    return build_app({"SECRET_KEY": "k", "CLINICS": {"riverside": CLINIC}})


def sample_path(rule) -> str:
    """The rule's URL with a plausible value for each part (unknown parts get "x")."""
    return rule.build({name: SAMPLE_ARGUMENTS.get(name, "x") for name in rule.arguments})[1]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_and_error_page_carries_the_security_headers(app, lang):
    pages = every_page(app, lang, clinic="riverside")
    assert {response.status_code for response in pages.values()} >= {200, 400, 404, 405, 413}
    for label, response in pages.items():
        assert_security_headers(response.headers, where=label)


def test_every_route_carries_them_whatever_it_answers(app, client):
    """Every rule of the app, the API and static files included, by each of its methods; and a
    method it does not allow. New routes are covered as they land."""
    rules = list(app.url_map.iter_rules())
    assert {rule.endpoint for rule in rules} >= {"static", "healthz", "web.result"}
    for rule in rules:
        path = sample_path(rule)
        for method in [*sorted((rule.methods or {"GET", "POST"}) - {"OPTIONS"}), "PATCH"]:
            with client.open(path, method=method, data={"x": "y"}) as response:
                assert response.status_code < 500, (method, path)
                assert_security_headers(response.headers, where=f"{method} {path}")


def test_static_files_and_redirects_carry_them(client):
    for path in ("/static/style.css", "/static/print.js", "/static/favicon.svg"):
        with client.get(path) as response:
            assert response.status_code == 200
            assert response.mimetype in ("text/css", "text/javascript", "image/svg+xml")
            assert_security_headers(response.headers)
    for path, status in (("/", 302), ("/en", 308)):
        response = client.get(path)
        assert response.status_code == status
        assert_security_headers(response.headers)


def test_an_unexpected_error_carries_them(app):
    @app.get("/es/boom")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/es/boom")
    assert response.status_code == 500
    assert_security_headers(response.headers)


def test_frame_ancestors_come_from_the_config():
    app = build_app({"SECRET_KEY": "k", "FRAME_ANCESTORS": "https://a.example"})
    for path in ("/en/", "/healthz", "/static/style.css", "/nowhere"):
        with app.test_client().get(path) as response:
            assert_security_headers(response.headers, frame_ancestors="https://a.example")


@pytest.mark.parametrize(
    "config",
    [
        {"FRAME_ANCESTORS": "https://a.example; script-src *"},
        {"FRAME_ANCESTORS": "https://a.example,https://b.example"},
        {"CLINICS": {"c": {"name": "C", "frame_ancestors": ["https://a.example;report-uri x"]}}},
    ],
)
def test_a_frame_ancestor_that_would_add_to_the_policy_is_refused_at_start(config):
    with pytest.raises(ValueError, match="frame ancestor"):
        build_app({"SECRET_KEY": "k", **config})


def inline_code(html: str) -> list[str]:
    """Script or style the CSP would block: inline elements, attributes and javascript: URLs."""
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag)[:80] for tag in soup.find_all("style")]
    found += [
        str(tag)[:80]
        for tag in soup.find_all("script")
        # A JSON data block is never run (the embedded result's, for embed.js).
        if (not tag.get("src") or tag.string) and tag.get("type") != "application/json"
    ]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            url = str(value).strip().lower()
            if name == "style" or name.startswith("on") or url.startswith("javascript:"):
                found.append(f"<{tag.name} {name}=…>")
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("embed", [False, True])
def test_no_page_has_inline_script_or_style(app, lang, embed):
    if embed:  # the pages inside the clinic's portal, with embed.js and the result's data
        framing = {**CLINIC, "frame_ancestors": ["https://portal.example"]}
        app = build_app({"SECRET_KEY": "k", "CLINICS": {"riverside": framing}})
    for label, response in every_page(app, lang, clinic="riverside", embed=embed).items():
        assert response.mimetype == "text/html", label
        assert not inline_code(response.text), label


def test_no_template_has_inline_script_or_style():
    """Also the branches no crawl reaches: the template sources themselves."""
    script = r'<script(?![^>]*\b(src=|type="application/json"))'
    inline = re.compile(rf"<style|{script}|\sstyle=|\son[a-z]+=|javascript:", re.I)
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert templates
    for template in templates:
        assert not inline.search(template.read_text()), template.name
