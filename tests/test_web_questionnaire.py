"""The questionnaire as a person meets it: real HTTP through the test client, read as HTML."""

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings

from backcare.triage import QUESTIONS

from .answers import BASELINE, answer_sets, expected_facts, with_answers
from .pages import result_facts
from .questionnaire import Questionnaire, form_value


def test_root_redirects_to_english(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/"


def test_start_page_links_to_the_first_question(questionnaire):
    soup = questionnaire.soup("/en/")
    start = soup.find("button", string=re.compile("Start now"))
    assert start.find_parent("form")["action"] == "/en/q/emergency_signs"
    assert (start["name"], start["value"]) == ("answering_for", "myself")
    assert "do not keep your answers" in soup.get_text()


def test_healthz_answers_without_a_session(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({}, "self_care"),
        ({"injury": "strain"}, "soon"),
        ({"severity": "severe"}, "urgent"),
        ({"health": ("cancer_history",), "leg_symptoms": ("weakness",)}, "emergency"),
    ],
)
def test_each_level_through_the_pages(questionnaire, changes, level):
    answers = with_answers(**changes)
    soup = questionnaire.walk(answers)
    assert result_facts(soup) == expected_facts(answers)
    assert result_facts(soup)[0] == level


def test_an_emergency_sign_stops_at_once_and_skips_the_check_page(questionnaire):
    response = questionnaire.answer("emergency_signs", ["chest_pain"])
    assert response.headers["Location"] == "/en/result"
    soup = questionnaire.soup("/en/result")
    assert result_facts(soup) == ("emergency", None, None, "2", ["E-chest-pain"])
    assert not soup.find("main").has_attr("data-pain-type")
    assert "Call 911" in soup.get_text()
    # nothing else is asked: a later question sends the person back to the result
    assert questionnaire.get("/en/q/age").headers["Location"] == "/en/result"


def test_none_ticked_with_a_sign_counts_the_sign(questionnaire):
    response = questionnaire.answer("emergency_signs", ["none", "both_legs"])
    assert response.headers["Location"] == "/en/result"
    assert result_facts(questionnaire.soup("/en/result"))[0] == "emergency"


def test_missing_answer_shows_an_error_summary_linking_to_the_first_option(questionnaire):
    response = questionnaire.post("/en/q/emergency_signs", {})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.title.string.startswith("Error: ")
    summary = soup.find(attrs={"role": "alert"})
    link = summary.find("a")
    assert link["href"] == "#emergency_signs-fieldset"  # the legend comes into view
    assert soup.find(id="emergency_signs-fieldset").name == "fieldset"
    assert soup.find(id="emergency_signs")["type"] == "checkbox"
    assert "None of these" in link.get_text()
    message = soup.find(class_="error-message")
    assert message["id"] in soup.find("fieldset")["aria-describedby"]


def test_question_pages_have_a_legend_heading_and_no_preselected_answer(questionnaire):
    soup = questionnaire.soup("/en/q/emergency_signs")
    legend = soup.find("legend")
    assert (
        legend.find("h1").get_text(strip=True)
        == "Do you have any of these along with your back pain?"
    )
    assert "Question 1 of 17" in legend.get_text()  # every question may still be asked
    assert not soup.find("input", checked=True)
    assert {i["name"] for i in soup.find_all("input", type="checkbox")} == {"emergency_signs"}
    values = [i["value"] for i in soup.find_all("input", type="checkbox")]
    assert values == [o.code for o in QUESTIONS[0].options]


def test_question_count_stays_honest_with_branching(questionnaire):
    questionnaire.answer("emergency_signs", ["none"])
    questionnaire.answer("age", "over_70")  # no pregnancy or morning stiffness questions
    soup = questionnaire.soup("/en/q/first_episode")
    assert "Question 3 of 14" in soup.find("legend").get_text()


def test_the_leg_sides_question_is_skipped_without_a_leg_symptom(questionnaire):
    answers = with_answers()
    for qid in list(answers)[: list(answers).index("leg_symptoms")]:
        questionnaire.answer(qid, form_value(qid, answers[qid]))
    response = questionnaire.answer("leg_symptoms", ["none"])
    assert response.headers["Location"] == "/en/q/warning_signs"
    assert questionnaire.get("/en/q/leg_sides").headers["Location"] == "/en/q/warning_signs"


def test_pregnancy_questions_follow_the_branching(questionnaire):
    answers = with_answers(pregnant="not_sure", pregnancy_signs=("bleeding",))
    soup = questionnaire.walk(answers)
    assert "U-pregnancy-signs" in result_facts(soup)[-1]
    child = Questionnaire(questionnaire.client.application.test_client())
    soup = child.walk(with_answers(age="under_5"))  # never asked whether pregnant
    assert result_facts(soup)[0] == "urgent"


def test_opening_a_later_question_early_goes_to_the_first_unanswered(questionnaire):
    questionnaire.answer("emergency_signs", ["none"])
    response = questionnaire.get("/en/q/severity")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/q/age"
    assert questionnaire.get("/en/result").headers["Location"] == "/en/q/age"
    assert questionnaire.get("/en/check").headers["Location"] == "/en/q/age"


def test_back_links_go_to_the_previous_question(questionnaire):
    assert questionnaire.soup("/en/q/emergency_signs").find(class_="back-link")["href"] == "/en/"
    questionnaire.answer("emergency_signs", ["none"])
    assert (
        questionnaire.soup("/en/q/age").find(class_="back-link")["href"] == "/en/q/emergency_signs"
    )


