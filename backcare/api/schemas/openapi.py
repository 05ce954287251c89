"""The OpenAPI 3.1 description of the API, built from the same question definitions as the
API's checks, so that it can never be a stale hand copy."""

from functools import cache
from typing import Any

from backcare.api.fhir import FHIR_JSON
from backcare.api.problems import PROBLEM_JSON
from backcare.api.schemas import answers, fhir, response_bodies
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

The API is stateless: no sign-up, no key, no cookie, no CSRF token, and nothing sent is kept.
An emergency is never delayed by a validation error: see `EmergencyRequest`.
"""


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _paths() -> dict[str, Any]:
    return {
        "/api/v1/assessments": {
            "post": {
                "operationId": "createAssessment",
                "summary": "Assess a set of answers",
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
                    "200": {
                        "description": "The assessment. Sent with `Cache-Control: no-store`.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Assessment"}
                            }
                        },
                    },
                    "400": _problem(
                        "The body is not valid JSON, or does not fit the questionnaire: "
                        "`errors` names every problem and the question it is about."
                    ),
                    "413": _problem("The body is larger than the limit (16 KiB by default)."),
                    "415": _problem("The body is neither JSON nor FHIR JSON."),
                },
            }
        },
        "/api/v1/questionnaire": {
            "get": {
                "operationId": "getQuestionnaire",
                "summary": "The questionnaire as a FHIR R4 Questionnaire",
                "parameters": [
                    {
                        "name": "lang",
                        "in": "query",
                        "required": False,
                        "description": "The language of the text; every text also carries its "
                        "translation into the other language (FHIR translation extension).",
                        "schema": {"type": "string", "enum": list(LANGUAGES), "default": "en"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The Questionnaire.",
                        "content": {
                            FHIR_JSON: {"schema": {"$ref": "#/components/schemas/Questionnaire"}}
                        },
                    },
                    "400": _problem("`lang` is neither `en` nor `es`."),
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This description",
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3.1 document.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
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
            }
        },
    }
