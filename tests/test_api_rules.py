"""Every rule of version 2 through the JSON API and through a FHIR QuestionnaireResponse: each
fires on its answers and not on its near misses, exactly as ``assess`` says, in both
languages."""

import pytest

from backcare.triage import assess

from .answers import as_answered, with_answers
from .api_bodies import as_json, post_fhir, post_json, questionnaire_response
from .rule_cases import FIRES, MISSES


def fired(result) -> set[str]:
    return {rule["id"] for rule in result["rules"]} | {item["id"] for item in result["advice"]}


def expected(answers) -> set[str]:
    assessment = assess(as_answered(answers))
    return set(assessment.rule_ids) | {finding.rule.id for finding in assessment.advice}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("rule_id", "changes"), FIRES)
def test_each_rule_fires_through_the_api(client, lang, rule_id, changes):
    answers = with_answers(**changes)
    response = post_json(client, {"answers": as_json(answers), "lang": lang})
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert fired(result) == expected(answers)
    if result["level"] != "emergency" or rule_id.startswith("E-"):
        assert rule_id in fired(result)
    fhir = post_fhir(client, questionnaire_response(answers, lang))
    assert fhir.get_json() == result


@pytest.mark.parametrize(("rule_id", "changes"), MISSES)
def test_no_rule_fires_on_its_near_miss_through_the_api(client, rule_id, changes):
    answers = with_answers(**changes)
    result = post_json(client, {"answers": as_json(answers)}).get_json()
    assert fired(result) == expected(answers)
    assert rule_id not in fired(result)