def test_going_back_shows_the_earlier_answer(questionnaire):
    questionnaire.answer("emergency_signs", ["none"])
    questionnaire.answer("age", "51_to_70")
    soup = questionnaire.soup("/en/q/age")
    assert soup.find("input", checked=True)["value"] == "51_to_70"


def test_check_page_lists_every_answer_with_change_links_back_to_it(questionnaire):
    questionnaire.walk(BASELINE)
    soup = questionnaire.soup("/en/check")
    links = [a["href"] for a in soup.select(".summary__action a")]
    assert links == [f"/en/q/{qid}?change=1" for qid in BASELINE]
    change = questionnaire.soup("/en/q/severity?change=1")
    assert change.find(class_="back-link")["href"] == "/en/check"
    response = questionnaire.answer("severity", "severe", change=True)
    assert response.headers["Location"] == "/en/q/onset?change=1"  # asked when severe
    response = questionnaire.answer("onset", "gradual", change=True)
    assert response.headers["Location"] == "/en/check"
    assert "Severe" in questionnaire.soup("/en/check").get_text()


def test_a_change_that_opens_a_new_question_asks_it_then_returns_to_check(questionnaire):
    questionnaire.walk(with_answers(duration="under_3_days"))
    response = questionnaire.answer("duration", "over_3_months", change=True)
    assert response.headers["Location"] == "/en/q/morning_stiffness?change=1"
    response = questionnaire.answer("morning_stiffness", "no", change=True)
    assert response.headers["Location"] == "/en/check"
    soup = questionnaire.soup("/en/result")
    assert result_facts(soup) == expected_facts(
        with_answers(duration="over_3_months", morning_stiffness="no")
    )


def test_start_again_clears_the_answers(questionnaire):
    questionnaire.walk(BASELINE)
    response = questionnaire.post("/en/start-again", {})
    assert response.headers["Location"] == "/en/"
    assert questionnaire.get("/en/result").headers["Location"] == "/en/q/emergency_signs"


# The session cookie's flags, contents and lifetime: tests/test_security_cookies.py.


def test_pages_showing_answers_are_not_cached(questionnaire):
    questionnaire.walk(BASELINE)
    for path in ("/en/q/age", "/en/check", "/en/result"):
        assert questionnaire.get(path).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "data",
    [
        {"age": "ancient"},
        {"age": "chest_pain"},
        {"age": ["51_to_70", "under_5"]},
        {"age": "51_to_70", "favourite_colour": "blue"},
    ],
)
def test_a_tampered_form_is_refused_with_400_and_does_not_advance(questionnaire, data):
    questionnaire.answer("emergency_signs", ["none"])
    response = questionnaire.post("/en/q/age", data)
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert questionnaire.get("/en/q/first_episode").headers["Location"] == "/en/q/age"


def test_a_tampered_checkbox_names_the_question(questionnaire):
    response = questionnaire.post("/en/q/emergency_signs", {"emergency_signs": ["51_to_70"]})
    assert response.status_code == 400
    assert "Do you have any of these along with your back pain?" in response.text


def test_a_form_sent_after_the_session_ended_says_the_answers_were_cleared(client):
    response = client.post("/en/q/age", data={"age": "51_to_70", "csrf_token": "old"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.find("h1").get_text() == "Your answers were cleared"
    assert "cleared after an hour" in soup.find("main").get_text()
    assert "still saved" not in response.text
    assert soup.find("main").find("a", class_="button")["href"] == "/en/"


@pytest.mark.parametrize("token", [None, "not-a-token"])
def test_a_missing_or_wrong_csrf_token_gets_a_friendly_page_and_keeps_answers(questionnaire, token):
    questionnaire.answer("emergency_signs", ["none"])
    data = {"age": "51_to_70"} | ({"csrf_token": token} if token else {})
    response = questionnaire.client.post("/en/q/age", data=data)
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    assert "open for too long" in soup.find("h1").get_text()
    assert soup.find("a", class_="button")["href"] == "/en/q/age"
    assert questionnaire.get("/en/q/first_episode").headers["Location"] == "/en/q/age"


def test_unknown_question_is_a_friendly_404(client):
    response = client.get("/en/q/favourite_colour")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_about_lists_every_rule_from_the_rule_table(questionnaire):
    from backcare.triage.rules import RULES

    soup = questionnaire.soup("/en/about")
    # Every rule in words for patients, with no code among them; the codes, in the same order,
    # only in the part for clinics, marked as code, beside the code system that defines them.
    assert [li.small.previous_sibling.strip() for li in soup.select("main .rules li")] == [
        rule.summary for rule in RULES
    ]
    assert not soup.select("main .rules code")
    clinics = soup.select_one("main details.rule-codes")
    assert [code.get_text() for code in clinics.select("code")] == [r.id for r in RULES]
    code_system = questionnaire.client.get(clinics.a["href"]).get_json()
    assert {concept["code"] for concept in code_system["concept"]} == {r.id for r in RULES}
    spanish = questionnaire.soup("/es/about").select_one("main details.rule-codes a")
    assert questionnaire.client.get(spanish["href"]).get_json()["language"] == "es"
    assert "not give a diagnosis" in soup.get_text()
    assert soup.find(id="privacy")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=answer_sets())
def test_walking_the_pages_gives_what_assess_gives(app, answers):
    soup = Questionnaire(app.test_client()).walk(answers)
    assert result_facts(soup) == expected_facts(answers)
