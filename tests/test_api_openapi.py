"""GET /api/v1/openapi.json: generated from the questions, and the API keeps to it
(Schemathesis, run in process against the WSGI app)."""

import schemathesis
from hypothesis import settings
from openapi_spec_validator import OpenAPIV31SpecValidator
from schemathesis.config import SchemathesisConfig

from backcare.triage import QUESTIONS
from backcare.triage.questions import Kind
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES

from .apps import build_app

#: A body that breaks the schema may also be too large, or of the wrong type: 413 and 415
#: refuse it as surely as 400 does (Schemathesis expects 400, 401, 403... but not 413).
REFUSALS = {"checks": {"negative_data_rejection": {"expected-statuses": [400, 413, 415]}}}
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    build_app({"SECRET_KEY": "test-secret"}),
    config=SchemathesisConfig.from_dict(REFUSALS),
)


@schema.parametrize()
@settings(max_examples=25, deadline=None)
def test_the_api_keeps_to_its_openapi_description(case):
    """No server error, every response (problems included) in the schema, schema-valid bodies
    accepted and invalid ones refused."""
    case.call_and_validate()


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
    for question in QUESTIONS:
        if question.shown_when is not None:
            condition = branching[question.id]
            assert condition["required"] == [question.shown_when.question]
            parent_codes = condition["properties"][question.shown_when.question]["enum"]
            assert set(parent_codes) == question.shown_when.codes
    assert set(branching) == {q.id for q in QUESTIONS if q.shown_when is not None}


def test_the_rule_ids_are_the_rules(client):
    assessment = document(client)["components"]["schemas"]["Assessment"]["properties"]
    assert assessment["rules"]["items"]["properties"]["id"]["enum"] == [r.id for r in LEVEL_RULES]
    assert assessment["advice"]["items"]["properties"]["id"]["enum"] == [r.id for r in ADVICE_RULES]
