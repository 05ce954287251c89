"""The questionnaire as a FHIR R4 ``Questionnaire``, generated from ``QUESTIONS``.

The text is in the language asked for (``Questionnaire.language``), and every text and display
also carries its translation into the other language (the ``translation`` extension on
``_text``, ``_title`` and ``_display``), so one download serves a bilingual form either way.
"""

from typing import Any

from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l

from backcare.api.fhir import QUESTIONNAIRE_URL, TRANSLATION, answer_system
from backcare.i18n import LANGUAGES
from backcare.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Kind, Question

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
    condition = question.shown_when
    if condition is not None:
        parent = QUESTIONS_BY_ID[condition.question]
        codes = [option.code for option in parent.options if option.code in condition.codes]
        item["enableWhen"] = [
            {
                "question": parent.id,
                "operator": "=",
                "answerCoding": {"system": answer_system(parent.id), "code": code},
            }
            for code in codes
        ]
        if len(codes) > 1:
            item["enableBehavior"] = "any"
    return item
