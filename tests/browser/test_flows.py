"""The questionnaire end to end in Chromium against real gunicorn, in both languages, used as a
person uses it: clicking the words of the answers, the buttons and the links."""

import pytest

from backcare.triage import Level
from backcare.triage.levels import LEVEL_TITLES

from ..answers import BASELINE, with_answers
from ..cookies import open_cookie
from ..servers import TEST_SECRET_KEY
from .person import Person, input_id

LANGS = ("en", "es")
#: The browser suite's gunicorn runs in production mode: its cookie is Secure and
#: __Host- prefixed, which Chromium keeps on http://127.0.0.1, a secure context.
COOKIE = "__Host-backcare"


def answers_in_cookie(context) -> dict:
    """The answers the session cookie holds, opened with the server's key (it is sealed: the
    browser itself cannot read them); none without a cookie."""
    cookies = [c for c in context.cookies() if c["name"] == COOKIE]
    if not cookies:
        return {}
    (cookie,) = cookies
    return open_cookie(None, cookie["value"], secret=TEST_SECRET_KEY).get("answers", {})


def test_calm_answers_lead_to_care_at_home(contexts):
    """A whole walk; the tours (tour.py) reach every level in both languages as well."""
    lang = "en"
    page = contexts.page(lang)
    person = Person(page, lang)
    person.walk(BASELINE)
    assert person.result() == ("self_care", "acute", [])
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == person.words(LEVEL_TITLES[Level.SELF_CARE].you)
    # Nothing but the session cookie, holding answer codes only.
    assert [cookie["name"] for cookie in page.context.cookies()] == [COOKIE]
    assert answers_in_cookie(page.context)["severity"] == "mild"


@pytest.mark.parametrize("lang", LANGS)
def test_an_emergency_sign_stops_the_questions_at_once(contexts, lang):
    page = contexts.page(lang)
    person = Person(page, lang)
    person.start()
    person.answer("emergency_signs", ("chest_pain",))
    assert person.path == f"/{lang}/result"
    assert person.result() == ("emergency", None, ["E-chest-pain"])
    assert page.locator("main a[href='tel:911']").count() >= 1
    # A later question sends the person back to the result.
    page.goto(f"/{lang}/q/age")
    assert person.path == f"/{lang}/result"


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_answer_is_explained_then_corrected(contexts, lang):
    page = contexts.page(lang)
    person = Person(page, lang)
    person.start()
    person.click(person.button("Continue"))
    assert page.title().startswith(person.words("Error:"))
    summary = page.locator("[data-error-summary]")
    page.wait_for_function("document.activeElement.matches('[data-error-summary]')")
    assert summary.get_attribute("role") == "alert"
    # The summary's link takes the person to the first choice.
    summary.locator("a").click()
    assert page.evaluate("document.activeElement.id") == "emergency_signs"
    person.tick("emergency_signs", ())
    person.click(person.button("Continue"))
    assert person.question_id == "age"


@pytest.mark.parametrize("lang", LANGS)
def test_change_from_the_check_page_shows_the_answer_and_comes_back(contexts, lang):
    page = contexts.page(lang)
    person = Person(page, lang)
    person.prefill(BASELINE)
    page.goto(f"/{lang}/check")
    person.click(page.locator("main a[href$='/q/severity?change=1']"))
    # The page shows what was chosen, and Back returns to the check page.
    assert page.locator(f"#{input_id('severity', 'mild')}").is_checked()
    assert page.locator(".back-link").get_attribute("href") == f"/{lang}/check"
    person.tick("severity", "moderate")
    person.click(person.button("Continue"))
    assert person.path == f"/{lang}/check"
    assert person.words("Moderate") in page.locator("main").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_start_again_forgets_every_answer(contexts, lang):
    page = contexts.page(lang)
    person = Person(page, lang)
    person.prefill(with_answers(severity="severe"))
    page.goto(f"/{lang}/result")
    person.click(person.button("Start again"))
    assert person.path == f"/{lang}/"
    assert answers_in_cookie(page.context) == {}
    page.goto(f"/{lang}/check")
    assert person.question_id == "emergency_signs"


def test_switching_language_mid_way_keeps_the_answers(contexts):
    page = contexts.page("en")
    person = Person(page, "en")
    person.start()
    for question_id in ("emergency_signs", "age", "first_episode"):
        person.answer(question_id, BASELINE[question_id])
    assert person.question_id == "injury"
    person.click(page.locator(".header__lang"))
    assert page.url.endswith("/es/q/injury")
    assert page.locator("html").get_attribute("lang") == "es"
    spanish = Person(page, "es")
    # Back shows the earlier answer, still chosen, now in Spanish.
    spanish.click(page.locator(".back-link"))
    assert spanish.question_id == "first_episode"
    assert page.locator(f"#{input_id('first_episode', 'no')}").is_checked()
    spanish.click(spanish.button("Continue"))
    spanish.answer_all(BASELINE)
    spanish.see_result()
    assert spanish.result() == ("self_care", "acute", [])
    assert page.locator("h1").inner_text() == spanish.words(LEVEL_TITLES[Level.SELF_CARE].you)
    assert [cookie["name"] for cookie in page.context.cookies()] == [COOKIE]


def test_the_whole_questionnaire_works_without_javascript(contexts):
    page = contexts.page("es", java_script_enabled=False)
    person = Person(page, "es")
    person.walk(with_answers(severity="severe"))
    assert person.result()[0] == "urgent"
    # The print button needs JavaScript, so without it there is none to see.
    assert page.locator("[data-print]").is_hidden()
    assert [cookie["name"] for cookie in page.context.cookies()] == [COOKIE]
    person.click(person.button("Start again"))
    assert person.path == "/es/"
