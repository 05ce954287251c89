"""The questionnaire as a FHIR R4 ``Questionnaire``, generated from ``QUESTIONS``, ready for an
SDC renderer (LHC-Forms, for one).

The text is in the language asked for (``Questionnaire.language``), and every text and display
also carries its translation into the other language (the ``translation`` extension on
``_text``, ``_title`` and ``_display``), so one download serves a bilingual form either way.
``version`` is the rules version. Each choice item names its control (``itemControl``: radio
buttons or check boxes); a question's hint is a ``help`` display item inside it, and an answer's
hint follows its label in the ``display`` (so that it is read beside the answer, not behind a
button); "None of these" is ``optionExclusive``.

The branching is ``Question.shown_when`` translated (``enable_when``): ``enableWhen`` with
``enableBehavior`` where it can say the condition, else the SDC ``enableWhenExpression``
extension (FHIRPath over the QuestionnaireResponse). Stop early (QUESTIONNAIRE.md): once the
answers before an item fire an emergency rule, the item is hidden (``not(emergency) and`` its
own condition, always an expression then), and the last item, a display, says to call the
emergency number now. No item is ``required``: a form that stops early must still be sendable.
"""

from collections.abc import Callable, Iterable
from typing import Any

from flask import current_app
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l

from backcare.api.fhir import (
    ITEM_CONTROL,
    ITEM_CONTROL_SYSTEM,
    OPTION_EXCLUSIVE,
    PUBLISHER,
    QUESTIONNAIRE_DATE,
    TRANSLATION,
    answer_system,
    questionnaire_url,
)
from backcare.i18n import LANGUAGES
from backcare.triage import RULES_VERSION
from backcare.triage.conditions import AllOf, AnyOf, Condition, Has, HasNone, Is, IsNot, Not
from backcare.triage.levels import ACTIONS, LEVEL_TITLES, Level
from backcare.triage.questions import NONE, QUESTIONS, QUESTIONS_BY_ID, Kind, Question
from backcare.triage.rules import EMERGENCY_RULES

ENABLE_WHEN_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
)
#: The display item that says to call the emergency number, shown only when an emergency fired.
CALL_NOW = "call_now"
#: A question's hint: a display item inside it, ``{question}.help``.
HELP = ".help"

TITLE = _l("Back pain: what to do now")
DESCRIPTION = _l(
    "A few questions about back pain that say what to do now: call for emergency help, get help "
    "today, see a doctor or nurse in the next few days, or look after it at home. It does not "
    "diagnose."
)

#: A key for each text of the questionnaire: ``()`` for its title, ``(question,)`` for a
#: question, ``(question, code)`` for an answer.
Key = tuple[str, ...]


def _texts(lang: str) -> dict[Key, str]:
    with force_locale(lang):
        number = current_app.config["EMERGENCY_NUMBER"]  # no clinic visits the API
        texts: dict[Key, str] = {
            (): str(TITLE),
            ("description",): str(DESCRIPTION),
            (CALL_NOW,): " ".join(
                (
                    gettext(LEVEL_TITLES[Level.EMERGENCY].you) + ".",
                    gettext(ACTIONS[Level.EMERGENCY].you, emergency_number=number),
                )
            ),
        }
        for question in QUESTIONS:
            texts[(question.id,)] = gettext(question.title)
            if question.hint:
                texts[(question.id + HELP,)] = gettext(question.hint)
            for option in question.options:
                label = gettext(option.label)
                # The hint beside the label, where a renderer shows it (LHC-Forms shows the
                # display, and only a question's help).
                hint = f" — {gettext(option.hint)}" if option.hint else ""
                texts[(question.id, option.code)] = label + hint
    return texts


