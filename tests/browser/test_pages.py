"""Every page, in both languages, as the tours found them (tour.py): accessible, valid, reflowing
at 320px and at 200% zoom, easy to tap, small, self-contained, and printable."""

import re
import subprocess
import urllib.request

import pytest

from backcare.triage import assess
from backcare.triage.questions import without_hidden

from ..answers import as_answered
from .tour import CHANGES, EVERY_QUESTION

LANGS = ("en", "es")


@pytest.mark.parametrize("lang", LANGS)
def test_changing_answers_from_the_check_page_reaches_every_level(tours, lang):
    """The tour answers every question, then changes one answer at a time from the check page."""
    visits, _ = tours[lang]
    answers = dict(EVERY_QUESTION)
    expected = []
    for question_id, answer in (None, None), *CHANGES:
        if question_id:
            answers = without_hidden({**answers, question_id: answer})
        assessment = assess(as_answered(answers))
        expected.append((str(assessment.level), list(assessment.rule_ids)))
    assert [(v.level, v.rules) for v in visits if v.level] == expected
    assert {level for level, _ in expected} == {"emergency", "urgent", "soon", "self_care"}


def test_the_spanish_tour_is_a_clinics_visit(tours):
    visits, _ = tours["es"]
    with_clinic = [v.name for v in visits if b'class="header__clinic"' in v.html]
    assert {"es start", "es check", "es resources", "es about"} <= set(with_clinic)
    assert not any(b'class="header__clinic"' in v.html for v in tours["en"][0])


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_violation_on_any_page(tours, lang):
    visits, _ = tours[lang]
    assert len(visits) >= 36
    reports = [f"{v.name} ({v.url}):\n{v.axe_report}" for v in visits if v.violations]
    assert not reports, "\n\n".join(reports)


def test_every_page_is_valid_html(tours, vnu, tmp_path):
    """The Nu HTML Checker, on the HTML each page was sent as, all pages in one run."""
    for lang in LANGS:
        for visit in tours[lang][0]:
            name = re.sub(r"[^a-z0-9]+", "-", visit.name.lower()).strip("-")
            (tmp_path / f"{name}.html").write_bytes(visit.html)
    files = sorted(str(path) for path in tmp_path.glob("*.html"))
    checked = subprocess.run([*vnu, *files], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_scrolls_sideways_at_320px_or_at_200_percent_zoom(tours, lang):
    visits, _ = tours[lang]
    assert [(v.name, v.overflow) for v in visits if v.overflow] == []


@pytest.mark.parametrize("lang", LANGS)
def test_buttons_choices_and_primary_links_are_at_least_44px(tours, lang):
    visits, _ = tours[lang]
    small = "\n".join(f"{v.name}: {target}" for v in visits for target in v.small_targets)
    assert not small, small


#: A page's HTML and its CSS, uncompressed.
BUDGET = 20 * 1024


def stylesheets(html: bytes) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html.decode())


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_with_its_css_is_under_20_kib(tours, app_url, lang):
    visits, _ = tours[lang]
    css = {}
    weights = {}
    for visit in visits:
        for href in stylesheets(visit.html):
            if href not in css:
                with urllib.request.urlopen(app_url + href) as response:
                    css[href] = len(response.read())
        weights[visit.name] = len(visit.html) + sum(css[href] for href in stylesheets(visit.html))
    print("\n".join(f"{weight:6d} {name}" for name, weight in sorted(weights.items())))
    assert {name: weight for name, weight in weights.items() if weight >= BUDGET} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_pages_load_no_fonts_images_or_anything_from_elsewhere(tours, app_url, lang):
    visits, requests = tours[lang]
    assert [url for _, url in requests if not url.startswith(app_url + "/")] == []
    kinds = {kind for kind, url in requests if "/static/favicon.svg" not in url}
    assert kinds <= {"document", "stylesheet", "script"}
    for visit in visits:
        assert not re.search(rb"<(img|picture|video|audio|iframe|object|embed)\b", visit.html)
        for href in stylesheets(visit.html):
            with urllib.request.urlopen(app_url + href) as response:
                css = response.read()
            assert b"@font-face" not in css and b"url(" not in css


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_a_viewport_an_icon_and_nothing_inline_for_the_csp(tours, lang):
    """Scripts and styles come from the app's own files (CSP: no unsafe-inline), and the
    browser's console reports no error (no script error, no CSP violation) on any page."""
    visits, _ = tours[lang]
    for visit in visits:
        html = visit.html.decode()
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
        assert re.search(r'<link rel="icon" href="/static/favicon.svg\?v=\w+"', html), visit.name
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)", html)
        scripts = re.findall(r'<script src="([^"?]+)\?v=\w+"', html)
        assert scripts == ["/static/print.js"], visit.name
    assert [(v.name, v.console_errors) for v in visits if v.console_errors] == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_result_prints_on_one_or_two_pages_without_the_page_furniture(tours, lang):
    """Header, footer, buttons and back link hidden; each outside link followed by its address."""
    visits, _ = tours[lang]
    printed = [v for v in visits if v.level]
    assert len(printed) == len(CHANGES) + 1
    assert [(v.name, v.print_problems) for v in printed if v.print_problems] == []
    assert [(v.name, v.printed_pages) for v in printed if not 1 <= v.printed_pages <= 2] == []
