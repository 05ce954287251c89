"""Every page in Spanish, the language switch, and how ``/`` picks a language."""

import re

import polib
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings

from backcare import create_app
from backcare.config import TRANSLATIONS
from backcare.triage import QUESTIONS, QUESTIONS_BY_ID, Level
from backcare.triage.levels import LEVEL_TITLES

from .answers import BASELINE, EVERY_QUESTION, answer_sets, expected_facts, with_answers
from .pages import check_page_quality, result_facts
from .questionnaire import Questionnaire, form_value

PORTAL = "https://portal.sol.example/"
SPANISH = {
    entry.msgid: entry.msgstr
    for entry in polib.pofile(str(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po"))
}


def es(msgid, **values):
    """The Spanish of one of our strings, as the catalog gives it."""
    return SPANISH[msgid] % values if values else SPANISH[msgid]


def english_phrases():
    """Every run of three or more English words in our strings, placeholders and tags cut out."""
    phrases = set()
    for entry in polib.pofile(str(TRANSLATIONS / "messages.pot")):
        for part in re.split(r"%\([a-z_]+\)[sd]|<[^>]+>", entry.msgid):
            part = part.strip(" .,:;“”")
            if len(part.split()) >= 3:
                phrases.add(part)
    return sorted(phrases)


ENGLISH = english_phrases()


def visible_text(soup):
    """What a reader sees (and the title and description), minus what is marked as English:
    English-only link titles, the switch's "English" and the error pages' "English" link."""
    soup = BeautifulSoup(str(soup), "html.parser")
    for marked in soup.select("body [lang=en]"):
        marked.decompose()
    description = soup.find("meta", attrs={"name": "description"})
    return " ".join(
        (soup.title.get_text(), description["content"], soup.body.get_text(" ", strip=True))
    )


def assert_spanish(response, status=200):
    """The page is well formed, in Spanish, and no English string of ours leaks onto it."""
    assert response.status_code == status, response.text[:500]
    check_page_quality(response)
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html["lang"] == "es"
    switch = switch_link(soup)
    assert (switch.get_text(), switch["lang"], switch["hreflang"]) == ("English", "en", "en")
    text = visible_text(soup)
    leaks = [phrase for phrase in ENGLISH if phrase in text]
    assert not leaks, leaks
    assert es("Back pain guide") in soup.title.get_text()
    return soup


def switch_link(soup):
    """The language switch in the page's header."""
    return soup.find("header").find("a", hreflang=True)


def heading(soup):
    return soup.find("h1").get_text(" ", strip=True)


# Every page in Spanish


def test_the_start_page_is_in_spanish(questionnaire_es):
    soup = assert_spanish(questionnaire_es.get("/es/"))
    assert heading(soup) == es("Get advice about back pain")
    start = soup.find("button", string=es("Start now"))
    assert start.find_parent("form")["action"] == "/es/q/emergency_signs"
    assert soup.find("button", string=es("Start for someone else"))
    warning = (
        "If you have chest pain, trouble breathing, or cannot control your bladder or bowels, "
        "call %(number)s now."
    )
    assert es(warning, number="911") in soup.get_text()


def test_every_question_page_and_its_error_state_is_in_spanish(questionnaire_es):
    answers = EVERY_QUESTION
    assert set(answers) == {q.id for q in QUESTIONS}, "every question is asked"
    for question in QUESTIONS:
        path = f"/es/q/{question.id}"
        soup = assert_spanish(questionnaire_es.get(path))
        assert heading(soup) == es(question.title)
        labels = [label.get_text(strip=True) for label in soup.select("fieldset label")]
        assert labels == [es(option.label) for option in question.options]

        soup = assert_spanish(questionnaire_es.post(path, {}))
        assert soup.title.get_text().startswith("Error: " + es(question.title))
        assert soup.find(attrs={"role": "alert"}).find("h2").get_text() == es("There is a problem")
        # only our own message: none of WTForms' built-in (English) ones
        assert [a.get_text() for a in soup.find(attrs={"role": "alert"}).find_all("a")] == [
            es(question.error)
        ]

        answer = form_value(question.id, answers[question.id])
        response = questionnaire_es.answer(question.id, answer)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/es/")


def test_the_check_page_is_in_spanish(questionnaire_es):
    questionnaire_es.walk(BASELINE)
    soup = assert_spanish(questionnaire_es.get("/es/check"))
    assert heading(soup) == es("Check your answers")
    keys = [key.get_text(strip=True) for key in soup.select("dl dt")]
    assert keys == [es(question.summary_label) for question in QUESTIONS if question.id in BASELINE]
    assert soup.select_one("dl dd a").get_text(" ", strip=True).startswith(es("Change"))


@pytest.mark.parametrize(
    ("answers", "level", "title"),
    [
        ({"emergency_signs": ("major_trauma",)}, "emergency", LEVEL_TITLES[Level.EMERGENCY].you),
        (with_answers(severity="severe"), "urgent", LEVEL_TITLES[Level.URGENT].you),
        (with_answers(injury="strain"), "soon", LEVEL_TITLES[Level.SOON].you),
        (with_answers(duration="over_3_months"), "self_care", LEVEL_TITLES[Level.SELF_CARE].you),
    ],
)
def test_each_result_level_is_in_spanish(questionnaire_es, answers, level, title):
    questionnaire_es.walk(answers)
    soup = assert_spanish(questionnaire_es.get("/es/result"))
    assert soup.find("main")["data-level"] == level
    assert heading(soup) == es(title)
    text = soup.get_text(" ", strip=True)
    assert es("Start again") in text
    if level == "emergency":
        assert "Llame al 911" in text and "sala de emergencias" in text
        assert es("What to tell them") in text
    else:
        assert es("What you can do") in text


def test_a_clinic_visit_is_in_spanish():
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "CLINICS": {"sol": {"name": "Clínica Sol", "phone": "555 0100", "portal_url": PORTAL}},
        }
    )
    questionnaire = Questionnaire(app.test_client(), lang="es")
    questionnaire.get("/es/?clinic=sol")
    questionnaire.walk(with_answers(injury="strain"))
    soup = assert_spanish(questionnaire.get("/es/result"))
    call = es("Call %(clinic)s on %(phone)s.", clinic="Clínica Sol", phone="555 0100")
    assert call in soup.find("main").get_text()
    assert soup.find("a", href=PORTAL).get_text() == es("Back to %(clinic)s", clinic="Clínica Sol")


