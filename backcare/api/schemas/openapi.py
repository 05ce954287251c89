"""The OpenAPI 3.1 description of the API, built from the same question definitions as the
API's checks, so that it can never be a stale hand copy."""

from functools import cache
from typing import Any

from backcare.api.fhir import FHIR_JSON
from backcare.api.fhir.results import CODE_SYSTEMS
from backcare.api.problems import PROBLEM_JSON
from backcare.api.schemas import answers, cors, fhir, fhir_results, response_bodies
from backcare.i18n import LANGUAGES
from backcare.triage import RULES_VERSION

DESCRIPTION = """\
backcare's questionnaire and triage rules for back pain, for clinics' systems.

Send the answers, as codes, to `POST /api/v1/assessments`, either as JSON or as a FHIR R4
`QuestionnaireResponse` to the `Questionnaire` at `GET /api/v1/questionnaire` (its
`questionnaire` our url, or `url|version`), and get back the level (what to do), where to go
(`care`), the pain type, the rules version, every rule that fired with its reason and sources,
advice and reading, in English or Spanish.

Every question the branching asks must be answered, and no other: each answer's description
says when its question is asked.

With `Accept: application/fhir+json` the assessment comes back as a FHIR R4 `Bundle` of the
`QuestionnaireResponse` and a `RiskAssessment`, coded with backcare's own code systems
(`GET /api/v1/fhir/CodeSystem/{id}`).

The API is stateless: no sign-up, no key, no cookie, no CSRF token, and nothing sent is kept.
An emergency is never delayed by a validation error: see `EmergencyRequest`.

A clinic's web pages may call it from a browser once the clinic's profile lists their origin in
`api_origins`: those origins, and only those, get CORS headers and preflight answers (`OPTIONS`),
never with credentials.
"""

CODE_SYSTEM_ID = {"name": "code_system_id", "in": "path", "required": True}
LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": list(LANGUAGES), "default": "en"},
}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": cors.response_headers(),
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _ok(description: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "headers": cors.response_headers(), "content": content}


def _schema(name: str) -> dict[str, Any]:
    return {"schema": {"$ref": f"#/components/schemas/{name}"}}


def _paths() -> dict[str, Any]:
    return {
        "/api/v1/assessments": {
            "post": {
                "operationId": "createAssessment",
                "summary": "Assess a set of answers",
                "parameters": [cors.ORIGIN],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "anyOf": [
                                    {"$ref": "#/components/schemas/AssessmentRequest"},
                                    {"$ref": "#/components/schemas/EmergencyRequest"},
                                ]
                            },
                            "example": {"answers": {"emergency_signs": ["chest_pain"]}},
                        },
                        FHIR_JSON: {
                            "schema": {
                                "anyOf": [
                                    {"$ref": "#/components/schemas/QuestionnaireResponse"},
                                    {"$ref": "#/components/schemas/FhirEmergencyResponse"},
                                ]
                            }
                        },
                    },
                },
                "responses": {
                    "200": _ok(
                        "The assessment, sent with `Cache-Control: no-store`: backcare's JSON, "
                        "or with `Accept: application/fhir+json` a FHIR R4 Bundle.",
                        {"application/json": _schema("Assessment"), FHIR_JSON: _schema("Bundle")},
                    ),
                    "400": _problem(
                        "The body is not valid JSON, or does not fit the questionnaire: "
                        "`errors` names every problem and the question it is about."
                    ),
                    "413": _problem("The body is larger than the limit (16 KiB by default)."),
                    "415": _problem("The body is neither JSON nor FHIR JSON."),
                },
            },
            "options": cors.preflight("preflightAssessments"),
        },
        "/api/v1/questionnaire": {
            "get": {
                "operationId": "getQuestionnaire",
                "summary": "The questionnaire as a FHIR R4 Questionnaire",
                "parameters": [
                    {
                        **LANG,
                        "description": "The language of the text; every text also carries its "
                        "translation into the other language (FHIR translation extension).",
                    },
                    cors.ORIGIN,
                ],
                "responses": {
                    "200": _ok("The Questionnaire.", {FHIR_JSON: _schema("Questionnaire")}),
                    "400": _problem("`lang` is neither `en` nor `es`."),
                },
            },
            "options": cors.preflight("preflightQuestionnaire"),
        },
        "/api/v1/fhir/CodeSystem/{code_system_id}": {
            "get": {
                "operationId": "getCodeSystem",
                "summary": "One of backcare's code systems as a FHIR R4 CodeSystem",
                "description": "The codes of the Bundle's RiskAssessment: `backcare-level` (what "
                "to do), `backcare-care` (a better place to go), `backcare-rule` (the rules). "
                "Their `version` is the rules version.",
                "parameters": [
                    {**CODE_SYSTEM_ID, "schema": {"type": "string", "enum": list(CODE_SYSTEMS)}},
                    {**LANG, "description": "The language of the displays."},
                    cors.ORIGIN,
                ],
                "responses": {
                    "200": _ok("The CodeSystem.", {FHIR_JSON: _schema("CodeSystem")}),
                    "400": _problem("`lang` is neither `en` nor `es`."),
                    "404": _problem("There is no code system of that id."),
                },
            },
            "options": cors.preflight(
                "preflightCodeSystem", {**CODE_SYSTEM_ID, "schema": {"type": "string"}}
            ),
        },
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This description",
                "parameters": [cors.ORIGIN],
                "responses": {
                    "200": _ok(
                        "The OpenAPI 3.1 document.",
                        {"application/json": {"schema": {"type": "object"}}},
                    )
                },
            },
            "options": cors.preflight("preflightOpenApi"),
        },
    }


@cache
def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document (the same for every request, so built once)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "backcare API",
            "version": f"1.0.0+rules.{RULES_VERSION}",
            "description": DESCRIPTION,
        },
        "paths": _paths(),
        "components": {
            "schemas": {
                "Answers": answers.answers_schema(),
                "Language": answers.language_schema(),
                "AssessmentRequest": answers.assessment_request_schema(),
                "EmergencyRequest": answers.emergency_request_schema(),
                "QuestionnaireResponse": fhir.questionnaire_response_schema(),
                "FhirEmergencyResponse": fhir.fhir_emergency_schema(),
                "Assessment": response_bodies.assessment_schema(),
                "Source": response_bodies.source_schema(),
                "Problem": response_bodies.problem_schema(),
                "Questionnaire": fhir.questionnaire_schema(),
                "Bundle": fhir_results.bundle_schema(),
                "CodeSystem": fhir_results.code_system_schema(),
            },
            "headers": cors.HEADERS,
        },
    }
