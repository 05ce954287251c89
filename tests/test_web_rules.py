"""Every rule of version 2 through the pages a person walks, in English and in Spanish: each
fires on its answers and not on its near misses, an emergency stops the questionnaire where it
fires, and a contradiction ("None of these" beside a sign) still counts the sign."""

import pytest

from backcare.triage import QUESTIONS, Journey, Level, assess

from .answers import as_answered, expected_facts, with_answers
from .pages import result_facts
from .questionnaire import Questionnaire
from .rule_cases import FIRES, MISSES

LANGUAGES = ("en", "es")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("rule_id", "changes"), FIRES)
def test_each_rule_fires_through_the_pages(client, lang, rule_id, changes):
    answers = with_answers(**changes)
    soup = Questionnaire(client, lang).walk(answers)
    facts = result_facts(soup)
    assert facts == expected_facts(answers)
    if facts[0] == "emergency" and not rule_id.startswith("E-"):
        return  # the emergency result lists only emergency reasons (the domain tests the rest)
    if rule_id.startswith(("E", "U", "S")):
        assert rule_id in facts[-1]
    else:
        assert soup.select_one(f'[data-advice="{rule_id}"]'), rule_id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("rule_id", "changes"), MISSES)
def test_no_rule_fires_on_its_near_miss_through_the_pages(client, lang, rule_id, changes):
    answers = with_answers(**changes)
    soup = Questionnaire(client, lang).walk(answers)
    assert result_facts(soup) == expected_facts(answers)
    assert not soup.select(f'[data-rule="{rule_id}"], [data-advice="{rule_id}"]'), rule_id


EMERGENCY_CASES = [
    pytest.param(rule_id, changes, id=rule_id)
    for rule_id, changes in dict(
        (rule_id, changes) for rule_id, changes in FIRES if rule_id.startswith("E-")
    ).items()
]


@pytest.mark.parametrize(("rule_id", "changes"), EMERGENCY_CASES)
def test_an_emergency_stops_the_questionnaire_where_it_fires(questionnaire, rule_id, changes):
    answers = with_answers(**changes)
    stop = Journey.of(answers).stopped_at
    assert stop is not None, rule_id
    questionnaire.walk(answers)  # fails if any question after the stop is asked
    asked = list(as_answered(answers))
    assert asked[-1] == stop.id
    later = QUESTIONS[QUESTIONS.index(stop) + 1 :]
    for question in later[:3]:
        response = questionnaire.get(f"/en/q/{question.id}")
        assert response.headers["Location"] == "/en/result", question.id
    soup = questionnaire.soup("/en/result")
    assert soup.find("main")["data-level"] == "emergency"
    assert {item["data-rule"][0] for item in soup.select("[data-rule]")} == {"E"}
    change = soup.find("a", string="Change my answers")
    assert change["href"] == f"/en/q/{stop.id}?change=1"
    call = soup.select_one("a.button--call")
    assert call["href"] == "tel:911" and "911" in call.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("question_id", "sign", "rule_id"),
    [
        ("emergency_signs", "chest_pain", "E-chest-pain"),
        ("leg_symptoms", "numb_tingling", "U-leg-numb-weak"),
        ("warning_signs", "fever", "U-fever"),
        ("health", "osteoporosis", "S-bone-risk"),
    ],
)
def test_none_of_these_beside_a_sign_still_counts_the_sign(
    client, lang, question_id, sign, rule_id
):
    answers = with_answers()
    walker = Questionnaire(client, lang)
    for qid in list(answers)[: list(answers).index(question_id)]:
        response = walker.answer(qid, answers[qid] if isinstance(answers[qid], str) else ["none"])
    response = walker.answer(question_id, ["none", sign])
    assert response.status_code == 302
    expected = with_answers(**{question_id: (sign,)})
    if question_id == "leg_symptoms":
        walker.answer("leg_sides", "one")
        expected = with_answers(leg_symptoms=(sign,), leg_sides="one")
    soup = walker.walk(expected, start=response.headers["Location"])
    assert rule_id in result_facts(soup)[-1]
    assert assess(expected).level >= Level.SOON or rule_id.startswith("E")
