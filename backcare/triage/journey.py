"""The questionnaire as a person walks it: which questions are asked, in what order, and when
it ends (QUESTIONNAIRE.md, "Questions" and "Stop early").

``Journey.of(answers)`` gives the question pages what they need without index arithmetic. The
branching itself is ``Question.shown_when``; this module only walks it.
"""

from dataclasses import dataclass

from backcare.triage.conditions import AllOf, AnyOf, Condition, Facts, Not
from backcare.triage.questions import (
    QUESTIONS,
    Answers,
    Question,
    is_shown,
    without_hidden,
)
from backcare.triage.rules import EMERGENCY_RULES_READING

__all__ = ["Journey", "fires_emergency", "is_shown", "without_hidden"]

_ORDER = {question.id: position for position, question in enumerate(QUESTIONS)}


@dataclass(frozen=True)
class Journey:
    """Where a person is in the questionnaire, from the answers given so far.

    ``asked`` are the questions the answers show to be asked, in order; ``possible`` adds those
    that may still be asked (their condition reads a question not yet answered), so "Question n
    of m" only ever shrinks as answers come in. As soon as the answers given so far fire an
    emergency rule, the questionnaire ends at that question (``stopped_at``): nothing after it
    is asked.
    """

    #: The answers that count (``without_hidden``).
    answers: Answers
    asked: tuple[Question, ...]
    possible: tuple[Question, ...]
    #: The question whose answer fired an emergency rule, or None.
    stopped_at: Question | None = None

    @classmethod
    def of(cls, answers: Answers) -> "Journey":
        """The journey for ``answers`` (stale answers to questions no longer asked are ignored)."""
        # The answers of the questions shown so far, in order: ``without_hidden`` built in the
        # same pass (a condition reads only earlier questions), so no hidden answer is read.
        given: dict[str, str | tuple[str, ...]] = {}
        facts = Facts(given)
        asked: list[Question] = []
        possible: list[Question] = []
        #: Questions that may still be asked and have no answer yet.
        open_ids: set[str] = set()
        for question in QUESTIONS:
            if question.is_shown(given):
                asked.append(question)
                possible.append(question)
                if question.id in answers:
                    given[question.id] = answers[question.id]
                    # Only a rule that reads this answer can start to fire with it.
                    if any(rule.when(facts) for rule in EMERGENCY_RULES_READING[question.id]):
                        return cls(without_hidden(answers), tuple(asked), tuple(asked), question)
                else:
                    open_ids.add(question.id)
            elif _decided(question.shown_when, given, open_ids) is None:
                possible.append(question)
                open_ids.add(question.id)
        return cls(given, tuple(asked), tuple(possible))

    @property
    def stopped_early(self) -> bool:
        """True when an emergency rule fired: the emergency result comes next, at once."""
        return self.stopped_at is not None

    @property
    def first_unanswered(self) -> Question | None:
        """The first question still to answer; None when complete or stopped early."""
        if self.stopped_early:
            return None
        return next((q for q in self.possible if q.id not in self.answers), None)

    @property
    def complete(self) -> bool:
        """Nothing more to ask: every asked question is answered, or it stopped early."""
        return self.first_unanswered is None

    def next_after(self, question: Question) -> Question | None:
        """The question asked after ``question``, or None when it was the last (or the
        questionnaire stopped there)."""
        after = _ORDER[question.id]
        return next((q for q in self.possible if _ORDER[q.id] > after), None)

    def previous_before(self, question: Question) -> Question | None:
        """The question asked before ``question``, or None for the first."""
        before = _ORDER[question.id]
        earlier = [q for q in self.asked if _ORDER[q.id] < before]
        return earlier[-1] if earlier else None

    def position(self, question: Question) -> tuple[int, int]:
        """``(n, m)`` for "Question n of m"; ``question`` must be one that is or may be asked."""
        return self.possible.index(question) + 1, len(self.possible)

    def is_asked(self, question: Question) -> bool:
        """Whether ``question`` is (or may still be) asked on this journey."""
        return question in self.possible


def fires_emergency(answers: Answers) -> bool:
    """Whether the answers given so far fire an emergency rule (the questionnaire stops)."""
    return Journey.of(answers).stopped_early


def _decided(condition: Condition, answers: Answers, open_ids: set[str]) -> bool | None:
    """Whether ``condition`` holds, or None while it reads a question that may still be asked
    and has no answer yet (three-valued, so a question is "possible" only when some later
    answers could still make it asked)."""
    if isinstance(condition, AllOf | AnyOf):
        values = [_decided(part, answers, open_ids) for part in condition.conditions]
        decisive = isinstance(condition, AnyOf)  # True decides "any", False decides "all"
        if decisive in values:
            return decisive
        return None if None in values else not decisive
    if isinstance(condition, Not):
        value = _decided(condition.condition, answers, open_ids)
        return None if value is None else not value
    if condition.questions & open_ids:
        return None
    return condition(Facts(answers))
