"""Invariants over the whole answer space: exhaustively for single signs, by Hypothesis for many."""

from hypothesis import given
from hypothesis import strategies as st

from backcare.triage import Level, PainType, assess

from .answers import CHECKBOXES, LEVEL_OF_PREFIX, RADIO_SETS, single_signs


def check_invariants(answers):
    assessment = assess(answers)
    emergency_sign = bool(answers.get("emergency_signs"))
    if emergency_sign:
        assert assessment.level is Level.EMERGENCY
    else:
        assert (assessment.pain_type is PainType.CHRONIC) == (
            answers["duration"] == "over_3_months"
        )
    if assessment.level is not Level.EMERGENCY:
        assert "A-bed-rest" in [finding.rule.id for finding in assessment.advice]
    # The level is the highest fired one, read from the rule ids as QUESTIONNAIRE.md names them.
    prefixes = {rule_id[0] for rule_id in assessment.rule_ids}
    expected = next(
        (level for prefix, level in LEVEL_OF_PREFIX.items() if prefix in prefixes),
        Level.SELF_CARE,
    )
    assert assessment.level is expected
    for finding in assessment.findings + assessment.advice:
        assert all(source.url_en.startswith("https://") for source in finding.rule.sources)
    return assessment


def test_every_radio_combination_with_each_single_sign():
    checked = 0
    for radios in RADIO_SETS:
        baseline = check_invariants({**radios, **{q.id: () for q in CHECKBOXES}})
        for signs in single_signs():
            with_sign = check_invariants({**radios, **signs})
            assert with_sign.level.rank >= baseline.level.rank, (radios, signs)
            checked += 1
    assert checked == len(RADIO_SETS) * 25


sign_sets = st.fixed_dictionaries(
    {q.id: st.sets(st.sampled_from(q.sign_codes)).map(tuple) for q in CHECKBOXES}
)


@given(radios=st.sampled_from(RADIO_SETS), signs=sign_sets, extra=st.data())
def test_adding_any_sign_never_lowers_the_level(radios, signs, extra):
    before = check_invariants({**radios, **signs})
    question = extra.draw(st.sampled_from(CHECKBOXES))
    code = extra.draw(st.sampled_from(question.sign_codes))
    more = {**signs, question.id: tuple({*signs[question.id], code})}
    after = check_invariants({**radios, **more})
    assert after.level.rank >= before.level.rank
    assert set(before.rule_ids) <= set(after.rule_ids) or after.level is Level.EMERGENCY
