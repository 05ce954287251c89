"""Invariants over the answer space: every radio combination exhaustively, every rule over the
questions it reads, and many sign sets by Hypothesis."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.triage import QUESTIONS_BY_ID, Level, PainType, assess
from backcare.triage.catalog import MAX_AT_ONCE
from backcare.triage.conditions import Facts
from backcare.triage.rules import LEVEL_RULES

from .answers import CHECKBOXES, answer_sets, walk
from .catalog_ids import HANDS_ON, INVASIVE, shown_ids


def check_invariants(answers):
    assessment = assess(answers)
    fired = [rule for rule in LEVEL_RULES if rule.when(Facts(assessment.answers))]
    expected = max((r.level for r in fired), key=lambda lvl: lvl.rank, default=Level.SELF_CARE)
    assert assessment.level is expected
    if "duration" in answers:
        assert (assessment.pain_type is PainType.CHRONIC) == (
            answers["duration"] == "over_3_months"
        )
    if assessment.level is Level.EMERGENCY:
        assert {f.rule.level for f in assessment.findings} == {Level.EMERGENCY}
        assert assessment.advice == () and not assessment.resources
    else:
        assert set(assessment.rule_ids) == {r.id for r in fired}
        assert "A-bed-rest" in [finding.rule.id for finding in assessment.advice]
        first = shown_ids(assessment.resources.first)
        assert len(first) <= MAX_AT_ONCE
        links = shown_ids(assessment.resources.sections)
        assert len(links) == len(set(links))
        assert not set(links) & set(INVASIVE)
        ans = assessment.answers
        if (
            ans["age"] in ("under_5", "5_to_17")
            or ans.get("pregnant") in ("yes", "not_sure")
            or "S-age-over-50" in assessment.rule_ids
            or ans["warning_signs"]
            or ans["health"]
        ):
            assert not set(links) & set(HANDS_ON)
    if assessment.level is Level.URGENT and answers.get("pregnant") == "yes":
        assert assessment.care == "maternity_now"
    return assessment


def test_every_radio_combination_with_no_signs():
    checked = sum(1 for answers in walk({"bed_rest": ["none"]}) if check_invariants(answers))
    assert checked > 4000


def _subsets(question_id, size=1):
    codes = QUESTIONS_BY_ID[question_id].sign_codes
    return [c for n in range(size + 1) for c in itertools.combinations(codes, n)]


def test_every_rule_over_the_questions_it_reads():
    """For each rule: every code of each radio it reads, and "none" or each single sign of
    each checkbox it reads, the other answers calm."""
    checked = 0
    for rule in LEVEL_RULES:
        read = set(rule.when.questions)
        for qid in sorted(read):  # and what the branching needs to ask them
            condition = QUESTIONS_BY_ID[qid].shown_when
            read |= condition.questions if condition else set()
        choices = {qid: _subsets(qid) for qid in read if QUESTIONS_BY_ID[qid].kind == "checkbox"}
        fixed = {"bed_rest": "none"}
        for question in QUESTIONS_BY_ID.values():
            if question.kind == "radio" and question.id not in read and question.id != "bed_rest":
                fixed.setdefault(question.id, _CALM_RADIO.get(question.id))
        fixed = {qid: value for qid, value in fixed.items() if value is not None}
        fired = False
        for answers in walk(choices, fixed):
            assessment = check_invariants(answers)
            fired |= rule.when(Facts(assessment.answers))
            checked += 1
        assert fired, rule.id
    assert checked > 1000


_CALM_RADIO = {
    "age": "18_to_50",
    "first_episode": "no",
    "injury": "none",
    "duration": "3_days_to_4_weeks",
    "trend": "improving",
    "severity": "mild",
}


@settings(max_examples=300, deadline=None)
@given(answers=answer_sets(), extra=st.data())
def test_adding_any_sign_never_lowers_the_level(answers, extra):
    before = check_invariants(answers)
    asked = [q for q in CHECKBOXES if q.id in answers]
    question = extra.draw(st.sampled_from(asked))
    code = extra.draw(st.sampled_from(question.sign_codes))
    more = {
        **answers,
        question.id: tuple(c for c in question.sign_codes if c in {*answers[question.id], code}),
    }
    after = check_invariants(more)
    assert after.level.rank >= before.level.rank
    if after.level is before.level:
        assert set(before.rule_ids) <= set(after.rule_ids)
