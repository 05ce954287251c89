"""``assess(answers) -> Assessment``: the one place the rules are run."""

from dataclasses import dataclass

from backcare.triage.catalog import Section, match_sections
from backcare.triage.conditions import Facts
from backcare.triage.levels import Level, PainType
from backcare.triage.questions import Answers, relevant_answers
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES, Rule
from backcare.triage.text import N_


@dataclass(frozen=True)
class Finding:
    """A rule that fired, with the reason that applies to this person."""

    rule: Rule
    reason: str
    #: Advice said more strongly for this person (its ``stressed_reason``).
    stressed: bool = False


@dataclass(frozen=True)
class Assessment:
    level: Level
    #: None when an emergency stopped the questionnaire before the duration question.
    pain_type: PainType | None
    #: Every fired rule that sets a level, the most urgent first, in table order within a level.
    findings: tuple[Finding, ...]
    advice: tuple[Finding, ...]
    #: The seed page's resource sections that fit, most relevant first (none for an emergency).
    sections: tuple[Section, ...]
    answers: Answers

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(finding.rule.id for finding in self.findings)

    @property
    def action(self) -> str:
        return ACTIONS[self.level]


ACTIONS = {
    Level.EMERGENCY: N_(
        "Call %(emergency_number)s or go to an emergency room now. Do not drive yourself."
    ),
    Level.URGENT: N_(
        "Contact a health care provider today. If you cannot reach your own, go to an urgent "
        "care clinic."
    ),
    Level.SOON: N_("Call your health care provider to make an appointment in the next few days."),
    Level.SELF_CARE: N_(
        "You can probably care for this at home. Below is how, and when to get help."
    ),
}


def _finding(rule: Rule, facts: Facts) -> Finding:
    if rule.is_stressed(facts):
        return Finding(rule, rule.stressed_reason, stressed=True)
    return Finding(rule, rule.reason)


def pain_type_of(answers: Answers) -> PainType | None:
    """Chronic when the pain has lasted more than three months; unknown before that question."""
    duration = answers.get("duration")
    if duration is None:
        return None
    return PainType.CHRONIC if duration == "over_3_months" else PainType.ACUTE


def assess(answers: Answers) -> Assessment:
    """Run every rule over the answers that are still relevant and return the result."""
    answers = relevant_answers(answers)
    facts = Facts(answers)
    fired = [rule for rule in LEVEL_RULES if rule.when(facts)]
    level = max((rule.level for rule in fired), key=lambda lvl: lvl.rank, default=Level.SELF_CARE)
    fired.sort(key=lambda rule: -rule.level.rank)  # stable: table order within a level
    facts = Facts(answers, level, pain_type_of(answers))
    return Assessment(
        level=level,
        pain_type=facts.pain_type,
        findings=tuple(_finding(rule, facts) for rule in fired),
        advice=tuple(_finding(rule, facts) for rule in ADVICE_RULES if rule.when(facts)),
        sections=match_sections(answers, level, facts.pain_type),
        answers=answers,
    )
