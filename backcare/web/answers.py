"""The one place that knows the session layout: the answers, as codes, in the session cookie,
and who is answering.

Nothing about a person's answers is kept anywhere else. The cookie holds only question ids and
answer codes (in the domain's JSON form, ``answers_to_json``), never free text, and whether the
person answers for themselves or for someone else.
"""

from flask import request, session

from backcare.triage import AnsweringFor, InvalidAnswerError, answers_from_json, answers_to_json
from backcare.triage.questions import NONE, Answers, without_hidden

_KEY = "answers"
_ANSWERING_FOR = "answering_for"
_WHO = frozenset(AnsweringFor)


def _codes(value) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(code, str) for code in value)
    )


#: Each key a session may hold, and what its value must be.
_LAYOUT = {
    _KEY: lambda value: (
        isinstance(value, dict)
        and all(isinstance(key, str) and _codes(answer) for key, answer in value.items())
    ),
    _ANSWERING_FOR: lambda value: isinstance(value, str),
    "clinic": lambda value: isinstance(value, str),  # clinics.record_clinic
    "embed": lambda value: value is True,  # embedding.record_embedding
    "csrf_token": lambda value: isinstance(value, str),  # Flask-WTF's CSRF secret
    "_permanent": lambda value: isinstance(value, bool),  # Flask's session.permanent
}


def valid_layout(data) -> bool:
    """Whether session data read from a cookie has this layout. Anything else (a key of
    another release, ``clinic`` as a list, ``answers`` as a string) is read as a fresh session,
    so that no page meets a value of the wrong type."""
    return isinstance(data, dict) and all(
        key in _LAYOUT and _LAYOUT[key](value) for key, value in data.items()
    )


def load() -> dict[str, str | tuple[str, ...]]:
    """The answers so far. A cookie whose answers are not codes (a layout from another
    release) counts as no answers."""
    stored = session.get(_KEY)
    if not isinstance(stored, dict):
        return {}
    try:
        return answers_from_json(stored)
    except InvalidAnswerError:
        return {}


def save(
    answers: Answers, question_id: str, answer: str | tuple[str, ...]
) -> dict[str, str | tuple[str, ...]]:
    """Record one answer beside the ``answers`` from :func:`load`, drop answers the branching
    no longer asks, and return the result."""
    answers = without_hidden({**answers, question_id: answer})
    session.permanent = True
    session[_KEY] = answers_to_json(answers)
    return answers


def answering_for() -> AnsweringFor:
    """Who is answering, as the start page's button said (the person with back pain unless
    they said otherwise)."""
    stored = session.get(_ANSWERING_FOR)
    return AnsweringFor(stored) if stored in _WHO else AnsweringFor.MYSELF


def record_answering_for() -> None:
    """Before a page: the start page's buttons send ``?answering_for=`` to the first question."""
    asked = request.args.get(_ANSWERING_FOR)
    if asked in _WHO and session.get(_ANSWERING_FOR) != asked:
        session.permanent = True
        session[_ANSWERING_FOR] = asked


def answer_codes(answer: str | tuple[str, ...]) -> tuple[str, ...]:
    """An answer as the codes a summary shows: "None of these" for a checkbox answer with no
    signs."""
    if isinstance(answer, str):
        return (answer,)
    return answer or (NONE,)


def clear() -> None:
    """Forget the whole visit: answers, who is answering, the clinic and the CSRF secret. The
    cookie is removed, and the next one starts a new absolute lifetime."""
    session.clear()
