"""FHIR R4 out: a Bundle of the QuestionnaireResponse and a RiskAssessment, and the CodeSystems."""

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment

from backcare.api.fhir.results import CARE, LEVEL, RULE, code_system_url
from backcare.triage import RULES_VERSION, Care, Level
from backcare.triage.rules import RULES

from .answers import BASELINE, with_answers
from .api_bodies import as_json, post_fhir, post_json, questionnaire_response

FHIR = {"Accept": "application/fhir+json"}


def bundle_of(response):
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/fhir+json"
    body = response.get_json()
    Bundle.model_validate(body)
    assert body["type"] == "collection"
    [qr, risk] = [entry["resource"] for entry in body["entry"]]
    QuestionnaireResponse.model_validate(qr)
    RiskAssessment.model_validate(risk)
    assert risk["basis"] == [{"reference": body["entry"][0]["fullUrl"]}]
    return qr, risk


def codes(concept, system):
    return [c["code"] for c in concept["coding"] if c["system"] == code_system_url(system)]


@pytest.mark.parametrize(
    "answers",
    [
        BASELINE,
        {"emergency_signs": ("chest_pain",)},
        with_answers(pregnant="yes", pregnancy_signs=("bleeding",), duration="under_3_days"),
        with_answers(health=("cancer_treatment",), leg_symptoms=("numb_tingling",)),
    ],
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_json_assessment_as_fhir_says_what_the_json_says(client, answers, lang):
    body = {"answers": as_json(answers), "lang": lang}
    result = post_json(client, body).get_json()
    qr, risk = bundle_of(post_json(client, body, headers=FHIR))
    assert risk["status"] == "final"
    [level, *care] = risk["prediction"]
    assert codes(level["outcome"], LEVEL) == [result["level"]]
    assert level["outcome"]["text"] == result["action"]
    assert [codes(c["outcome"], CARE)[0] for c in care] == (
        [result["care"]] if result["care"] else []
    )
    reasons = risk.get("reasonCode", [])
    assert [codes(r, RULE)[0] for r in reasons] == [rule["id"] for rule in result["rules"]]
    assert [r["text"] for r in reasons] == [rule["reason"] for rule in result["rules"]]
    notes = "\n".join(note["text"] for note in risk.get("note", ()))
    for rule in result["rules"]:
        for source in rule["source"]:
            assert source["url"] in notes
    assert RULES_VERSION in risk["method"]["text"]
    # The answers, as FHIR: the same result again.
    again = post_fhir(client, qr).get_json()
    assert again == result


def test_a_questionnaire_response_comes_back_as_sent(client):
    sent = questionnaire_response(BASELINE)
    sent["subject"] = {"reference": "Patient/123"}
    qr, risk = bundle_of(post_fhir(client, sent, headers=FHIR))
    assert qr == sent
    assert risk["subject"] == {"reference": "Patient/123"}


def test_the_bundle_leaves_out_the_answers_the_assessment_left_out(client):
    """A renderer's answers to items it hid (a changed age leaves the pregnancy answers) are not
    what the result is based on, so the chart's copy of the response does not carry them."""
    answers = with_answers(age="over_70")
    sent = questionnaire_response(answers)
    sent["item"] = [
        {"linkId": "a-group", "item": sent["item"]},
        *questionnaire_response({"pregnant": "yes", "pregnancy_signs": ("pressure",)})["item"],
    ]
    qr, risk = bundle_of(post_fhir(client, sent, headers=FHIR))
    assert qr == {**sent, "item": sent["item"][:1]}  # the group as sent, the hidden items gone
    assert codes(risk["prediction"][0]["outcome"], LEVEL) == [
        post_json(client, {"answers": as_json(answers)}).get_json()["level"]
    ]


def test_json_stays_the_default(client):
    response = post_json(client, {"answers": as_json(BASELINE)}, headers={"Accept": "*/*"})
    assert response.mimetype == "application/json"


@pytest.mark.parametrize(
    ("code_system", "expected"),
    [
        ("backcare-level", [str(level) for level in Level]),
        ("backcare-care", [str(care) for care in Care]),
        ("backcare-rule", [rule.id for rule in RULES]),
    ],
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_code_systems_are_served(client, code_system, expected, lang):
    response = client.get(f"/api/v1/fhir/CodeSystem/{code_system}?lang={lang}")
    assert response.status_code == 200
    assert response.mimetype == "application/fhir+json"
    body = response.get_json()
    CodeSystem.model_validate(body)
    assert body["url"] == code_system_url(code_system)
    assert [concept["code"] for concept in body["concept"]] == expected
    assert all(concept["display"] for concept in body["concept"])
    assert body["version"] == RULES_VERSION


def test_spanish_code_system_displays_are_spanish(client):
    english = client.get("/api/v1/fhir/CodeSystem/backcare-level").get_json()
    spanish = client.get("/api/v1/fhir/CodeSystem/backcare-level?lang=es").get_json()
    assert english["concept"][-1]["display"] == "Get emergency help now"
    assert spanish["concept"][-1]["display"] != english["concept"][-1]["display"]


def test_an_unknown_code_system_is_a_404_problem(client):
    response = client.get("/api/v1/fhir/CodeSystem/emergency")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
