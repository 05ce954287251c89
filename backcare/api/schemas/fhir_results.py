"""JSON Schemas of the FHIR results (``api/fhir/results.py``): the ``Bundle`` an assessment comes
back as with ``Accept: application/fhir+json``, and backcare's own ``CodeSystem`` resources. An
outline of what backcare writes; the FHIR specification has the rest."""

from typing import Any

from backcare.api.fhir.results import CODE_SYSTEMS, LEVEL
from backcare.i18n import LANGUAGES
from backcare.triage import RULES_VERSION
from backcare.triage.levels import Level

Schema = dict[str, Any]

_CODING = {
    "type": "object",
    "properties": {
        "system": {"type": "string", "format": "uri"},
        "code": {"type": "string"},
        "display": {"type": "string"},
    },
    "required": ["system", "code", "display"],
}
_CODEABLE = {
    "type": "object",
    "properties": {"coding": {"type": "array", "items": _CODING, "minItems": 1}},
    "required": ["coding"],
}


def risk_assessment_schema() -> Schema:
    levels = ", ".join(f"`{level}`" for level in Level)
    return {
        "type": "object",
        "properties": {
            "resourceType": {"const": "RiskAssessment"},
            "status": {"const": "final"},
            "language": {"enum": list(LANGUAGES)},
            "method": {
                "type": "object",
                "properties": {"text": {"const": f"backcare rules, version {RULES_VERSION}"}},
            },
            "basis": {
                "type": "array",
                "description": "The QuestionnaireResponse of the same Bundle, by its fullUrl.",
                "items": {"type": "object", "required": ["reference"]},
                "minItems": 1,
                "maxItems": 1,
            },
            "prediction": {
                "type": "array",
                "description": f"First the level: a coding of `{LEVEL}` (one of {levels}), its "
                "`text` the action; then, where one applies, a better place to go, a coding "
                "of `backcare-care`.",
                "items": {
                    "type": "object",
                    "properties": {"outcome": _CODEABLE},
                    "required": ["outcome"],
                },
                "minItems": 1,
                "maxItems": 2,
            },
            "reasonCode": {
                "type": "array",
                "description": "Each fired rule, a coding of `backcare-rule`, its reason as text.",
                "items": {**_CODEABLE, "required": ["coding", "text"]},
            },
            "note": {
                "type": "array",
                "description": "Each fired rule's sources: `<rule id>: <title> <address>`.",
                "items": {"type": "object", "required": ["text"]},
            },
        },
        "required": ["resourceType", "status", "basis", "prediction", "method"],
    }


def bundle_schema() -> Schema:
    """A ``collection`` of the QuestionnaireResponse and the RiskAssessment based on it."""
    response = {
        "type": "object",
        "description": "The QuestionnaireResponse as sent, or built from the JSON answers.",
        "properties": {"resourceType": {"const": "QuestionnaireResponse"}},
        "required": ["resourceType"],
    }
    return {
        "type": "object",
        "properties": {
            "resourceType": {"const": "Bundle"},
            "type": {"const": "collection"},
            "entry": {
                "type": "array",
                "description": "The QuestionnaireResponse, then the RiskAssessment.",
                "items": {
                    "type": "object",
                    "properties": {
                        "fullUrl": {"type": "string", "pattern": "^urn:uuid:"},
                        "resource": {"oneOf": [response, risk_assessment_schema()]},
                    },
                    "required": ["fullUrl", "resource"],
                },
                "minItems": 2,
                "maxItems": 2,
            },
        },
        "required": ["resourceType", "type", "entry"],
    }


def code_system_schema() -> Schema:
    return {
        "type": "object",
        "properties": {
            "resourceType": {"const": "CodeSystem"},
            "id": {"enum": list(CODE_SYSTEMS)},
            "url": {"type": "string", "format": "uri"},
            "version": {"const": RULES_VERSION, "description": "The rules version."},
            "status": {"const": "active"},
            "language": {"enum": list(LANGUAGES)},
            "content": {"const": "complete"},
            "count": {"type": "integer", "minimum": 1},
            "concept": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"code": {"type": "string"}, "display": {"type": "string"}},
                    "required": ["code", "display"],
                },
                "minItems": 1,
            },
        },
        "required": ["resourceType", "id", "url", "version", "content", "concept"],
    }
