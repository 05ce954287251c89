"""JSON Schemas of the FHIR bodies: the ``QuestionnaireResponse`` taken, with the branching
expressed over its items, and an outline of the ``Questionnaire`` given."""

from typing import Any

from backcare.api.fhir import QUESTIONNAIRE_URL, TRANSLATION, answer_system
from backcare.api.fhir.response import LANGUAGE_TAG
from backcare.api.schemas.answers import asked_when, codes_of
from backcare.api.validation import EMERGENCY
from backcare.i18n import LANGUAGES
from backcare.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Kind, Question

Schema = dict[str, Any]


def _coding(question: Question, codes: list[str]) -> Schema:
    return {
        "type": "object",
        "properties": {
            "system": {"const": answer_system(question.id)},
            "code": {"type": "string", "enum": codes},
        },
        "required": ["code"],
    }


def _answer_with(code: Schema) -> Schema:
    """A FHIR answer whose ``valueCoding.code`` fits ``code``."""
    return {"properties": {"valueCoding": {"properties": {"code": code}}}}


def _item_for(question_id: str) -> Schema:
    return {"properties": {"linkId": {"const": question_id}}, "required": ["linkId"]}


def _response_item(question: Question) -> Schema:
    answer = {
        "type": "object",
        "properties": {"valueCoding": _coding(question, codes_of(question))},
        "required": ["valueCoding"],
    }
    answers: Schema = {"type": "array", "items": answer}
    if question.kind is Kind.RADIO:
        answers.update(minItems=1, maxItems=1)
    else:  # each code at most once (uniqueItems would compare whole answers)
        answers["allOf"] = [
            {"contains": _answer_with({"const": code}), "minContains": 0, "maxContains": 1}
            for code in codes_of(question)
        ]
    return {
        "type": "object",
        "description": f"{question.title} {asked_when(question)}",
        "properties": {"linkId": {"const": question.id}, "answer": answers},
        "required": ["linkId", "answer"] if question.kind is Kind.RADIO else ["linkId"],
    }


def _item_branching(question: Question) -> Schema:
    """One item for the question exactly when the branching asks it, else none."""
    once = {"contains": _item_for(question.id), "minContains": 1, "maxContains": 1}
    condition = question.shown_when
    if condition is None:
        return once
    parent = QUESTIONS_BY_ID[condition.question]
    codes = [code for code in codes_of(parent) if code in condition.codes]
    parent_asks = {
        "properties": {
            "linkId": {"const": parent.id},
            "answer": {"contains": _answer_with({"enum": codes})},
        },
        "required": ["linkId", "answer"],
    }
    return {
        "if": {"contains": parent_asks},
        "then": once,
        "else": {"not": {"contains": _item_for(question.id)}},
    }


def questionnaire_response_schema() -> Schema:
    return {
        "type": "object",
        "description": (
            "A FHIR R4 QuestionnaireResponse to `GET /api/v1/questionnaire`: one item for each "
            "question the branching asks, and no other, each answer a `valueCoding` of the "
            "question's own code system. `language` picks the language of the result. Other "
            "FHIR elements are allowed and ignored."
        ),
        "properties": {
            "resourceType": {"const": "QuestionnaireResponse"},
            "questionnaire": {"const": QUESTIONNAIRE_URL},
            "language": {"type": "string", "pattern": f"^{LANGUAGE_TAG}$"},
            "item": {
                "type": "array",
                "items": {"anyOf": [_response_item(question) for question in QUESTIONS]},
                "allOf": [_item_branching(question) for question in QUESTIONS],
            },
        },
        "required": ["resourceType", "item"],
    }


def fhir_emergency_schema() -> Schema:
    signs = list(EMERGENCY.sign_codes)
    return {
        "type": "object",
        "description": (
            "As for JSON: a response whose `emergency_signs` item holds a known sign gets the "
            "emergency assessment, whatever else is in it."
        ),
        "properties": {
            "item": {
                "type": "array",
                "contains": {
                    "type": "object",
                    "properties": {
                        "linkId": {"const": EMERGENCY.id},
                        "answer": {
                            "type": "array",
                            "contains": {
                                "type": "object",
                                "properties": {"valueCoding": _coding(EMERGENCY, signs)},
                                "required": ["valueCoding"],
                            },
                        },
                    },
                    "required": ["linkId", "answer"],
                },
            }
        },
        "required": ["item"],
    }


def questionnaire_schema() -> Schema:
    """An outline of our FHIR R4 ``Questionnaire`` (the FHIR specification has the rest)."""
    translated = {
        "type": "object",
        "description": f"Holds the {TRANSLATION} extension: the text in the other language.",
    }
    item = {
        "type": "object",
        "properties": {
            "linkId": {"type": "string", "enum": [q.id for q in QUESTIONS]},
            "text": {"type": "string"},
            "_text": translated,
            "type": {"const": "choice"},
            "repeats": {"type": "boolean"},
            "answerOption": {"type": "array", "minItems": 1},
            "enableWhen": {"type": "array", "minItems": 1},
            "enableBehavior": {"enum": ["any"]},
        },
        "required": ["linkId", "text", "type", "repeats", "answerOption"],
    }
    return {
        "type": "object",
        "properties": {
            "resourceType": {"const": "Questionnaire"},
            "language": {"type": "string", "enum": list(LANGUAGES)},
            "url": {"type": "string", "format": "uri"},
            "item": {"type": "array", "items": item},
        },
        "required": ["resourceType", "language", "url", "item"],
    }
