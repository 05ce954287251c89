"""One row per rule of QUESTIONNAIRE.md: the answers that fire it, and a near miss that does not."""

import pytest

from backcare.triage import Level, PainType, assess
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES, RULES

from .answers import BASELINE, LEVEL_OF_PREFIX, with_answers

FIRES = [
    ("E-cauda-equina", {"emergency_signs": ("bladder_bowel",)}),
    ("E-cauda-equina", {"emergency_signs": ("saddle_numbness",)}),
    ("E-both-legs", {"emergency_signs": ("both_legs",)}),
    ("E-major-trauma", {"emergency_signs": ("major_trauma",)}),
    ("E-chest-pain", {"emergency_signs": ("chest_pain",)}),
    ("E-aorta", {"emergency_signs": ("belly_or_faint",)}),
    ("E-spinal-infection", {"warning_signs": ("fever", "immune")}),
    ("E-spinal-infection", {"warning_signs": ("fever", "recent_spine_procedure")}),
    ("E-spinal-infection", {"warning_signs": ("fever",), "leg_symptoms": ("numb_tingling",)}),
    ("E-spinal-infection", {"warning_signs": ("fever",), "leg_symptoms": ("weakness",)}),
    ("E-cord-compression", {"warning_signs": ("cancer_history",), "leg_symptoms": ("weakness",)}),
    (
        "E-cord-compression",
        {"warning_signs": ("cancer_history",), "leg_symptoms": ("numb_tingling",)},
    ),
    ("E-fragility-fracture", {"injury": "fall_or_blow", "age": "over_50", "severity": "severe"}),
    ("U-fall-or-blow", {"injury": "fall_or_blow"}),
    ("U-severe", {"severity": "severe"}),
    ("U-leg-numb-weak", {"leg_symptoms": ("numb_tingling",)}),
    ("U-leg-numb-weak", {"leg_symptoms": ("weakness",)}),
    ("U-sudden-worse", {"trend": "suddenly_much_worse"}),
    ("U-fever", {"warning_signs": ("fever",)}),
    ("U-urinary", {"warning_signs": ("urinary",)}),
    ("U-cancer", {"warning_signs": ("cancer_history",)}),
    ("U-weight-loss", {"warning_signs": ("weight_loss",)}),
    ("U-night-pain", {"warning_signs": ("night_pain",)}),
    ("U-immune", {"warning_signs": ("immune",)}),
    ("U-recent-procedure", {"warning_signs": ("recent_spine_procedure",)}),
    ("U-upper-back", {"warning_signs": ("upper_back",)}),
    ("U-back-lump", {"warning_signs": ("back_lump",)}),
    ("U-fracture-risk", {"injury": "strain", "warning_signs": ("osteoporosis",)}),
    ("U-fracture-risk", {"injury": "strain", "warning_signs": ("immune",)}),
    ("U-fracture-risk", {"injury": "strain", "age": "over_50"}),
    ("U-pregnancy-signs", {"pregnant": "yes", "pregnancy_signs": ("cramping",)}),
    ("U-pregnancy-signs", {"pregnant": "not_sure", "pregnancy_signs": ("bleeding",)}),
    ("U-young-child", {"age": "under_5"}),
    ("S-strain", {"injury": "strain"}),
    ("S-not-improving", {"trend": "same"}),
    ("S-not-improving", {"trend": "worse"}),
    ("S-leg-pain", {"leg_symptoms": ("pain_below_knee",)}),
    ("S-pregnant", {"pregnant": "yes"}),
    ("S-age-over-50", {"age": "over_50", "first_episode": "yes"}),
    ("S-child", {"age": "5_to_17"}),
    ("S-bone-risk", {"warning_signs": ("osteoporosis",)}),
]

MISSES = [
    ("E-spinal-infection", {"warning_signs": ("fever",)}),
    ("E-spinal-infection", {"warning_signs": ("immune",), "leg_symptoms": ("weakness",)}),
    ("E-cord-compression", {"warning_signs": ("cancer_history",)}),
    ("E-cord-compression", {"leg_symptoms": ("weakness",)}),
    (
        "E-cord-compression",
        {"warning_signs": ("cancer_history",), "leg_symptoms": ("pain_below_knee",)},
    ),
    ("E-fragility-fracture", {"injury": "fall_or_blow", "age": "18_to_50", "severity": "severe"}),
    ("E-fragility-fracture", {"injury": "strain", "age": "over_50", "severity": "severe"}),
    ("E-fragility-fracture", {"injury": "fall_or_blow", "age": "over_50", "severity": "moderate"}),
    ("U-fall-or-blow", {"injury": "strain"}),
    ("U-severe", {"severity": "moderate"}),
    ("U-leg-numb-weak", {"leg_symptoms": ("pain_below_knee",)}),
    ("U-sudden-worse", {"trend": "worse"}),
    ("U-fracture-risk", {"injury": "none", "warning_signs": ("osteoporosis",)}),
    ("U-fracture-risk", {"injury": "none", "age": "over_50"}),
    ("U-fracture-risk", {"injury": "strain", "warning_signs": ("cancer_history",)}),
    ("U-pregnancy-signs", {"pregnant": "yes", "pregnancy_signs": ()}),
    ("U-pregnancy-signs", {"pregnant": "no", "pregnancy_signs": ("cramping",)}),
    ("U-young-child", {"age": "5_to_17"}),
    ("S-strain", {"injury": "fall_or_blow"}),
    ("S-not-improving", {"trend": "improving"}),
    ("S-not-improving", {"duration": "under_3_days", "trend": "same"}),
    ("S-pregnant", {"pregnant": "not_sure"}),
    ("S-pregnant", {"age": "under_5", "pregnant": "yes"}),
    ("S-age-over-50", {"age": "over_50", "first_episode": "no"}),
    ("S-age-over-50", {"age": "over_50", "first_episode": "yes", "duration": "over_3_months"}),
    ("S-child", {"age": "18_to_50"}),
]


