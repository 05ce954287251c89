"""A clinic's portal on an origin of its own renders the app's FHIR Questionnaire with NLM's
LHC-Forms 40.1.3 in Chromium, a person answers through its widgets, and the portal sends the
QuestionnaireResponse that LHC-Forms exports to the API, through CORS: the result must be the
JSON API's for the same answers, in the person's language.

One portal page per language serves every test; each test renders the form afresh.
"""

import json
import urllib.request

import pytest
from flask_babel import force_locale, gettext

from backcare.api.fhir.questionnaire import CALL_NOW
from backcare.triage import QUESTIONS, Journey

from ..answers import EVERY_QUESTION, with_answers
from ..api_bodies import as_json
from ..apps import build_app
from .chromium import new_context
from .lhc_forms import RenderedForm

LANGS = ("en", "es")

#: Complete answer paths.
PATHS = {
    "self_care": with_answers(),
    "soon": with_answers(injury="strain", trend="same", activities=("desk_work",)),
    "urgent": with_answers(warning_signs=("fever",)),
}
#: An emergency at the seventh question: over 70, severe pain after a fall (E-fragility-fracture).
LATE_EMERGENCY = {
    "emergency_signs": (),
    "age": "over_70",
    "first_episode": "no",
    "injury": "fall_or_blow",
    "duration": "under_3_days",
    "trend": "same",
    "severity": "severe",
}


@pytest.fixture(scope="module")
def portal_pages(lforms, browser, app_url, portal_origin):
    """``portal_pages(lang)``: the portal page in a browser speaking ``lang``, opened once.
    Afterwards, every request must have gone to the portal or the app alone."""
    opened, requests, errors = {}, [], []

    def page(lang):
        if lang not in opened:
            context = new_context(browser, portal_origin, lang)
            context.on("request", lambda request: requests.append(request.url))
            portal = context.new_page()
            portal.on("pageerror", lambda error: errors.append(str(error)))
            portal.goto(f"/?api={app_url}")
            opened[lang] = portal
        return opened[lang]

    yield page
    for portal in opened.values():
        portal.context.close()
    elsewhere = [url for url in requests if not url.startswith((portal_origin, app_url))]
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert not errors, f"errors on the portal page: {errors}"


def json_assessment(app_url, answers, lang):
    """The JSON API's answer for ``answers``, asked directly (no browser, no FHIR)."""
    body = json.dumps({"lang": lang, "answers": as_json(answers)}).encode()
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(f"{app_url}/api/v1/assessments", body, headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def sent(form, query="", headers=None):
    """Send the form's QuestionnaireResponse; check what LHC-Forms put in it and that the API
    took it; give the API's answer."""
    result = form.send(query, headers)
    response = result["questionnaireResponse"]
    questionnaire = form.questionnaire
    # LHC-Forms names the Questionnaire by url|version, and leaves the language out.
    assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    assert "language" not in response
    assert result["status"] == 200, result["body"]
    return result["body"]


def asked(answers):
    return [question.id for question in Journey.of(answers).asked]


@pytest.mark.parametrize("lang", LANGS)
def test_an_emergency_answer_hides_the_rest_and_says_call_now(portal_pages, app_url, lang):
    form = RenderedForm(portal_pages(lang), lang)
    assert form.questionnaire["language"] == lang
    form.answer({"age": "51_to_70"})  # answered before the emergency: hidden with the rest
    assert CALL_NOW not in form.shown([q.id for q in QUESTIONS if q.shown_when is None])
    form.answer({"emergency_signs": ("chest_pain",)})
    assert form.shown(["emergency_signs", CALL_NOW]) == ["emergency_signs", CALL_NOW]
    call_now = form.page.locator(f'[id="item-{CALL_NOW}/1"]').inner_text()
    assert call_now.strip() == form.item_text(CALL_NOW)
    assert form.is_valid()  # nothing is required: a portal that checks lets it through
    result = sent(form)
    assert result["level"] == "emergency"
    assert result == json_assessment(app_url, {"emergency_signs": ("chest_pain",)}, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_an_emergency_at_a_later_question_hides_the_rest(portal_pages, app_url, lang):
    form = RenderedForm(portal_pages(lang), lang)
    form.answer(LATE_EMERGENCY)
    expected = [*LATE_EMERGENCY, CALL_NOW]
    assert form.shown(expected) == expected
    assert form.is_valid()
    result = sent(form)
    assert [rule["id"] for rule in result["rules"]] == ["E-fragility-fracture"]
    assert result == json_assessment(app_url, LATE_EMERGENCY, lang)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("lang", LANGS)
def test_answer_paths_score_like_the_json_api(portal_pages, app_url, lang, path):
    """The Spanish page's browser asks for Spanish (``Accept-Language: es-ES``)."""
    answers = PATHS[path]
    form = RenderedForm(portal_pages(lang), lang)
    form.answer(answers)
    assert form.shown(asked(answers)) == asked(answers)
    result = sent(form)
    assert (result["level"], result["lang"]) == (path, lang)
    assert result == json_assessment(app_url, answers, lang)


def test_an_answer_taken_back_hides_its_follow_up_question(portal_pages, app_url):
    """LHC-Forms keeps the answer of an item it hides in the response it exports; the API
    leaves it out, as the web pages do."""
    answers = PATHS["soon"]
    form = RenderedForm(portal_pages("en"), "en")
    form.answer({**answers, "leg_symptoms": ("numb_tingling",), "leg_sides": "one"})
    form.answer({"leg_symptoms": ("numb_tingling", "none")})  # untick the sign, tick none
    assert form.shown(asked(answers)) == asked(answers)
    assert sent(form) == json_assessment(app_url, answers, "en")


def test_a_spanish_response_gets_spanish_results(portal_pages, app_url):
    """The Spanish form in a browser that asks for English: the response has no language, so
    the portal asks for Spanish with ``?lang=es`` or ``Accept-Language: es``."""
    form = RenderedForm(portal_pages("en"), "es")
    form.answer(PATHS["soon"])
    spanish = json_assessment(app_url, PATHS["soon"], "es")
    assert sent(form) == json_assessment(app_url, PATHS["soon"], "en") != spanish
    assert sent(form, "?lang=es") == spanish
    assert sent(form, headers={"Accept-Language": "es"}) == spanish


@pytest.fixture(scope="module")
def hints():
    """``hints(lang)``: every hint the web pages show, as (question, code or None, text)."""
    app = build_app()

    def of(lang):
        with app.app_context(), force_locale(lang):
            found = []
            for question in QUESTIONS:
                if question.hint:
                    found.append((question.id, None, gettext(question.hint)))
                found += [
                    (question.id, option.code, gettext(option.hint))
                    for option in question.options
                    if option.hint
                ]
            return found

    return of


@pytest.mark.parametrize("lang", LANGS)
def test_every_hint_is_on_the_rendered_form(portal_pages, app_url, hints, lang):
    """A path on which every question is asked, each shown only for some answers: every hint
    is there, a question's behind its help button, an answer's beside its label."""
    form = RenderedForm(portal_pages(lang), lang)
    before = form.shown([q.id for q in QUESTIONS if q.shown_when is None])
    assert "leg_sides" not in before and "pregnancy_signs" not in before
    form.answer(EVERY_QUESTION)
    every = [question.id for question in QUESTIONS]
    assert form.shown(every) == every
    for question_id, code, hint in hints(lang):
        if code is None:
            assert hint in form.help_text(question_id)
        else:
            assert hint in form.option(question_id, code).inner_text()
    assert len(hints(lang)) > 20
    result = sent(form)
    assert result == json_assessment(app_url, EVERY_QUESTION, lang)