def test_the_result_gives_every_reason_and_advice_in_spanish(questionnaire_es):
    soup = questionnaire_es.walk(
        with_answers(
            injury="fall_or_blow",
            duration="over_3_months",
            trend="suddenly_much_worse",
            leg_symptoms=("pain_below_knee",),
            warning_signs=("night_pain",),
            health=("osteoporosis",),
            pregnant="not_sure",
            bed_rest="over_2_days",
        )
    )
    assert_spanish(questionnaire_es.get("/es/result"))
    from backcare.triage.rules import RULES_BY_ID

    for item in soup.select("[data-rule], [data-advice]"):
        rule = RULES_BY_ID[item.get("data-rule") or item["data-advice"]]
        reasons = {
            es(reason, emergency_number="911")
            for reason in (rule.reason, *(variant.reason for variant in rule.variants))
        }
        assert any(reason in item.get_text(" ", strip=True) for reason in reasons), rule.id


def test_the_resources_page_is_in_spanish(questionnaire_es):
    soup = assert_spanish(questionnaire_es.get("/es/resources"))
    assert heading(soup) == es("Back pain resources")
    text = soup.find("main").get_text(" ", strip=True)
    assert "Enciclopedia médica" in text
    assert "Medical Encyclopedia" not in text


def test_the_about_page_is_in_spanish(questionnaire_es):
    soup = assert_spanish(questionnaire_es.get("/es/about"))
    assert heading(soup) == es("How this guide works")
    assert soup.find(id="privacy").get_text() == es("Your privacy")