def build_questionnaire(lang: str) -> dict[str, Any]:
    """The ``Questionnaire`` resource as JSON, its text in ``lang``, translated into the other."""
    other = next(language for language in LANGUAGES if language != lang)
    primary, translated = _texts(lang), _texts(other)

    def text(key: Key, element: str = "text") -> dict[str, Any]:
        """An element and its translation (``_element``) into the other language."""
        translation = {
            "url": TRANSLATION,
            "extension": [
                {"url": "lang", "valueCode": other},
                {"url": "content", "valueString": translated[key]},
            ],
        }
        return {element: primary[key], f"_{element}": {"extension": [translation]}}

    asked: list[str] = []
    items = []
    for question in QUESTIONS:
        items.append(_item(question, text, emergency_expression(asked)))
        asked.append(question.id)
    items.append(
        {
            "linkId": CALL_NOW,
            **text((CALL_NOW,)),
            "type": "display",
            **_expression(emergency_expression(asked) or "false"),
        }
    )
    return {
        "resourceType": "Questionnaire",
        "id": "backcare",
        "url": questionnaire_url(),
        "version": RULES_VERSION,
        "name": "BackcareBackPain",
        **text((), "title"),
        "status": "active",
        "date": QUESTIONNAIRE_DATE,
        "publisher": PUBLISHER,
        **text(("description",), "description"),
        "language": lang,
        "subjectType": ["Patient"],
        "item": items,
    }


def _item_control(code: str) -> dict[str, Any]:
    coding = {"system": ITEM_CONTROL_SYSTEM, "code": code}
    return {"url": ITEM_CONTROL, "valueCodeableConcept": {"coding": [coding]}}


def _item(question: Question, text: Callable[..., dict], emergency: str | None) -> dict[str, Any]:
    control = "check-box" if question.kind is Kind.CHECKBOX else "radio-button"
    item: dict[str, Any] = {
        "linkId": question.id,
        **text((question.id,)),
        "type": "choice",
        "repeats": question.kind is Kind.CHECKBOX,
        "answerOption": [_option(question, option.code, text) for option in question.options],
    }
    if emergency is not None:
        own = "true" if question.shown_when is None else fhirpath(question.shown_when)
        item.update(_expression(f"({emergency}).not() and {own}"))
    elif question.shown_when is not None:
        item.update(enable_when(question.shown_when))
    item["extension"] = [_item_control(control), *item.get("extension", ())]
    if question.hint:
        help_item = {
            "linkId": question.id + HELP,
            **text((question.id + HELP,)),
            "type": "display",
            "extension": [_item_control("help")],
        }
        item["item"] = [help_item]
    return item


def _option(question: Question, code: str, text: Callable[..., dict]) -> dict[str, Any]:
    option: dict[str, Any] = {
        "valueCoding": {
            "system": answer_system(question.id),
            "code": code,
            **text((question.id, code), "display"),
        }
    }
    if question.kind is Kind.CHECKBOX and code == NONE:
        option["extension"] = [{"url": OPTION_EXCLUSIVE, "valueBoolean": True}]
    return option


# Stop early: the emergency rules over the answers before an item.


def emergency_expression(asked: Iterable[str]) -> str | None:
    """FHIRPath that holds when the answers to the questions ``asked`` fire an emergency rule;
    None when no emergency rule can fire on them alone."""
    allowed = frozenset(asked)
    conditions = [
        restricted
        for rule in EMERGENCY_RULES
        if (restricted := restrict(rule.when, allowed)) is not None
    ]
    if not conditions:
        return None
    return " or ".join(fhirpath(condition) for condition in conditions)


def restrict(condition: Condition, allowed: frozenset[str]) -> Condition | None:
    """What is left of ``condition`` when only the questions ``allowed`` are answered: a part
    that asks a code of another question never holds there (None: the whole never holds).
    Only for conditions with no "is not" or "unless" over other questions (no emergency rule
    has one)."""
    if not condition.questions - allowed:
        return condition
    match condition:
        case Is() | Has() | HasNone():
            return None
        case AllOf(conditions):
            parts = [restrict(inner, allowed) for inner in conditions]
            return None if None in parts else AllOf(tuple(p for p in parts if p is not None))
        case AnyOf(conditions):
            kept = tuple(p for inner in conditions if (p := restrict(inner, allowed)) is not None)
            return AnyOf(kept) if kept else None
    raise TypeError(f"cannot restrict {condition!r} to {sorted(allowed)}")


