"""JSON Schemas of the responses, with ids and levels as enums taken from the domain."""

from typing import Any

from backcare.api.problems import ErrorKind
from backcare.api.schemas.answers import answer_properties
from backcare.i18n import LANGUAGES
from backcare.triage import RULES_VERSION, Care, Level, PainType
from backcare.triage.catalog import CATALOG, RESOURCES
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES

Schema = dict[str, Any]


def _object(properties: Schema, description: str = "") -> Schema:
    """An object with every property required (a client can rely on each being there)."""
    schema: Schema = {"type": "object", "properties": properties, "required": list(properties)}
    if description:
        schema["description"] = description
    return schema


STRING = {"type": "string"}
LANGUAGE = {"type": "string", "enum": list(LANGUAGES)}


def source_schema() -> Schema:
    return _object(
        {"title": STRING, "url": {"type": "string", "format": "uri"}, "language": LANGUAGE},
        "A page that backs the rule: in the asked language where it exists, else in English "
        "(`language` says which).",
    )


def _sources() -> Schema:
    return {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Source"},
        "minItems": 1,
        "description": "Every page the rule cites, most important first.",
    }


def assessment_schema() -> Schema:
    levels = [level.value for level in Level if level is not Level.SELF_CARE]
    rule = _object(
        {
            "id": {"type": "string", "enum": [r.id for r in LEVEL_RULES]},
            "level": {"type": "string", "enum": levels},
            "reason": STRING,
            "source": _sources(),
        },
        "A rule that fired and set a level, with its reason in plain words.",
    )
    advice = _object(
        {
            "id": {"type": "string", "enum": [r.id for r in ADVICE_RULES]},
            "text": STRING,
            "stressed": {
                "type": "boolean",
                "description": "Said more strongly for these answers (say, long bed rest).",
            },
            "source": _sources(),
        }
    )
    resource = _object(
        {
            "id": {"type": "string", "enum": list(RESOURCES)},
            "title": STRING,
            "url": {"type": "string", "format": "uri"},
            "organization": STRING,
            "language": LANGUAGE,
        },
        "A link in the asked language where the seed page gives one, else in English.",
    )
    section = _object(
        {
            "id": {"type": "string", "enum": [s.id for s in CATALOG]},
            "title": STRING,
            "resources": {"type": "array", "items": resource, "minItems": 1},
        }
    )
    return _object(
        {
            "lang": LANGUAGE,
            "level": {
                "type": "string",
                "enum": [level.value for level in Level],
                "description": "What to do: the highest level of any rule that fired.",
            },
            "care": {
                "type": ["string", "null"],
                "enum": [*(c.value for c in Care), None],
                "description": "Where to go when it is better than the level's default (the "
                "`action` then says so): `maternity` or `cancer_team` for some emergencies, "
                "`maternity_now` for every urgent result in a pregnancy; null otherwise.",
            },
            "pain_type": {
                "type": ["string", "null"],
                "enum": [*(p.value for p in PainType), None],
                "description": "Chronic after three months; null when an emergency stopped "
                "the questionnaire before the duration question.",
            },
            "rules_version": {
                "const": RULES_VERSION,
                "description": "The version of the questionnaire and rules that gave the result.",
            },
            "action": {
                "type": "string",
                "description": "The one thing to do, in words (the care's action when there "
                "is one), with the emergency number.",
            },
            "rules": {
                "type": "array",
                "items": rule,
                "description": "Every rule that fired, the most urgent first.",
            },
            "advice": {"type": "array", "items": advice},
            "sections": {
                "type": "array",
                "items": section,
                "description": "Reading that fits the answers, most relevant first; none for "
                "an emergency.",
            },
            "answers": {
                "type": "object",
                "properties": answer_properties(),
                "additionalProperties": False,
                "description": "The answers the assessment used (`[]` for none of these): for "
                "an emergency, those up to the question at which it stopped.",
            },
        }
    )


def problem_schema() -> Schema:
    error = {
        "type": "object",
        "properties": {
            "question": {"type": "string", "description": "The question id it is about."},
            "pointer": {
                "type": "string",
                "description": "Where in the request body, as a JSON Pointer (RFC 6901).",
            },
            "kind": {"type": "string", "enum": [kind.value for kind in ErrorKind]},
            "detail": STRING,
        },
        "required": ["kind", "detail"],
    }
    return {
        "type": "object",
        "description": "RFC 9457 problem details, in the language the request asked for.",
        "properties": {
            "type": {"type": "string", "format": "uri-reference"},
            "title": STRING,
            "status": {"type": "integer"},
            "detail": STRING,
            "errors": {
                "type": "array",
                "items": error,
                "description": "Every problem found in the request (400 only).",
            },
        },
        "required": ["type", "title", "status"],
    }
