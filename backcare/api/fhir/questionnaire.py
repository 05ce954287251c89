"""The questionnaire as a FHIR R4 ``Questionnaire``, generated from ``QUESTIONS``.

The text is in the language asked for (``Questionnaire.language``), and every text and display
also carries its translation into the other language (the ``translation`` extension on
``_text``, ``_title`` and ``_display``), so one download serves a bilingual form either way.
``version`` is the rules version. The branching is ``Question.shown_when`` translated
(``enable_when``): ``enableWhen`` with ``enableBehavior`` where it can say the condition, else
the SDC ``enableWhenExpression`` extension (FHIRPath over the QuestionnaireResponse).
"""

from typing import Any

from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l

from backcare.api.fhir import QUESTIONNAIRE_URL, TRANSLATION, answer_system
from backcare.i18n import LANGUAGES
from backcare.triage import RULES_VERSION
from backcare.triage.conditions import AllOf, AnyOf, Condition, Has, HasNone, Is, IsNot, Not
from backcare.triage.questions import NONE, QUESTIONS, QUESTIONS_BY_ID, Kind, Question

ENABLE_WHEN_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
)

TITLE = _l("Back pain: what to do now")

#: A key for each text of the questionnaire: ``()`` for its title, ``(question,)`` for a
#: question, ``(question, code)`` for an answer.
Key = tuple[str, ...]


def _texts(lang: str) -> dict[Key, str]:
    with force_locale(lang):
        texts: dict[Key, str] = {(): str(TITLE)}
        for question in QUESTIONS:
            texts[(question.id,)] = gettext(question.title)
            for option in question.options:
                texts[(question.id, option.code)] = gettext(option.label)
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

    return {
        "resourceType": "Questionnaire",
        "id": "backcare",
        "url": QUESTIONNAIRE_URL,
        "version": RULES_VERSION,
        "name": "BackcareBackPain",
        **text((), "title"),
        "status": "active",
        "language": lang,
        "subjectType": ["Patient"],
        "item": [_item(question, text) for question in QUESTIONS],
    }


def _item(question: Question, text) -> dict[str, Any]:
    item: dict[str, Any] = {
        "linkId": question.id,
        **text((question.id,)),
        "type": "choice",
        "required": True,
        "repeats": question.kind is Kind.CHECKBOX,
        "answerOption": [
            {
                "valueCoding": {
                    "system": answer_system(question.id),
                    "code": option.code,
                    **text((question.id, option.code), "display"),
                }
            }
            for option in question.options
        ],
    }
    if question.shown_when is not None:
        item.update(enable_when(question.shown_when))
    return item


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
        expression = {"language": "text/fhirpath", "expression": fhirpath(condition)}
        return {"extension": [{"url": ENABLE_WHEN_EXPRESSION, "valueExpression": expression}]}
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
