"""GET /api/v1/openapi.json: generated from the questions, and the API keeps to it
(Schemathesis, run in process against the WSGI app)."""

import schemathesis
from hypothesis import settings
from openapi_spec_validator import OpenAPIV31SpecValidator
from schemathesis.config import SchemathesisConfig

from backcare.api.schemas.answers import condition_schema
from backcare.triage import QUESTIONS, RULES_VERSION, Care
from backcare.triage.questions import Kind
from backcare.triage.rules import ADVICE_RULES, EMERGENCY_RULES, LEVEL_RULES

from .apps import build_app

#: A body that breaks the schema may also be too large, or of the wrong type: 413 and 415
#: refuse it as surely as 400 does (Schemathesis expects 400, 401, 403... but not 413).
REFUSALS = {"checks": {"negative_data_rejection": {"expected-statuses": [400, 413, 415]}}}
#: Schemathesis's coverage phase walks every ``not`` of the branching schemas when the tests are
#: collected (minutes for the v2 branching); the generated phases exercise them instead.
PHASES = {"phases": {"coverage": {"enabled": False}}}
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    build_app({"SECRET_KEY": "test-secret"}),
    config=SchemathesisConfig.from_dict({**REFUSALS, **PHASES}),
)


@schema.parametrize()
@settings(max_examples=25, deadline=None)
def test_the_api_keeps_to_its_openapi_description(case):
    """No server error, every response (problems included) in the schema, schema-valid bodies
    accepted and invalid ones refused. A body over the size limit (Hypothesis can make huge
    ones) is refused with a 413 whatever it holds: a valid rejection, checked no further."""
    response = case.call()
    if response.status_code == 413:
        return
    case.validate_response(response)


def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_it_is_valid_openapi_3_1_with_the_three_addresses(client):
    doc = document(client)
    assert doc["openapi"] == "3.1.0"
    OpenAPIV31SpecValidator(doc).validate()
    assert set(doc["paths"]) == {
        "/api/v1/assessments",
        "/api/v1/questionnaire",
        "/api/v1/openapi.json",
    }
    post = doc["paths"]["/api/v1/assessments"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "application/fhir+json"}
    for status in ("400", "413", "415"):
        assert set(post["responses"][status]["content"]) == {"application/problem+json"}


def test_the_answer_codes_are_the_questions_codes(client):
    answers = document(client)["components"]["schemas"]["Answers"]
    assert set(answers["properties"]) == {question.id for question in QUESTIONS}
    for question in QUESTIONS:
        answer = answers["properties"][question.id]
        codes = answer["enum"] if question.kind is Kind.RADIO else answer["items"]["enum"]
        assert codes == [option.code for option in question.options]
    assert answers["required"] == [q.id for q in QUESTIONS if q.shown_when is None]
    branching = {rule["then"]["required"][0]: rule["if"] for rule in answers["allOf"]}
    assert set(branching) == {q.id for q in QUESTIONS if q.shown_when is not None}
    for question in QUESTIONS:
        if question.shown_when is not None:
            assert branching[question.id] == condition_schema(question.shown_when)
    assert branching["pregnant"] == {
        "properties": {"age": {"enum": ["5_to_17", "18_to_50"]}},
        "required": ["age"],
    }
    assert branching["leg_sides"] == {
        "properties": {
            "leg_symptoms": {
                "type": "array",
                "contains": {"enum": ["pain_below_knee", "numb_tingling", "weakness"]},
            }
        },
        "required": ["leg_symptoms"],
    }
    assert (
        "`severity` is `severe` and `injury` is one of: `none`, `strain`"
        in (answers["properties"]["onset"]["description"])
    )


def test_the_emergency_request_is_every_emergency_rule(client):
    schemas = document(client)["components"]["schemas"]
    emergency = schemas["EmergencyRequest"]["properties"]["answers"]["anyOf"]
    assert [branch["title"] for branch in emergency] == [rule.id for rule in EMERGENCY_RULES]
    fhir = schemas["FhirEmergencyResponse"]["properties"]["item"]["anyOf"]
    assert [branch["title"] for branch in fhir] == [rule.id for rule in EMERGENCY_RULES]


def test_the_result_names_care_and_the_rules_version(client):
    schemas = document(client)["components"]["schemas"]
    assessment = schemas["Assessment"]
    assert {"care", "rules_version"} <= set(assessment["required"])
    assert assessment["properties"]["care"]["enum"] == [*(c.value for c in Care), None]
    assert assessment["properties"]["rules_version"] == {
        "const": RULES_VERSION,
        "description": assessment["properties"]["rules_version"]["description"],
    }
    questionnaire = schemas["QuestionnaireResponse"]["properties"]["questionnaire"]
    assert questionnaire["enum"][1].endswith("|" + RULES_VERSION)


def test_the_rule_ids_are_the_rules(client):
    assessment = document(client)["components"]["schemas"]["Assessment"]["properties"]
    assert assessment["rules"]["items"]["properties"]["id"]["enum"] == [r.id for r in LEVEL_RULES]
    assert assessment["advice"]["items"]["properties"]["id"]["enum"] == [r.id for r in ADVICE_RULES]