def test_a_missing_page_is_a_spanish_404_with_links_to_both_languages(client):
    soup = assert_spanish(client.get("/es/no-such-page"), status=404)
    assert heading(soup) == es("Page not found")
    links = {a["href"] for a in soup.select("main a")}
    assert {"/en/", "/es/"} <= links


def test_an_unknown_question_is_a_spanish_404(client):
    soup = assert_spanish(client.get("/es/q/favourite_colour"), status=404)
    assert heading(soup) == es("Page not found")


def test_an_expired_form_gets_the_spanish_csrf_page_and_keeps_answers(questionnaire_es):
    questionnaire_es.answer("emergency_signs", ["none"])
    response = questionnaire_es.client.post("/es/q/age", data={"age": "51_to_70"})
    soup = assert_spanish(response, status=400)
    assert heading(soup) == es("This page was open for too long")
    assert soup.find("main").find("a", string=es("Go back and answer again"))["href"] == "/es/q/age"
    assert switch_link(soup)["href"] == "/en/q/age"


def test_an_expired_start_again_form_switches_to_a_page_that_exists(questionnaire_es):
    soup = assert_spanish(questionnaire_es.client.post("/es/start-again"), status=400)
    assert switch_link(soup)["href"] == "/en/"


def test_a_tampered_form_gets_a_spanish_400_naming_the_question(questionnaire_es):
    questionnaire_es.answer("emergency_signs", ["none"])
    response = questionnaire_es.post("/es/q/age", {"age": "ancient"})
    soup = assert_spanish(response, status=400)
    assert heading(soup) == es("Something was wrong with what was sent")
    question = es(QUESTIONS_BY_ID["age"].title)
    message = es("The answer sent for “%(question)s” is not one of its choices.", question=question)
    assert message in soup.get_text()


def test_a_bad_request_never_shows_werkzeugs_english_description(app):
    @app.get("/es/bad-request-for-test")
    def bad_request():
        from flask import abort

        abort(400)

    soup = assert_spanish(app.test_client().get("/es/bad-request-for-test"), status=400)
    assert heading(soup) == es("Something was wrong with what was sent")
    assert "browser" not in soup.get_text()


def test_a_wrong_method_and_a_too_large_form_get_spanish_pages(questionnaire_es):
    soup = assert_spanish(questionnaire_es.get("/es/start-again"), status=405)
    assert heading(soup) == es("This page cannot be used that way")
    soup = assert_spanish(questionnaire_es.post("/es/q/age", {"age": "x" * 20_000}), status=413)
    assert heading(soup) == es("What was sent is too large")


def test_an_unexpected_failure_gets_a_spanish_500(app):
    @app.get("/es/failure-for-test")
    def failure():
        raise RuntimeError("boom")

    soup = assert_spanish(app.test_client().get("/es/failure-for-test"), status=500)
    assert heading(soup) == es("Sorry, something went wrong")


# The language switch keeps the person's place and answers


def test_switching_mid_way_keeps_the_answers_and_the_place(questionnaire):
    answers = with_answers(warning_signs=("night_pain",), activities=("sports",))
    first_three = [question.id for question in QUESTIONS[:3]]
    for question_id in first_three:
        response = questionnaire.answer(question_id, form_value(question_id, answers[question_id]))
        assert response.status_code == 302
    page = questionnaire.soup(response.headers["Location"])
    assert page.find("h1").get_text(strip=True) == QUESTIONS[3].title
    switch = switch_link(page)
    assert (switch["href"], switch["hreflang"], switch.get_text()) == (
        f"/es/q/{QUESTIONS[3].id}",
        "es",
        "Español",
    )

    spanish = Questionnaire(questionnaire.client, lang="es")
    soup = assert_spanish(spanish.get(switch["href"]))
    assert heading(soup) == es(QUESTIONS[3].title)
    rest = {qid: answer for qid, answer in answers.items() if qid not in first_three}
    result = spanish.walk(rest, start=switch["href"])  # fails if asked an earlier question
    assert result.html["lang"] == "es"
    assert result_facts(result) == expected_facts(answers)


