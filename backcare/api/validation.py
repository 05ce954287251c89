"""Answers sent to the API, checked against the questionnaire: codes, types and branching.

A request is read in two steps. A reader (``read_json`` here, or the FHIR one) turns the body
into a ``Reading``: the answers as sent, keyed by question id, and the problems found on the way.
``check`` then either finds an emergency sign, or checks every answer and the branching.

An emergency is never delayed by a validation error (QUESTIONNAIRE.md: a contradiction must
never hide a warning sign). As soon as ``emergency_signs`` holds one known sign, as a list
element or as the whole value, the request gets the emergency assessment, whatever else is in
it: the other answers are ignored, as the questionnaire stops at that page. Without a known
sign, ``emergency_signs`` is checked like any other answer, so an unknown code there (a typo
for a sign, say) is a 400 that names it rather than a calm result.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from backcare.api.problems import ErrorKind, InputError, invalid_request
from backcare.i18n import LANGUAGES
from backcare.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Answers, Kind, Question, is_shown

EMERGENCY = QUESTIONS_BY_ID["emergency_signs"]
MEMBERS = ("answers", "lang")
ORDER = {question.id: position for position, question in enumerate(QUESTIONS)}


@dataclass
class Reading:
    """A request body as read, before its answers are checked."""

    #: Answers as sent, by question id; None when the body held none that could be read.
    answers: Mapping[str, object] | None
    #: The language asked for, when valid.
    lang: str | None
    errors: list[InputError] = field(default_factory=list)
    #: Where each answer is in the body, as a JSON Pointer.
    pointers: dict[str, str] = field(default_factory=dict)


def pointer(*parts: str | int) -> str:
    """A JSON Pointer (RFC 6901) to a place in the request body."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def read_json(body: object) -> Reading:
    """Read a body of the form ``{"answers": {...}, "lang": "en"|"es"}``."""
    if not isinstance(body, dict):
        return not_an_object()
    errors = [
        InputError(
            ErrorKind.UNKNOWN_MEMBER,
            _l("“%(member)s” is not part of the request.", member=key),
            pointer=pointer(key),
        )
        for key in body
        if key not in MEMBERS
    ]
    lang = body.get("lang", LANGUAGES[0])
    if lang not in LANGUAGES:
        errors.append(language_error("lang", pointer("lang")))
        lang = None
    answers = body.get("answers")
    if "answers" not in body:
        errors.append(
            InputError(
                ErrorKind.MISSING, _l("The request needs “answers”."), pointer=pointer("answers")
            )
        )
    elif not isinstance(answers, dict):
        errors.append(
            InputError(
                ErrorKind.WRONG_TYPE,
                _l("“answers” must be an object that maps question ids to answer codes."),
                pointer=pointer("answers"),
            )
        )
    if not isinstance(answers, dict):
        return Reading(None, lang, errors)
    pointers = {key: pointer("answers", key) for key in answers}
    return Reading(answers, lang, errors, pointers)


def not_an_object() -> Reading:
    """The reading of a body that is JSON but not an object."""
    detail = _l("The request body must be a JSON object.")
    return Reading(None, None, [InputError(ErrorKind.WRONG_TYPE, detail, pointer="")])


def language_error(member: str, at: str) -> InputError:
    return InputError(
        ErrorKind.UNKNOWN_CODE, _l("“%(member)s” must be “en” or “es”.", member=member), pointer=at
    )


def emergency_signs(answers: Mapping[str, object] | None) -> tuple[str, ...]:
    """The known emergency signs sent, however the rest of the request looks."""
    value = (answers or {}).get(EMERGENCY.id)
    sent = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(code for code in EMERGENCY.sign_codes if code in sent)


def check(reading: Reading) -> Answers:
    """The answers as codes, ready for ``assess``; raises a 400 ``ApiError`` naming every
    problem, unless an emergency sign was sent."""
    signs = emergency_signs(reading.answers)
    if signs:
        return {EMERGENCY.id: signs}
    errors = list(reading.errors)
    if reading.answers is None:
        raise invalid_request(errors, reading.lang)
    answers: dict[str, str | tuple[str, ...]] = {}
    for key, value in reading.answers.items():
        at = reading.pointers.get(key)
        question = QUESTIONS_BY_ID.get(key)
        if question is None:
            detail = _l("There is no question “%(question)s”.", question=key)
            errors.append(InputError(ErrorKind.UNKNOWN_QUESTION, detail, key, at))
            continue
        answer = _answer(question, value, at, errors)
        if answer is not None:
            answers[key] = answer
    for question in QUESTIONS:
        if question.id in answers and not is_shown(question, answers):
            errors.append(_not_asked(question, reading.pointers.get(question.id)))
        elif question.id not in reading.answers and is_shown(question, answers, strict=True):
            detail = _l(
                "“%(question)s” needs an answer: with these answers the questionnaire asks it.",
                question=question.id,
            )
            errors.append(InputError(ErrorKind.MISSING, detail, question.id))
    if errors:
        errors.sort(key=_position)
        raise invalid_request(errors, reading.lang)
    return answers


def _position(error: InputError) -> int:
    """Problems with the body first, then in questionnaire order, unknown questions last."""
    if error.question is None:
        return -1
    return ORDER.get(error.question, len(ORDER))


def _answer(
    question: Question, value: object, at: str | None, errors: list[InputError]
) -> str | tuple[str, ...] | None:
    """One answer as codes, or None after adding its problems to ``errors``."""
    if question.kind is Kind.RADIO:
        if not isinstance(value, str):
            detail = _l("“%(question)s” takes exactly one answer code.", question=question.id)
            errors.append(InputError(ErrorKind.WRONG_TYPE, detail, question.id, at))
            return None
        if value not in question.codes:
            errors.append(_unknown_code(question, value, at))
            return None
        return value
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        detail = _l(
            "“%(question)s” takes a list of answer codes, with “none” (or nothing) for none "
            "of these.",
            question=question.id,
        )
        errors.append(InputError(ErrorKind.WRONG_TYPE, detail, question.id, at))
        return None
    unknown = [_unknown_code(question, code, at) for code in value if code not in question.codes]
    repeated = [
        InputError(
            ErrorKind.REPEATED_CODE,
            _l("“%(code)s” is sent twice for “%(question)s”.", code=code, question=question.id),
            question.id,
            at,
        )
        for code in dict.fromkeys(value)
        if value.count(code) > 1
    ]
    errors.extend(unknown + repeated)
    if unknown or repeated:
        return None
    # "None of these" beside a sign counts the sign (fail safe), as on the web page.
    return tuple(code for code in question.sign_codes if code in value)


def _unknown_code(question: Question, code: str, at: str | None) -> InputError:
    detail = _l(
        "“%(code)s” is not an answer to “%(question)s”; its codes are: %(codes)s.",
        code=code,
        question=question.id,
        codes=", ".join(option.code for option in question.options),
    )
    return InputError(ErrorKind.UNKNOWN_CODE, detail, question.id, at)


def _not_asked(question: Question, at: str | None) -> InputError:
    condition = question.shown_when
    assert condition is not None  # only a question with a condition can be skipped
    parent = QUESTIONS_BY_ID[condition.question]
    detail = _l(
        "“%(question)s” is not asked with these answers: it is asked only when “%(parent)s” "
        "is one of: %(codes)s.",
        question=question.id,
        parent=parent.id,
        codes=", ".join(option.code for option in parent.options if option.code in condition.codes),
    )
    return InputError(ErrorKind.NOT_ASKED, detail, question.id, at)
