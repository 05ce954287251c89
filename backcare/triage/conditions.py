"""Small, composable conditions over the facts of one assessment.

A rule's condition is data built from these pieces, so the rule table reads like
QUESTIONNAIRE.md and one evaluator can run it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from backcare.triage.levels import Level, PainType
from backcare.triage.questions import Answers


@dataclass(frozen=True)
class Facts:
    """What a condition may look at: the answers, and once known the level and pain type."""

    answers: Answers
    level: Level | None = None
    pain_type: PainType | None = None


Condition = Callable[[Facts], bool]


def has(question: str, *codes: str) -> Condition:
    """A checkbox answer holds any of ``codes``; with no codes, any sign at all."""

    wanted = frozenset(codes)

    def condition(facts: Facts) -> bool:
        chosen = facts.answers.get(question, ())
        return not wanted.isdisjoint(chosen) if wanted else bool(chosen)

    return condition


def is_(question: str, *codes: str) -> Condition:
    """A radio answer is one of ``codes``."""
    return lambda facts: facts.answers.get(question) in codes


def answered_not(question: str, *codes: str) -> Condition:
    """A radio answer was given and is none of ``codes`` (an unanswered question never matches)."""
    return lambda facts: question in facts.answers and facts.answers[question] not in codes


def level_in(*levels: Level) -> Condition:
    return lambda facts: facts.level in levels


def pain_type_is(pain_type: PainType) -> Condition:
    return lambda facts: facts.pain_type is pain_type


def all_of(*conditions: Condition) -> Condition:
    return lambda facts: all(condition(facts) for condition in conditions)


def any_of(*conditions: Condition) -> Condition:
    return lambda facts: any(condition(facts) for condition in conditions)
