"""JSON Schemas of the FHIR bodies: the ``QuestionnaireResponse`` taken, with the branching
expressed over its items, and an outline of the ``Questionnaire`` given."""

from typing import Any

from backcare.api.fhir import TRANSLATION, answer_system, questionnaire_canonicals
from backcare.api.fhir.questionnaire import CALL_NOW, ENABLE_WHEN_EXPRESSION
from backcare.api.fhir.response import LANGUAGE_TAG
from backcare.api.schemas.answers import asked_when, codes_of, condition_codes
from backcare.i18n import LANGUAGES
from backcare.triage import RULES_VERSION
from backcare.triage.conditions import AllOf, AnyOf, Condition, Has, HasNone, Is, IsNot, Not
from backcare.triage.questions import NONE, QUESTIONS, QUESTIONS_BY_ID, Kind, Question
from backcare.triage.rules import EMERGENCY_RULES

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
    return {
        "type": "object",
        "properties": {"linkId": {"const": question_id}},
        "required": ["linkId"],
    }


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


def _answered_with(question_id: str, answer: Schema) -> Schema:
    """The items hold one for ``question_id`` whose ``answer`` fits ``answer``."""
    item = _item_for(question_id)
    return {
        "contains": {
            **item,
            "properties": {**item["properties"], "answer": {"type": "array", **answer}},
            "required": ["linkId", "answer"],
        }
    }


def _coded_answer(condition: Is | Has) -> Schema:
    """An answer whose ``valueCoding`` is one of the codes ``condition`` asks for, in the
    question's own system."""
    coding = {
        "type": "object",
        **_coding(QUESTIONS_BY_ID[condition.question], condition_codes(condition)),
    }
    return {"type": "object", "properties": {"valueCoding": coding}, "required": ["valueCoding"]}


def items_condition(condition: Condition, *, lenient: bool = False) -> Schema:
    """``condition`` as a JSON Schema over a QuestionnaireResponse's ``item`` list.

    ``lenient``: as the emergency check reads them, where a radio counts when its one item has
    one coding of the question's system (or none), and a checkbox's signs count in any of its
    items, beside anything else.
    """
    match condition:
        case Is(question, _) if lenient:
            once = {"contains": _item_for(question), "minContains": 1, "maxContains": 1}
            answer = {"minItems": 1, "maxItems": 1, "items": _coded_answer(condition)}
            return {"allOf": [once, _answered_with(question, answer)]}
        case Has(question, _) if lenient:
            return _answered_with(question, {"contains": _coded_answer(condition)})
        case Is(question, _) | Has(question, _):
            return _answered_with(
                question, {"contains": _answer_with({"enum": condition_codes(condition)})}
            )
        case HasNone(question):
            return _answered_with(question, {"items": _answer_with({"const": NONE})})
        case IsNot(question, codes):
            return {"not": items_condition(Is(question, codes))}
        case Not(inner):
            return {"not": items_condition(inner, lenient=lenient)}
        case AllOf(conditions):
            return {"allOf": [items_condition(c, lenient=lenient) for c in conditions]}
        case AnyOf(conditions):
            return {"anyOf": [items_condition(c, lenient=lenient) for c in conditions]}
    raise TypeError(f"no JSON Schema for {condition!r}")  # LevelIn, PainTypeIs


def _item_branching(question: Question) -> Schema:
    """One item for the question exactly when the branching asks it, else none: the body as it
    should be sent. (A well-formed item the branching hides is ignored rather than refused, as
    renderers keep the answers of the items they hide, ``fhir/response.py``; JSON Schema as
    Schemathesis reads it cannot say "none, or one to ignore" here.)"""
    once = {"contains": _item_for(question.id), "minContains": 1, "maxContains": 1}
    condition = question.shown_when
    if condition is None:
        return once
    return {
        "if": items_condition(condition),
        "then": once,
        "else": {"not": {"contains": _item_for(question.id)}},
    }


def questionnaire_response_schema() -> Schema:
    return {
        "type": "object",
        "description": (
            "A FHIR R4 QuestionnaireResponse to `GET /api/v1/questionnaire`: one item for each "
            "question the branching asks, each answer a `valueCoding` of the question's own "
            "code system, at the top or in group items. An item the branching hides should be "
            "left out; one sent anyway (renderers keep the answers of hidden items) is ignored "
            "if it is well formed, in the assessment and in the Bundle's copy of the response, "
            "unless its answer fires an emergency rule: an emergency is never held up. "
            "`language` picks the language of the result (without it, `?lang=`, else "
            "`Accept-Language`). Other FHIR elements are allowed and ignored."
        ),
        "properties": {
            "resourceType": {"const": "QuestionnaireResponse"},
            "questionnaire": {
                "enum": list(questionnaire_canonicals()),
                "description": "Our Questionnaire's url, or `url|version` with the rules "
                f"version ({RULES_VERSION}).",
            },
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
    return {
        "type": "object",
        "description": (
            "As for JSON (`EmergencyRequest`): a response whose items fire any emergency rule "
            "gets the emergency result, whatever else is in it. Each `anyOf` branch is one "
            "emergency rule."
        ),
        "properties": {
            "item": {
                "type": "array",
                "anyOf": [
                    {"title": rule.id, **items_condition(rule.when, lenient=True)}
                    for rule in EMERGENCY_RULES
                ],
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
            "linkId": {"type": "string", "enum": [*(q.id for q in QUESTIONS), CALL_NOW]},
            "text": {"type": "string"},
            "_text": translated,
            "type": {
                "enum": ["choice", "display"],
                "description": f"`display` for the last item, `{CALL_NOW}`: shown only when "
                "the answers fire an emergency rule, it says to call the emergency number now.",
            },
            "repeats": {"type": "boolean"},
            "answerOption": {"type": "array", "minItems": 1},
            "enableWhen": {"type": "array", "minItems": 1},
            "enableBehavior": {"enum": ["all", "any"]},
            "extension": {
                "type": "array",
                "description": "Holds the questionnaire-itemControl extension (radio-button or "
                f"check-box), and the {ENABLE_WHEN_EXPRESSION} extension (FHIRPath over "
                "`%resource`) where `enableWhen` cannot say when the question is asked: after "
                "the first question, always, for once an emergency rule fires on the answers "
                "before a question, it is not asked.",
            },
            "item": {
                "type": "array",
                "description": "The question's hint, a display item with itemControl `help`.",
            },
        },
        "required": ["linkId", "text", "type"],
    }
    return {
        "type": "object",
        "properties": {
            "resourceType": {"const": "Questionnaire"},
            "language": {"type": "string", "enum": list(LANGUAGES)},
            "url": {"type": "string", "format": "uri"},
            "version": {"const": RULES_VERSION, "description": "The rules version."},
            "item": {"type": "array", "items": item},
        },
        "required": ["resourceType", "language", "url", "version", "item"],
    }