#: QUESTIONNAIRE.md names each rule by its level: E- emergency, U- urgent, S- soon.
@pytest.mark.parametrize(("rule_id", "changes"), FIRES)
def test_rule_fires_and_sets_its_level(rule_id, changes):
    assessment = assess(with_answers(**changes))
    assert rule_id in assessment.rule_ids
    assert assessment.level.rank >= LEVEL_OF_PREFIX[rule_id[0]].rank


def test_every_rule_has_the_level_its_id_names():
    for rule in LEVEL_RULES:
        assert rule.level is LEVEL_OF_PREFIX[rule.id[0]], rule.id


@pytest.mark.parametrize(("rule_id", "changes"), MISSES)
def test_rule_does_not_fire_on_a_near_miss(rule_id, changes):
    assert rule_id not in assess(with_answers(**changes)).rule_ids


def test_every_level_rule_has_a_firing_case():
    assert {rule_id for rule_id, _ in FIRES} == {rule.id for rule in LEVEL_RULES}


def test_rule_ids_are_unique_and_every_rule_cites_a_web_address():
    assert len({rule.id for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.sources, rule.id
        assert all(source.url_en.startswith("https://") for source in rule.sources), rule.id


def test_calm_answers_mean_self_care_with_no_reasons():
    assessment = assess(BASELINE)
    assert assessment.level is Level.SELF_CARE
    assert assessment.rule_ids == ()
    assert [f.rule.id for f in assessment.advice] == [
        "A-bed-rest",
        "A-self-care",
        "A-when-to-call",
        "A-emergency-signs",
    ]


def test_severe_pain_means_contact_provider_today():
    assert assess(with_answers(severity="severe")).level is Level.URGENT


def test_pain_after_strain_means_make_an_appointment():
    assert assess(with_answers(injury="strain")).level is Level.SOON


def test_findings_are_listed_most_urgent_first():
    assessment = assess(
        with_answers(injury="fall_or_blow", age="over_50", severity="severe", trend="same")
    )
    assert assessment.rule_ids[0] == "E-fragility-fracture"
    levels = [finding.rule.level.rank for finding in assessment.findings]
    assert levels == sorted(levels, reverse=True)


def test_an_emergency_sign_alone_is_an_emergency_with_no_pain_type():
    assessment = assess({"emergency_signs": ("chest_pain",)})
    assert assessment.level is Level.EMERGENCY
    assert assessment.pain_type is None
    assert assessment.rule_ids == ("E-chest-pain",)
    assert assessment.advice == ()


def test_an_emergency_sign_ignores_any_later_answers():
    assessment = assess({**BASELINE, "emergency_signs": ("both_legs",), "severity": "severe"})
    assert assessment.rule_ids == ("E-both-legs",)


def test_more_than_three_months_is_chronic():
    assert assess(with_answers(duration="over_3_months")).pain_type is PainType.CHRONIC
    assert assess(with_answers(duration="4_weeks_to_3_months")).pain_type is PainType.ACUTE


def test_trend_is_ignored_when_the_pain_is_under_three_days_old():
    assessment = assess({**BASELINE, "duration": "under_3_days", "trend": "suddenly_much_worse"})
    assert "U-sudden-worse" not in assessment.rule_ids


ADVICE = [
    ("A-bed-rest", {}, True),
    ("A-self-care", {"injury": "strain"}, True),
    ("A-self-care", {"severity": "severe"}, False),
    ("A-pregnancy-medicine", {"pregnant": "not_sure"}, True),
    ("A-pregnancy-medicine", {"pregnant": "no"}, False),
    ("A-when-to-call", {}, True),
    ("A-when-to-call", {"injury": "strain"}, False),
    ("A-emergency-signs", {"severity": "severe"}, True),
    ("A-emergency-signs", {"emergency_signs": ("chest_pain",)}, False),
    ("A-chronic", {"duration": "over_3_months"}, True),
    ("A-chronic", {"duration": "4_weeks_to_3_months"}, False),
]


@pytest.mark.parametrize(("rule_id", "changes", "fires"), ADVICE)
def test_advice_follows_its_rule(rule_id, changes, fires):
    advice = [finding.rule.id for finding in assess(with_answers(**changes)).advice]
    assert (rule_id in advice) is fires


def test_every_advice_rule_has_a_case():
    assert {row[0] for row in ADVICE} == {rule.id for rule in ADVICE_RULES}


def test_bed_rest_advice_is_stressed_after_more_than_two_days_in_bed():
    normal = assess(with_answers(bed_rest="1_2_days")).advice[0]
    stressed = assess(with_answers(bed_rest="over_2_days")).advice[0]
    assert normal.rule.id == stressed.rule.id == "A-bed-rest"
    assert stressed.reason == stressed.rule.stressed_reason != normal.reason
    assert stressed.stressed and not normal.stressed