def test_switching_on_the_result_shows_the_same_result(questionnaire_es):
    answers = with_answers(leg_symptoms=("numb_tingling",))
    spanish = questionnaire_es.walk(answers)
    switch = switch_link(spanish)["href"]
    assert switch == "/en/result"
    english = Questionnaire(questionnaire_es.client).soup(switch)
    assert english.html["lang"] == "en"
    assert result_facts(english) == result_facts(spanish) == expected_facts(answers)


def test_switching_while_changing_an_answer_keeps_the_change_link(questionnaire_es):
    questionnaire_es.walk(BASELINE)
    soup = questionnaire_es.soup("/es/q/severity?change=1")
    assert switch_link(soup)["href"] == "/en/q/severity?change=1"
    assert soup.find(class_="back-link")["href"] == "/es/check"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=answer_sets())
def test_both_languages_give_the_same_result_for_the_same_answers(app, answers):
    english = Questionnaire(app.test_client()).walk(answers)
    spanish = Questionnaire(app.test_client(), lang="es").walk(answers)
    assert (english.html["lang"], spanish.html["lang"]) == ("en", "es")
    assert result_facts(spanish) == result_facts(english) == expected_facts(answers)


# How / picks a language


@pytest.mark.parametrize(
    ("header", "query", "expected"),
    [
        (None, "", "/en/"),
        ("es", "", "/es/"),
        ("es-MX", "", "/es/"),
        ("es-419", "", "/es/"),
        ("es-419,es;q=0.9,en;q=0.8", "", "/es/"),
        ("en-GB", "", "/en/"),
        ("fr", "", "/en/"),
        ("fr-CA,fr;q=0.9,es;q=0.5", "", "/es/"),
        ("en-GB", "?lang=es", "/es/"),
        ("es-MX", "?lang=en", "/en/"),
        ("es-MX", "?lang=fr", "/es/"),
    ],
)
def test_the_root_picks_the_language(client, header, query, expected):
    headers = {"Accept-Language": header} if header else {}
    response = client.get("/" + query, headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_an_unknown_language_prefix_is_a_404_with_links_to_both_languages(client):
    response = client.get("/fr/")
    assert response.status_code == 404
    check_page_quality(response)
    soup = BeautifulSoup(response.text, "html.parser")
    links = {(a["href"], a.get("hreflang")) for a in soup.select("main a")}
    assert {("/en/", "en"), ("/es/", "es")} <= links
    assert client.get("/fr/q/age").status_code == 404


def test_the_switch_link_keeps_the_address_prefix_and_the_change_flag(client):
    """Served under a prefix (SCRIPT_NAME), the switch goes to the same page under it."""
    under = "http://localhost/backcare/"
    soup = BeautifulSoup(
        client.get("/es/q/emergency_signs?change=1", base_url=under).text, "html.parser"
    )
    assert switch_link(soup)["href"] == "/backcare/en/q/emergency_signs?change=1"
    soup = BeautifulSoup(client.get("/en/", base_url=under).text, "html.parser")
    assert switch_link(soup)["href"] == "/backcare/es/"


def test_the_switch_link_on_an_unknown_question_is_a_clean_address(client):
    response = client.get("/es/q/a%20b%3C%22x")
    assert response.status_code == 404
    href = switch_link(BeautifulSoup(response.text, "html.parser"))["href"]
    assert href == "/en/q/a%20b%3C%22x"
