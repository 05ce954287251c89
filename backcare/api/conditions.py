"""The domain's conditions (``backcare.triage.conditions``) in words, for the API's error
messages and the OpenAPI text. The FHIR and JSON Schema forms of the same conditions are in
``backcare.api.fhir.questionnaire`` and ``backcare.api.schemas``; all of them walk the one copy
of the branching, ``Question.shown_when``, never a copy of it."""

from collections.abc import Callable

from backcare.triage.conditions import AllOf, AnyOf, Condition, Has, HasNone, Is, IsNot, Not
from backcare.triage.questions import NONE, QUESTIONS_BY_ID
from backcare.triage.text import N_


def quoted(text: str) -> str:
    """A code or question id as the API's messages write it."""
    return f"“{text}”"


def backticked(text: str) -> str:
    """A code or question id as Markdown code (the OpenAPI text)."""
    return f"`{text}`"


def sign_codes(question_id: str) -> tuple[str, ...]:
    """The codes of a checkbox question other than ``none``: what "has any sign" means."""
    return QUESTIONS_BY_ID[question_id].sign_codes


def _same(text: str) -> str:
    return text


def describe(
    condition: Condition,
    code: Callable[[str], str] = quoted,
    translate: Callable[[str], str] = _same,
) -> str:
    """``condition`` in words over codes: "“severity” is “severe” and “injury” is one of ...".
    ``translate``: gettext for a person's language (the words between the codes); the OpenAPI
    text stays English."""

    def say(message: str, **values: str) -> str:
        return translate(message) % values

    def codes(values: tuple[str, ...]) -> str:
        return ", ".join(code(value) for value in values)

    def part(inner: Condition) -> str:
        text = describe(inner, code, translate)
        return f"({text})" if isinstance(inner, AllOf | AnyOf) else text

    match condition:
        case Is(question, (one,)):
            return say(N_("%(question)s is %(code)s"), question=code(question), code=code(one))
        case Is(question, values):
            return say(
                N_("%(question)s is one of: %(codes)s"),
                question=code(question),
                codes=codes(values),
            )
        case IsNot(question, (one,)):
            return say(
                N_("%(question)s was not asked or is not %(code)s"),
                question=code(question),
                code=code(one),
            )
        case IsNot(question, values):
            return say(
                N_("%(question)s was not asked or is none of: %(codes)s"),
                question=code(question),
                codes=codes(values),
            )
        case Has(question, ()):
            return say(
                N_("%(question)s has any sign (anything but %(none)s)"),
                question=code(question),
                none=code(NONE),
            )
        case Has(question, (one,)):
            return say(N_("%(question)s has %(code)s"), question=code(question), code=code(one))
        case Has(question, values):
            return say(
                N_("%(question)s has any of: %(codes)s"),
                question=code(question),
                codes=codes(values),
            )
        case HasNone(question):
            return say(N_("%(question)s is %(code)s"), question=code(question), code=code(NONE))
        case AllOf(conditions):
            return translate(N_(" and ")).join(part(inner) for inner in conditions)
        case AnyOf(conditions):
            return translate(N_(" or ")).join(part(inner) for inner in conditions)
        case Not(inner):
            return say(N_("not (%(condition)s)"), condition=describe(inner, code, translate))
    raise TypeError(f"no words for {condition!r}")  # LevelIn, PainTypeIs: never branching
