"""GET /api/v1/openapi.json: generated from the questions, and the API keeps to it
(Schemathesis, run in process against the WSGI app)."""

import pytest
import schemathesis
from hypothesis import settings
from openapi_spec_validator import OpenAPIV31SpecValidator
from schemathesis.config import SchemathesisConfig

from backcare.api.fhir import FHIR_JSON
from backcare.api.schemas.answers import condition_schema
from backcare.api.schemas.cors import EXAMPLE_ORIGIN
from backcare.triage import QUESTIONS, RULES_VERSION, Care
from backcare.triage.questions import Kind
from backcare.triage.rules import ADVICE_RULES, EMERGENCY_RULES, LEVEL_RULES

from .apps import build_app

#: A body that breaks the schema may also be too large, or of the wrong type: 413 and 415
#: refuse it as surely as 400 does (Schemathesis expects 400, 401, 403... but not 413), and an
#: unknown code system in the address is a 404.
REFUSALS = {"checks": {"negative_data_rejection": {"expected-statuses": [400, 404, 413, 415]}}}
#: Schemathesis's coverage phase walks every ``not`` of the branching schemas when the tests are
#: collected (minutes for the v2 branching); the generated phases exercise them instead.
PHASES = {"phases": {"coverage": {"enabled": False}}}
#: A clinic whose portal may call the API from a browser: the description's example origin, so
#: that the examples Schemathesis sends get CORS answers (and others get none).
CLINICS = {"portal": {"name": "Portal Clinic", "api_origins": [EXAMPLE_ORIGIN]}}
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    build_app({"SECRET_KEY": "test-secret", "CLINICS": CLINICS}),
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


@schema.include(path="/api/v1/assessments", method="POST").parametrize()
@settings(max_examples=15, deadline=None)
def test_the_fhir_bundle_keeps_to_its_openapi_description(case):
    """The same, asking for FHIR: the Bundle (and the problems) as described."""
    case.headers = {**(case.headers or {}), "Accept": FHIR_JSON}
    response = case.call()
    if response.status_code == 413:
        return
    case.validate_response(response)


def call_and_check(path: str, method: str, **case):
    """One request, made and checked by Schemathesis against the description."""
    operation = schema[path][method]
    made = operation.Case(**case)
    response = made.call()
    made.validate_response(response)
    return response


def test_an_emergency_as_fhir_is_a_described_bundle():
    response = call_and_check(
        "/api/v1/assessments",
        "POST",
        body={"answers": {"emergency_signs": ["chest_pain"]}},
        media_type="application/json",
        headers={"Accept": FHIR_JSON},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == [FHIR_JSON]
    assert response.json()["resourceType"] == "Bundle"


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/api/v1/assessments", "OPTIONS"),
        ("/api/v1/questionnaire", "OPTIONS"),
        ("/api/v1/fhir/CodeSystem/{code_system_id}", "OPTIONS"),
        ("/api/v1/openapi.json", "OPTIONS"),
    ],
)
def test_a_clinics_preflight_is_answered_as_described_and_no_one_elses(path, method):
    asked = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "accept"}
    ids = {"path_parameters": {"code_system_id": "backcare-level"}} if "{" in path else {}
    answered = call_and_check(path, method, headers={"Origin": EXAMPLE_ORIGIN, **asked}, **ids)
    assert answered.status_code == 204
    assert answered.headers["access-control-allow-origin"] == [EXAMPLE_ORIGIN]
    other = call_and_check(path, method, headers={"Origin": "https://x.example", **asked}, **ids)
    assert other.status_code == 200
    assert not [name for name in other.headers if name.lower().startswith("access-control")]


def test_a_clinics_origin_gets_the_described_cors_header_on_every_address():
    for path, case in (
        ("/api/v1/questionnaire", {"query": {"lang": "es"}}),
        ("/api/v1/fhir/CodeSystem/{code_system_id}", {"path_parameters": {"code_system_id": "x"}}),
        ("/api/v1/openapi.json", {}),
    ):
        response = call_and_check(path, "GET", headers={"Origin": EXAMPLE_ORIGIN}, **case)
        assert response.headers["access-control-allow-origin"] == [EXAMPLE_ORIGIN], path


def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_it_is_valid_openapi_3_1_with_the_four_addresses(client):
    doc = document(client)
    assert doc["openapi"] == "3.1.0"
    OpenAPIV31SpecValidator(doc).validate()
    assert set(doc["paths"]) == {
        "/api/v1/assessments",
        "/api/v1/questionnaire",
        "/api/v1/fhir/CodeSystem/{code_system_id}",
        "/api/v1/openapi.json",
    }
    post = doc["paths"]["/api/v1/assessments"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "application/fhir+json"}
    assert set(post["responses"]["200"]["content"]) == {"application/json", FHIR_JSON}
    for status in ("400", "413", "415"):
        assert set(post["responses"][status]["content"]) == {"application/problem+json"}
    # Every address says it answers a browser's preflight, and which CORS headers it sends.
    for address in doc["paths"].values():
        assert "204" in address["options"]["responses"]
        assert (
            "Access-Control-Allow-Origin"
            in address["get" if "get" in address else "post"]["responses"]["200"]["headers"]
        )
    code_system = doc["paths"]["/api/v1/fhir/CodeSystem/{code_system_id}"]["get"]
    path_id = code_system["parameters"][0]
    assert path_id["schema"]["enum"] == ["backcare-level", "backcare-care", "backcare-rule"]


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
