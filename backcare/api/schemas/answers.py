"""JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the JSON request body, generated from
``QUESTIONS`` so that the codes can never drift from the questionnaire."""

from typing import Any

from backcare.api.validation import EMERGENCY
from backcare.i18n import LANGUAGES
from backcare.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Kind, Question

Schema = dict[str, Any]


def codes_of(question: Question) -> list[str]:
    """A question's answer codes, in page order."""
    return [option.code for option in question.options]


def asked_when(question: Question) -> str:
    """When the branching asks the question, for its description."""
    condition = question.shown_when
    if condition is None:
        return "Always asked."
    parent = QUESTIONS_BY_ID[condition.question]
    codes = ", ".join(f"`{code}`" for code in codes_of(parent) if code in condition.codes)
    return f"Asked only when `{parent.id}` is one of {codes}; otherwise it must be left out."


def answer_schema(question: Question) -> Schema:
    """One answer: a code for a radio question, a list of codes for a checkbox question."""
    if question.kind is Kind.RADIO:
        return {
            "type": "string",
            "enum": codes_of(question),
            "description": f"{question.title} One code. {asked_when(question)}",
        }
    return {
        "type": "array",
        "items": {"type": "string", "enum": codes_of(question)},
        "uniqueItems": True,
        "description": (
            f'{question.title} Any of the codes; `[]` or `["none"]` for none of these (`none` '
            f"beside a sign is ignored and the sign counts). {asked_when(question)}"
        ),
    }


def answer_properties() -> Schema:
    """Every question's answer schema, by question id."""
    return {question.id: answer_schema(question) for question in QUESTIONS}


def _branching(question: Question) -> Schema:
    """The question is answered exactly when the branching asks it."""
    condition = question.shown_when
    assert condition is not None
    parent = QUESTIONS_BY_ID[condition.question]
    return {
        "if": {
            "properties": {
                parent.id: {"enum": [c for c in codes_of(parent) if c in condition.codes]}
            },
            "required": [parent.id],
        },
        "then": {"required": [question.id]},
        "else": {"not": {"required": [question.id]}},
    }


def answers_schema() -> Schema:
    """A complete set of answers: every question the branching asks, and no other."""
    return {
        "type": "object",
        "description": (
            "Answer codes by question id. Every question the branching asks "
            "must be answered, and no other: each property says when it is asked."
        ),
        "properties": answer_properties(),
        "required": [q.id for q in QUESTIONS if q.shown_when is None],
        "allOf": [_branching(q) for q in QUESTIONS if q.shown_when is not None],
        "additionalProperties": False,
    }


def language_schema() -> Schema:
    return {
        "type": "string",
        "enum": list(LANGUAGES),
        "default": LANGUAGES[0],
        "description": "The language of the reasons, advice and links in the result.",
    }


def assessment_request_schema() -> Schema:
    return {
        "type": "object",
        "properties": {
            "answers": {"$ref": "#/components/schemas/Answers"},
            "lang": {"$ref": "#/components/schemas/Language"},
        },
        "required": ["answers"],
        "additionalProperties": False,
    }


def emergency_request_schema() -> Schema:
    signs = list(EMERGENCY.sign_codes)
    return {
        "type": "object",
        "description": (
            "An emergency is never delayed by a validation error: a body whose "
            "`answers.emergency_signs` holds a known sign (in a list, or as the whole value) "
            "gets the emergency assessment, and everything else in it is ignored (`lang` is "
            "used when valid). Without a known sign, an unknown code there is a 400."
        ),
        "properties": {
            "answers": {
                "type": "object",
                "properties": {
                    EMERGENCY.id: {
                        "anyOf": [
                            {"type": "array", "contains": {"enum": signs}},
                            {"type": "string", "enum": signs},
                        ]
                    }
                },
                "required": [EMERGENCY.id],
            }
        },
        "required": ["answers"],
    }
