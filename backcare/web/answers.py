"""The one place that knows the session layout: the answers, as codes, in the session cookie.

Nothing about a person's answers is kept anywhere else. The cookie holds only question ids and
answer codes, never free text.
"""

from flask import session

from backcare.triage.questions import NONE, QUESTIONS_BY_ID, Answers, Kind, without_hidden

_KEY = "answers"


def load() -> dict[str, str | tuple[str, ...]]:
    """The answers so far; anything in the cookie that is not a known code is ignored."""
    stored = session.get(_KEY)
    if not isinstance(stored, dict):
        return {}
    answers: dict[str, str | tuple[str, ...]] = {}
    for qid, value in stored.items():
        question = QUESTIONS_BY_ID.get(qid)
        if question is None:
            continue
        if question.kind is Kind.RADIO and isinstance(value, str) and value in question.codes:
            answers[qid] = value
        elif (
            question.kind is Kind.CHECKBOX
            and isinstance(value, list)
            and all(isinstance(code, str) and code in question.sign_codes for code in value)
        ):
            answers[qid] = tuple(value)
    return answers


def save(
    answers: Answers, question_id: str, answer: str | tuple[str, ...]
) -> dict[str, str | tuple[str, ...]]:
    """Record one answer beside the ``answers`` from :func:`load`, drop answers the branching
    no longer asks, and return the result."""
    answers = without_hidden({**answers, question_id: answer})
    _store(answers)
    return answers


def _store(answers: Answers) -> None:
    session.permanent = True
    session[_KEY] = {
        qid: list(value) if isinstance(value, tuple) else value for qid, value in answers.items()
    }


def answer_codes(answer: str | tuple[str, ...]) -> tuple[str, ...]:
    """An answer as the codes a summary shows: "None of these" for a checkbox answer with no
    signs."""
    if isinstance(answer, str):
        return (answer,)
    return answer or (NONE,)


def clear() -> None:
    session.pop(_KEY, None)
