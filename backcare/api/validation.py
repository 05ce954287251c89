"""Answers sent to the API, checked against the questionnaire: codes, types and branching.

A request is read in two steps. A reader (``read_json`` here, or the FHIR one) turns the body
into a ``Reading``: the answers as sent, keyed by question id, and the problems found on the way.
Then either ``emergency_assessment`` finds that the answers fire an emergency rule, or ``check``
checks every answer and the branching.

An emergency is never delayed by a validation error (QUESTIONNAIRE.md, "Stop early"). Every
answer that can be read as codes counts, at any question, whatever else is missing, extra
(not asked) or invalid in the request: a checkbox's known signs (in a list, or as the whole
value; unknown codes beside them are ignored) and a radio's known code. As soon as those answers,
taken in questionnaire order, fire any emergency rule, the request gets the emergency result
for the answers up to that question, as the questionnaire stops there. Otherwise the answers
are checked strictly, against the branching of ``Question.shown_when``: every question it asks
must be answered, and no other (a FHIR reading leaves out the answers of items the branching
hides instead: renderers keep them). A typo for a sign is then a 400 that names it, not a calm
result.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from flask_babel import LazyString, gettext
from flask_babel import lazy_gettext as _l

from backcare.api.conditions import describe, quoted
from backcare.api.problems import ErrorKind, InputError, invalid_request
from backcare.i18n import LANGUAGES
from backcare.triage import (
    Assessment,
    Finding,
    Level,
    Resources,
    answers_from_json,
    is_shown,
)
from backcare.triage.assessment import care_of, pain_type_of
from backcare.triage.conditions import Facts
from backcare.triage.questions import (
    NONE,
    QUESTIONS,
    QUESTIONS_BY_ID,
    Answers,
    Kind,
    Question,
    without_hidden,
)
from backcare.triage.rules import EMERGENCY_RULES, Rule

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
    #: Radio questions answered more than once (FHIR items): none of their codes counts
    #: towards an emergency, as no one of them is the answer.
    repeated: set[str] = field(default_factory=set)
    #: Answers to questions the branching does not ask are left out instead of refused: a FHIR
    #: renderer keeps the answers of the items it hides (LHC-Forms 40 does).
    drops_hidden: bool = False


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


def counted(question: Question, value: object) -> str | tuple[str, ...] | None:
    """What an answer counts for towards an emergency, however malformed the rest of it is: a
    radio's known code, a checkbox's known signs, ``()`` for a plain "None of these"; None
    when there is nothing to count."""
    if question.kind is Kind.RADIO:
        return value if isinstance(value, str) and value in question.codes else None
    sent = [value] if isinstance(value, str) else value if isinstance(value, list) else [None]
    signs = tuple(code for code in question.sign_codes if code in sent)
    if signs or all(code == NONE for code in sent):
        return signs
    return None


def emergency_answers(reading: Reading) -> dict[str, str | tuple[str, ...]] | None:
    """The answers that count, up to the question at which they fire an emergency rule (in
    questionnaire order, as the questionnaire stops there); None when they fire none."""
    given: dict[str, str | tuple[str, ...]] = {}
    for question in QUESTIONS:
        if reading.answers is None or question.id not in reading.answers:
            continue
        if question.kind is Kind.RADIO and question.id in reading.repeated:
            continue
        value = counted(question, reading.answers[question.id])
        if value is None:
            continue
        given[question.id] = value
        if _emergency_rules(given):
            return given
    return None


def _emergency_rules(answers: Answers) -> list[Rule]:
    """The emergency rules these answers fire, taken as they are (no branching: an answer the
    questionnaire would not have asked still counts, fail safe)."""
    facts = Facts(answers)
    return [rule for rule in EMERGENCY_RULES if rule.when(facts)]


def emergency_assessment(reading: Reading) -> Assessment | None:
    """The emergency result when the answers that count fire any emergency rule, else None.

    The same as ``assess`` gives for answers the branching asks; but it also counts answers the
    branching would drop (``pregnancy_signs`` sent without ``age``, say), so that no emergency
    is held up by what is missing or extra.
    """
    answers = emergency_answers(reading)
    if answers is None:
        return None
    fired = _emergency_rules(answers)
    facts = Facts(answers, Level.EMERGENCY, pain_type_of(answers))
    return Assessment(
        level=Level.EMERGENCY,
        care=care_of(Level.EMERGENCY, fired, answers),
        pain_type=facts.pain_type,
        findings=tuple(Finding.of(rule, facts) for rule in fired),
        advice=(),  # no advice on the emergency result
        resources=Resources(),  # nor resources
        answers=answers,
    )


def check(reading: Reading) -> Answers:
    """The answers as codes, ready for ``assess``; raises a 400 ``ApiError`` naming every
    problem. Call ``emergency_assessment`` first: an emergency is never refused."""
    errors = list(reading.errors)
    if reading.answers is None:
        raise invalid_request(errors, reading.lang)
    valid: dict[str, object] = {}
    faulty: set[str] = set()
    for key, value in reading.answers.items():
        at = reading.pointers.get(key)
        question = QUESTIONS_BY_ID.get(key)
        if question is None:
            detail = _l("There is no question “%(question)s”.", question=key)
            errors.append(InputError(ErrorKind.UNKNOWN_QUESTION, detail, key, at))
        elif _is_valid(question, value, at, errors):
            valid[key] = value
        else:
            faulty.add(key)
    answers = answers_from_json(valid)  # checked above, so it raises nothing
    # Whether a question is asked cannot be told when its condition reads a faulty answer
    # (or one whose own asking cannot be told): a fault is reported once, at its question.
    unknown = set(faulty)
    for question in QUESTIONS:
        condition = question.shown_when
        if condition is not None and condition.questions & unknown:
            unknown.add(question.id)
            continue
        shown = is_shown(question, answers)
        if question.id in answers and not shown:
            if not reading.drops_hidden:
                errors.append(_not_asked(question, reading.pointers.get(question.id)))
        elif question.id not in reading.answers and shown:
            detail = _l(
                "“%(question)s” needs an answer: with these answers the questionnaire asks it.",
                question=question.id,
            )
            errors.append(InputError(ErrorKind.MISSING, detail, question.id))
    if errors:
        errors.sort(key=_position)
        raise invalid_request(errors, reading.lang)
    return without_hidden(answers) if reading.drops_hidden else answers


def _position(error: InputError) -> int:
    """Problems with the body first, then in questionnaire order, unknown questions last."""
    if error.question is None:
        return -1
    return ORDER.get(error.question, len(ORDER))


def _is_valid(question: Question, value: object, at: str | None, errors: list[InputError]) -> bool:
    """Whether one answer is valid JSON for its question; if not, its problems are added to
    ``errors``. (``answers_from_json`` then turns the valid ones into codes.)"""
    if question.kind is Kind.RADIO:
        if not isinstance(value, str):
            detail = _l("“%(question)s” takes exactly one answer code.", question=question.id)
            errors.append(InputError(ErrorKind.WRONG_TYPE, detail, question.id, at))
            return False
        if value not in question.codes:
            errors.append(_unknown_code(question, value, at))
            return False
        return True
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        detail = _l(
            "“%(question)s” takes a list of answer codes, with “none” (or nothing) for none "
            "of these.",
            question=question.id,
        )
        errors.append(InputError(ErrorKind.WRONG_TYPE, detail, question.id, at))
        return False
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
    # "None of these" beside a sign counts the sign (fail safe): ``answers_from_json``.
    return not (unknown or repeated)


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
    detail = _l(
        "“%(question)s” is not asked with these answers: it is asked only when %(condition)s.",
        question=question.id,
        # In the words of the language the problem is given in, when it is given.
        condition=LazyString(describe, condition, quoted, gettext),
    )
    return InputError(ErrorKind.NOT_ASKED, detail, question.id, at)
