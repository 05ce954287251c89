"""``assess(answers) -> Assessment``: the one place the rules are run; and the one place that
turns answers to and from their JSON form (session cookie, API)."""

from collections.abc import Mapping
from dataclasses import dataclass

from backcare.triage.catalog import Resources, Section, match_resources
from backcare.triage.conditions import Answers, Facts
from backcare.triage.levels import ACTIONS, CARE_ACTIONS, Care, Level, PainType
from backcare.triage.questions import NONE, QUESTIONS_BY_ID, Kind, without_hidden
from backcare.triage.rules import (
    ADVICE_RULES,
    LEVEL_RULES,
    RULES_VERSION,
    Rule,
)
from backcare.triage.text import AnsweringFor, Phrase, wording_for

__all__ = [
    "Assessment",
    "Finding",
    "InvalidAnswerError",
    "answers_from_json",
    "answers_to_json",
    "assess",
    "care_of",
    "pain_type_of",
]


@dataclass(frozen=True)
class Finding:
    """A rule that fired, with the reason that applies to this person."""

    rule: Rule
    reason: str
    #: ``reason`` about "the person with back pain", only where it differs.
    reason_other: str = ""
    #: Advice said more strongly for this person (a ``stressed`` variant).
    stressed: bool = False

    def wording(self, answering_for: AnsweringFor | str | None = None) -> str:
        """The reason for ``answering_for`` (``someone_else``: ``reason_other`` if filled)."""
        return wording_for(self.reason, self.reason_other, answering_for)

    @classmethod
    def of(cls, rule: Rule, facts: Facts) -> "Finding":
        """``rule``, which fired on ``facts``, with the reason of the variant that applies."""
        variant = rule.variant_for(facts)
        if variant is not None:
            return cls(rule, variant.reason, variant.reason_other, variant.stressed)
        return cls(rule, rule.reason, rule.reason_other)


@dataclass(frozen=True)
class Assessment:
    level: Level
    #: Where to go when it is better than the level's default; None otherwise.
    care: Care | None
    #: None when the questionnaire stopped before the duration question.
    pain_type: PainType | None
    #: Every fired rule that sets a level, the most urgent first, in table order within a
    #: level; on an emergency result only the emergency ones.
    findings: tuple[Finding, ...]
    advice: tuple[Finding, ...]
    #: The seed page's links that fit, split into ``first`` and ``more`` (none for an emergency).
    resources: Resources
    answers: Answers
    rules_version: str = RULES_VERSION

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(finding.rule.id for finding in self.findings)

    @property
    def sections(self) -> tuple[Section, ...]:
        """Every matching section, best first (``resources.first`` and ``.more`` together)."""
        return self.resources.sections

    @property
    def action_phrase(self) -> Phrase:
        return CARE_ACTIONS[self.care] if self.care is not None else ACTIONS[self.level]

    @property
    def action(self) -> str:
        """The one action, in the "you" wording (``%(emergency_number)s`` still to fill)."""
        return self.action_phrase.you

    def action_for(self, answering_for: AnsweringFor | str | None = None) -> str:
        """The one action for ``answering_for``."""
        return self.action_phrase.wording(answering_for)


def pain_type_of(answers: Answers) -> PainType | None:
    """Chronic when the pain has lasted more than three months; unknown before that question."""
    duration = answers.get("duration")
    if duration is None:
        return None
    return PainType.CHRONIC if duration == "over_3_months" else PainType.ACUTE


def care_of(level: Level, fired: list[Rule], answers: Answers) -> Care | None:
    """QUESTIONNAIRE.md, "Where to go": the care every rule fired at ``level`` names, if they
    all name the same one; every urgent result in a pregnancy (``pregnant`` = ``yes``) goes to
    the maternity unit."""
    if level is Level.URGENT and answers.get("pregnant") == "yes":
        return Care.MATERNITY_NOW
    cares = {rule.care for rule in fired if rule.level is level}
    return cares.pop() if len(cares) == 1 else None


def assess(answers: Answers) -> Assessment:
    """Run every rule over the answers that are still relevant and return the result.

    Works on partial answers too: whatever emergency rules the answers fire, the result is the
    emergency one, listing every emergency reason that fired.
    """
    answers = without_hidden(answers)
    facts = Facts(answers)
    fired = [rule for rule in LEVEL_RULES if rule.when(facts)]
    level = max(
        (rule.level for rule in fired if rule.level is not None),
        key=lambda lvl: lvl.rank,
        default=Level.SELF_CARE,
    )
    if level is Level.EMERGENCY:
        fired = [rule for rule in fired if rule.level is Level.EMERGENCY]
    fired.sort(key=lambda rule: -rule.level.rank if rule.level else 0)  # stable: table order
    facts = Facts(answers, level, pain_type_of(answers))
    return Assessment(
        level=level,
        care=care_of(level, fired, answers),
        pain_type=facts.pain_type,
        findings=tuple(Finding.of(rule, facts) for rule in fired),
        advice=tuple(Finding.of(rule, facts) for rule in ADVICE_RULES if rule.when(facts)),
        resources=match_resources(answers, level, facts.pain_type),
        answers=answers,
    )


# Answers as JSON: the session cookie and the API share this.


class InvalidAnswerError(ValueError):
    """An answer that is not one of its question's codes; ``question`` names the question."""

    def __init__(self, question: str, message: str) -> None:
        super().__init__(message)
        self.question = question


def answers_from_json(data: Mapping[str, object]) -> dict[str, str | tuple[str, ...]]:
    """Answers as codes from their JSON form (``answers_to_json``), checking every one.

    A radio answer is a code (a string); a checkbox answer is a list of codes, where ``none``
    beside a sign is ignored and the signs count (fail safe), and ``[]`` or ``["none"]`` mean
    "None of these". Raises ``InvalidAnswerError`` naming the question for an unknown question, an
    unknown code, a repeated code or a value of the wrong kind. The branching is not checked
    here (see ``without_hidden`` and ``Journey``).
    """
    if not isinstance(data, Mapping):
        raise InvalidAnswerError("", "answers must be an object mapping question ids to codes")
    answers: dict[str, str | tuple[str, ...]] = {}
    for qid, value in data.items():
        question = QUESTIONS_BY_ID.get(qid) if isinstance(qid, str) else None
        if question is None:
            raise InvalidAnswerError(str(qid), f"there is no question {qid!r}")
        if question.kind is Kind.RADIO:
            if not isinstance(value, str):
                raise InvalidAnswerError(qid, f"{qid!r} takes exactly one answer code")
            if value not in question.codes:
                raise InvalidAnswerError(qid, f"{value!r} is not an answer to {qid!r}")
            answers[qid] = value
            continue
        if not isinstance(value, list | tuple) or not all(isinstance(c, str) for c in value):
            raise InvalidAnswerError(qid, f"{qid!r} takes a list of answer codes")
        for code in value:
            if code not in question.codes:
                raise InvalidAnswerError(qid, f"{code!r} is not an answer to {qid!r}")
        if len(set(value)) != len(value):
            raise InvalidAnswerError(qid, f"a code is sent twice for {qid!r}")
        answers[qid] = tuple(code for code in question.sign_codes if code in value)
    return answers


def answers_to_json(answers: Answers) -> dict[str, str | list[str]]:
    """Answers in their JSON form: radio codes as strings, checkbox codes as lists (``[]`` for
    "None of these"; ``none`` itself is never stored)."""
    return {
        qid: [code for code in value if code != NONE] if isinstance(value, tuple) else value
        for qid, value in answers.items()
    }
