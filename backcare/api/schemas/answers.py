"""JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the JSON request body, generated from
``QUESTIONS`` so that the codes can never drift from the questionnaire."""

from typing import Any

from backcare.api.conditions import backticked, describe
from backcare.i18n import LANGUAGES
from backcare.triage.conditions import AllOf, AnyOf, Condition, Has, HasNone, Is, IsNot, Not
from backcare.triage.questions import NONE, QUESTIONS, QUESTIONS_BY_ID, Kind, Question
from backcare.triage.rules import EMERGENCY_RULES

Schema = dict[str, Any]


def codes_of(question: Question) -> list[str]:
    """A question's answer codes, in page order."""
    return [option.code for option in question.options]


def asked_when(question: Question) -> str:
    """When the branching asks the question, for its description."""
    condition = question.shown_when
    if condition is None:
        return "Always asked."
    return f"Asked only when {describe(condition, backticked)}; otherwise it must be left out."


def condition_codes(condition: Is | Has) -> list[str]:
    """The codes a simple condition asks for (``Has`` with none: any sign)."""
    if isinstance(condition, Has) and not condition.codes:
        return list(QUESTIONS_BY_ID[condition.question].sign_codes)
    return list(condition.codes)


def condition_schema(condition: Condition, *, lenient: bool = False) -> Schema:
    """``condition`` as a JSON Schema over the answers object as sent: valid exactly when the
    condition holds (asking for a code never holds on a question that was not answered).

    ``lenient``: as the emergency check reads answers, where a checkbox's known signs count
    also beside unknown codes, or as the whole value instead of a list.
    """

    def answer(question: str, value: Schema) -> Schema:
        return {"properties": {question: value}, "required": [question]}

    match condition:
        case Is(question, _):
            return answer(question, {"enum": condition_codes(condition)})
        case Has(question, _):
            contains: Schema = {"type": "array", "contains": {"enum": condition_codes(condition)}}
            if lenient:
                return answer(
                    question, {"anyOf": [contains, answer_enum(condition_codes(condition))]}
                )
            return answer(question, contains)
        case HasNone(question):
            return answer(question, {"type": "array", "items": {"const": NONE}})
        case IsNot(question, codes):
            return {"not": condition_schema(Is(question, codes))}
        case Not(inner):
            return {"not": condition_schema(inner, lenient=lenient)}
        case AllOf(conditions):
            return {"allOf": [condition_schema(c, lenient=lenient) for c in conditions]}
        case AnyOf(conditions):
            return {"anyOf": [condition_schema(c, lenient=lenient) for c in conditions]}
    raise TypeError(f"no JSON Schema for {condition!r}")  # LevelIn, PainTypeIs


def answer_enum(codes: list[str]) -> Schema:
    return {"type": "string", "enum": codes}


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
    assert question.shown_when is not None
    return {
        "if": condition_schema(question.shown_when),
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
    return {
        "type": "object",
        "description": (
            "An emergency is never delayed by a validation error: a body whose answers fire "
            "any emergency rule, at any question, gets the emergency result, whatever else is "
            "missing, extra (not asked) or invalid in it (`lang` is used when valid). What "
            "counts: a radio answer that is one of its codes, and the known signs of a checkbox "
            "answer (in a list, beside unknown codes too, or as the whole value); each "
            "`anyOf` branch here is one emergency rule. The result lists every emergency rule "
            "fired by the answers up to the first question at which one fires (the "
            "questionnaire stops there). Without an emergency, an unknown code is a 400."
        ),
        "properties": {
            "answers": {
                "type": "object",
                "anyOf": [
                    {"title": rule.id, **condition_schema(rule.when, lenient=True)}
                    for rule in EMERGENCY_RULES
                ],
            }
        },
        "required": ["answers"],
    }
