"""Answers read from a FHIR R4 ``QuestionnaireResponse`` to our ``Questionnaire``.

Only what the assessment needs is read: ``resourceType``, ``language`` (the answer's language;
renderers often leave it out, and then ``?lang=``, else ``Accept-Language``, picks it),
``questionnaire`` (if given, it must be ours: its ``url``, or ``url|version`` for the rules
version it was made from) and each item's ``linkId`` and ``valueCoding`` answers, wherever the
item is: a group item (one that is not a question, with items of its own) is read through.
Other elements (``status``, ``subject``, ``authored``, extensions...) are allowed and ignored.
The answers then go through the same checks as JSON ones (``validation.check``), but for one:
an answer to an item the branching hides is left out, not refused, as renderers keep the answers
of items they hide (LHC-Forms 40.1.3 exports them).
"""

import re
from collections.abc import Iterable

from flask import request
from flask_babel import lazy_gettext as _l

from backcare.api.fhir import answer_system, questionnaire_canonicals
from backcare.api.problems import ErrorKind, InputError
from backcare.api.validation import Reading, language_error, not_an_object, pointer
from backcare.i18n import preferred_language
from backcare.triage.questions import QUESTIONS_BY_ID, Kind

#: The languages a response can be in, as BCP 47 tags: ``en``, ``es``, ``es-US``...
LANGUAGE_TAG = "(en|es)(-[A-Za-z0-9]{1,8})*"


def read_questionnaire_response(body: object) -> Reading:
    """Read the answers of a ``QuestionnaireResponse``; problems go into the reading."""
    if not isinstance(body, dict):
        return not_an_object()
    errors = []
    if body.get("resourceType") != "QuestionnaireResponse":
        detail = _l("“resourceType” must be “QuestionnaireResponse”.")
        errors.append(InputError(ErrorKind.WRONG_TYPE, detail, pointer=pointer("resourceType")))
    lang = _language(body.get("language", preferred_language(request.args.get("lang"))))
    if lang is None:
        errors.append(language_error("language", pointer("language")))
    canonicals = questionnaire_canonicals()
    questionnaire = body.get("questionnaire", canonicals[0])
    if questionnaire not in canonicals:
        detail = _l(
            "“questionnaire” must be %(url)s (or %(canonical)s).",
            url=canonicals[0],
            canonical=canonicals[-1],
        )
        errors.append(InputError(ErrorKind.UNKNOWN_CODE, detail, pointer=pointer("questionnaire")))
    items = body.get("item", [])
    if not isinstance(items, list):
        detail = _l("“item” must be a list of answered questions.")
        errors.append(InputError(ErrorKind.WRONG_TYPE, detail, pointer=pointer("item")))
        return Reading(None, lang, errors)
    answers: dict[str, object] = {}
    reading = Reading(answers, lang, errors, drops_hidden=True)
    _read_items(items, pointer("item"), reading, answers)
    return reading


def _read_items(items: list, at: str, reading: Reading, answers: dict[str, object]) -> None:
    for index, item in enumerate(items):
        where = f"{at}/{index}"
        if _is_group(item):
            _read_items(item["item"], f"{where}/item", reading, answers)
        else:
            _read_item(item, where, reading, answers)


def as_assessed(response: dict, counted: Iterable[str]) -> dict:
    """The QuestionnaireResponse as sent, less the items of questions whose answers did not
    count (those of items the branching hides): what the assessment is based on, so a chart that
    files the Bundle keeps no answer the result ignored."""
    dropped = set(QUESTIONS_BY_ID) - set(counted)

    def kept(items: list) -> list:
        out = []
        for item in items:
            if _is_group(item):
                out.append({**item, "item": kept(item["item"])})
            elif not isinstance(item, dict) or item.get("linkId") not in dropped:
                out.append(item)
        return out

    return {**response, "item": kept(response.get("item", []))}


def _is_group(item: object) -> bool:
    """An item that is no question of ours and holds items, not answers (a renderer's group)."""
    return (
        isinstance(item, dict)
        and isinstance(item.get("item"), list)
        and "answer" not in item
        and item.get("linkId") not in QUESTIONS_BY_ID
    )


def _language(value: object) -> str | None:
    """``en``, ``es`` or a regional tag of them (``es-US``); None for anything else."""
    if not isinstance(value, str) or not re.fullmatch(LANGUAGE_TAG, value):
        return None
    return value[:2]


def _read_item(item: object, at: str, reading: Reading, answers: dict[str, object]) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("linkId"), str):
        detail = _l("Each item needs a “linkId”: the id of the question it answers.")
        reading.errors.append(InputError(ErrorKind.WRONG_TYPE, detail, pointer=at))
        return
    link_id = item["linkId"]
    sent = item.get("answer", [])
    codes = _codes(link_id, sent, at, reading.errors)
    question = QUESTIONS_BY_ID.get(link_id)
    radio = question is not None and question.kind is Kind.RADIO
    if link_id in reading.pointers:
        detail = _l("“%(question)s” is answered more than once.", question=link_id)
        reading.errors.append(InputError(ErrorKind.REPEATED_QUESTION, detail, link_id, at))
        if radio:  # no one answer is the answer: none of them counts for an emergency
            reading.repeated.add(link_id)
        elif isinstance(answers[link_id], list):  # a sign counts wherever it is (fail safe)
            answers[link_id] = [*answers[link_id], *codes]
        return
    reading.pointers[link_id] = at
    # A radio's answer is its one coding; anything else beside it makes it a list (an error).
    one_code = radio and len(codes) == 1 and isinstance(sent, list) and len(sent) == 1
    answers[link_id] = codes[0] if one_code else codes


def _codes(link_id: str, answers: object, at: str, errors: list[InputError]) -> list[str]:
    """An item's answer codes. A code of another system is kept as ``system|code``, so that it
    is reported as unknown to the question; an answer that is not a coding is reported and
    left out, so that a sign beside it still counts."""
    detail = _l("Each answer must be a “valueCoding” with one of the question's codes.")
    if not isinstance(answers, list):
        errors.append(InputError(ErrorKind.WRONG_TYPE, detail, link_id, f"{at}/answer"))
        return []
    codes = []
    for index, answer in enumerate(answers):
        coding = answer.get("valueCoding") if isinstance(answer, dict) else None
        if not isinstance(coding, dict) or not isinstance(coding.get("code"), str):
            errors.append(InputError(ErrorKind.WRONG_TYPE, detail, link_id, f"{at}/answer/{index}"))
            continue
        code, system = coding["code"], coding.get("system", answer_system(link_id))
        codes.append(code if system == answer_system(link_id) else f"{system}|{code}")
    return codes