def _expression(expression: str) -> dict[str, Any]:
    value = {"language": "text/fhirpath", "expression": expression}
    return {"extension": [{"url": ENABLE_WHEN_EXPRESSION, "valueExpression": value}]}


# The branching in FHIR: one walk over the condition dataclasses.


def _codes(condition: Is | Has) -> tuple[str, ...]:
    """The codes a simple condition asks for (``Has`` with none: any sign)."""
    if isinstance(condition, Has) and not condition.codes:
        return QUESTIONS_BY_ID[condition.question].sign_codes
    return condition.codes


def _equals(condition: Is | Has) -> list[dict[str, Any]]:
    """``enableWhen`` entries, one per code, any of which makes ``condition`` hold (FHIR's
    ``=`` holds when any answer of a repeating question has the code)."""
    return [
        {
            "question": condition.question,
            "operator": "=",
            "answerCoding": {"system": answer_system(condition.question), "code": code},
        }
        for code in _codes(condition)
    ]


def _simple(condition: Condition) -> bool:
    return isinstance(condition, Is | Has)


def enable_when(condition: Condition) -> dict[str, Any]:
    """The item elements for ``condition``: ``enableWhen`` (+ ``enableBehavior``) when it is a
    single ``Is``/``Has``, an ``AnyOf`` of them, or an ``AllOf`` of ones with one code each;
    otherwise an ``enableWhenExpression`` extension."""
    entries: list[dict[str, Any]] | None = None
    behavior = "any"
    if _simple(condition):
        entries = _equals(condition)
    elif isinstance(condition, AnyOf) and all(map(_simple, condition.conditions)):
        entries = [entry for inner in condition.conditions for entry in _equals(inner)]
    elif isinstance(condition, AllOf) and all(
        _simple(inner) and len(_codes(inner)) == 1 for inner in condition.conditions
    ):
        entries, behavior = [_equals(inner)[0] for inner in condition.conditions], "all"
    if entries is None:
        return _expression(fhirpath(condition))
    if len(entries) == 1:
        return {"enableWhen": entries}
    return {"enableWhen": entries, "enableBehavior": behavior}


def _answers(question_id: str) -> str:
    """The codings answering ``question_id`` in the QuestionnaireResponse."""
    return f"%resource.repeat(item).where(linkId = '{question_id}').answer.value"


def fhirpath(condition: Condition) -> str:
    """``condition`` as a FHIRPath boolean over ``%resource`` (the QuestionnaireResponse), with
    the contract's semantics: asking for a code never holds on an unanswered question."""
    match condition:
        case Is(question, codes) | Has(question, codes) if codes:
            either = " or ".join(f"code = '{code}'" for code in codes)
            return f"{_answers(question)}.where({either}).exists()"
        case Has(question, ()):
            return f"{_answers(question)}.where(code != '{NONE}').exists()"
        case HasNone(question):
            answers = _answers(question)
            return f"({answers}.exists() and {answers}.where(code != '{NONE}').empty())"
        case IsNot(question, codes):
            return f"{fhirpath(Is(question, codes))}.not()"
        case Not(inner):
            return f"({fhirpath(inner)}).not()"
        case AllOf(conditions):
            return "(" + " and ".join(fhirpath(inner) for inner in conditions) + ")"
        case AnyOf(conditions):
            return "(" + " or ".join(fhirpath(inner) for inner in conditions) + ")"
    raise TypeError(f"no FHIRPath for {condition!r}")  # LevelIn, PainTypeIs: never branching
