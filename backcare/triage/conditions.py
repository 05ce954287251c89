"""Conditions over the facts of one assessment, as plain data.

Every condition is a small frozen dataclass: it can be called with ``Facts`` and says which
questions it reads (``questions``), so the rule table, the branching ("shown when") and the
resource table read like QUESTIONNAIRE.md, and an exporter (FHIR ``enableWhen``, FHIRPath) can
walk them. There are no lambdas here on purpose.

The contract's semantics (QUESTIONNAIRE.md, "Stop early"): a condition that asks for a code never
holds on a question that was not answered; "is not" and "unless" hold when it was not asked.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from backcare.triage.levels import Level, PainType

#: Answers as codes: a radio question maps to one code, a checkbox question to a tuple of codes.
#: An empty tuple means "None of these"; the tuple never holds ``none`` itself.
Answers = Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True)
class Facts:
    """What a condition may look at: the answers, and once known the level and pain type."""

    answers: Answers
    level: Level | None = None
    pain_type: PainType | None = None


class Condition:
    """Base of every condition: call it with ``Facts``; ``questions`` are the ids it reads."""

    def __call__(self, facts: Facts) -> bool:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    @property
    def questions(self) -> frozenset[str]:
        raise NotImplementedError  # pragma: no cover


@dataclass(frozen=True)
class Has(Condition):
    """A checkbox answer holds any of ``codes``; with no codes, any sign at all."""

    question: str
    codes: tuple[str, ...] = ()

    def __call__(self, facts: Facts) -> bool:
        chosen = facts.answers.get(self.question, ())
        if not self.codes:
            return bool(chosen)
        return any(code in chosen for code in self.codes)

    @property
    def questions(self) -> frozenset[str]:
        return frozenset({self.question})


@dataclass(frozen=True)
class HasNone(Condition):
    """A checkbox question was answered "None of these" (not merely left unanswered)."""

    question: str

    def __call__(self, facts: Facts) -> bool:
        return facts.answers.get(self.question) == ()

    @property
    def questions(self) -> frozenset[str]:
        return frozenset({self.question})


@dataclass(frozen=True)
class Is(Condition):
    """A radio answer is one of ``codes`` (never holds when the question was not answered)."""

    question: str
    codes: tuple[str, ...]

    def __call__(self, facts: Facts) -> bool:
        return facts.answers.get(self.question) in self.codes

    @property
    def questions(self) -> frozenset[str]:
        return frozenset({self.question})


@dataclass(frozen=True)
class IsNot(Condition):
    """A radio answer is none of ``codes``; holds when the question was not asked."""

    question: str
    codes: tuple[str, ...]

    def __call__(self, facts: Facts) -> bool:
        return facts.answers.get(self.question) not in self.codes

    @property
    def questions(self) -> frozenset[str]:
        return frozenset({self.question})


@dataclass(frozen=True)
class AllOf(Condition):
    conditions: tuple[Condition, ...]

    def __call__(self, facts: Facts) -> bool:
        return all(condition(facts) for condition in self.conditions)

    @property
    def questions(self) -> frozenset[str]:
        return frozenset().union(*(condition.questions for condition in self.conditions))


@dataclass(frozen=True)
class AnyOf(Condition):
    conditions: tuple[Condition, ...]

    def __call__(self, facts: Facts) -> bool:
        return any(condition(facts) for condition in self.conditions)

    @property
    def questions(self) -> frozenset[str]:
        return frozenset().union(*(condition.questions for condition in self.conditions))


@dataclass(frozen=True)
class Not(Condition):
    """The contract's "unless": holds when ``condition`` does not (so also when unanswered)."""

    condition: Condition

    def __call__(self, facts: Facts) -> bool:
        return not self.condition(facts)

    @property
    def questions(self) -> frozenset[str]:
        return self.condition.questions


@dataclass(frozen=True)
class LevelIn(Condition):
    """The assessment's level is one of ``levels`` (advice and resources only; reads no question
    directly, though the level itself comes from the answers)."""

    levels: tuple[Level, ...]

    def __call__(self, facts: Facts) -> bool:
        return facts.level in self.levels

    @property
    def questions(self) -> frozenset[str]:
        return frozenset()


@dataclass(frozen=True)
class PainTypeIs(Condition):
    """The pain type is ``pain_type`` (chronic: ``duration`` = ``over_3_months``)."""

    pain_type: PainType

    def __call__(self, facts: Facts) -> bool:
        return facts.pain_type is self.pain_type

    @property
    def questions(self) -> frozenset[str]:
        return frozenset({"duration"})


# Constructors, so the tables read like QUESTIONNAIRE.md.


def has(question: str, *codes: str) -> Has:
    """``question`` has any of ``codes`` (no codes: any sign)."""
    return Has(question, codes)


def has_none(question: str) -> HasNone:
    """``question`` is ``none`` ("None of these" was chosen)."""
    return HasNone(question)


def is_(question: str, *codes: str) -> Is:
    """``question`` is (one of) ``codes``."""
    return Is(question, codes)


def is_not(question: str, *codes: str) -> IsNot:
    """``question`` is not (any of) ``codes``; holds when it was not asked."""
    return IsNot(question, codes)


def all_of(*conditions: Condition) -> AllOf:
    return AllOf(conditions)


def any_of(*conditions: Condition) -> AnyOf:
    return AnyOf(conditions)


def unless(condition: Condition) -> Not:
    """The contract's "unless ...": holds when ``condition`` does not."""
    return Not(condition)


def level_in(*levels: Level) -> LevelIn:
    return LevelIn(levels)


def pain_type_is(pain_type: PainType) -> PainTypeIs:
    return PainTypeIs(pain_type)


# Facts the contract names in several places, each with one home.

#: "51+": ``age`` is ``51_to_70`` or ``over_70``.
AGE_51_PLUS = is_("age", "51_to_70", "over_70")
#: Under 18 (the two child ages).
CHILD = is_("age", "under_5", "5_to_17")
#: ``pregnant`` is ``yes`` or ``not_sure``.
COULD_BE_PREGNANT = is_("pregnant", "yes", "not_sure")
#: The level is not ``emergency`` (advice and resources).
NOT_EMERGENCY = level_in(Level.SELF_CARE, Level.SOON, Level.URGENT)
#: The condition of ``S-age-over-50``; the resource table reads it too.
FIRST_PAIN_AFTER_50 = all_of(AGE_51_PLUS, is_("first_episode", "yes"))
