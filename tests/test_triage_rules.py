"""One row per rule of QUESTIONNAIRE.md v2: the answers that fire it, and near misses."""

import pytest

from backcare.triage import RULES_VERSION, Care, Level, PainType, assess
from backcare.triage.levels import ACTIONS, CARE_ACTIONS, LEVEL_TITLES
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES, RULES, RULES_BY_ID

from .answers import BASELINE, with_answers
from .rule_cases import FIRES, LEVEL_OF_PREFIX, MISSES, PS, H, L, P, W

#: The rule ids of the contract, in its order.
CONTRACT_LEVEL_RULES = [
    "E-cauda-equina",
    "E-both-legs",
    "E-both-legs-late",
    "E-major-trauma",
    "E-chest-pain",
    "E-aorta",
    "E-very-unwell",
    "E-sudden-severe",
    "E-spinal-infection",
    "E-nerve-risk",
    "E-cord-compression",
    "E-cancer-fever",
    "E-fragility-fracture",
    "E-pregnancy-signs",
    "E-ectopic",
    "U-fall-or-blow",
    "U-severe",
    "U-leg-numb-weak",
    "U-both-legs",
    "U-sudden-worse",
    "U-fever",
    "U-urinary",
    "U-cancer",
    "U-weight-loss",
    "U-night-pain",
    "U-immune",
    "U-recent-procedure",
    "U-upper-back",
    "U-back-lump",
    "U-fracture-risk",
    "U-blood-thinner-injury",
    "U-pregnancy-signs",
    "U-young-child",
    "S-strain",
    "S-not-improving",
    "S-chronic-worse",
    "S-leg-pain",
    "S-both-legs",
    "S-night-pain",
    "S-pregnant",
    "S-age-over-50",
    "S-age-over-70",
    "S-child",
    "S-bone-risk",
    "S-inflammatory",
]
CONTRACT_ADVICE_RULES = [
    "A-bed-rest",
    "A-self-care",
    "A-pain-relief",
    "A-no-aspirin-child",
    "A-avoid-nsaids",
    "A-pregnancy-medicine",
    "A-when-to-call",
    "A-emergency-signs",
    "A-pregnancy-warning",
    "A-cancer-warning",
    "A-blood-thinner-warning",
    "A-chronic",
]
CONTRACT_CARE = {
    "E-cord-compression": Care.CANCER_TEAM,
    "E-cancer-fever": Care.CANCER_TEAM,
    "E-pregnancy-signs": Care.MATERNITY,
}


def fired_ids(changes):
    """Every level rule that holds on these answers (also those an emergency hides)."""
    from backcare.triage.conditions import Facts

    answers = with_answers(**changes)
    return {rule.id for rule in LEVEL_RULES if rule.when(Facts(answers))}


@pytest.mark.parametrize(("rule_id", "changes"), FIRES)
def test_rule_fires_and_sets_its_level(rule_id, changes):
    assessment = assess(with_answers(**changes))
    assert rule_id in fired_ids(changes)
    assert assessment.level.rank >= LEVEL_OF_PREFIX[rule_id[0]].rank
    if assessment.level is LEVEL_OF_PREFIX[rule_id[0]]:
        assert rule_id in assessment.rule_ids


@pytest.mark.parametrize(("rule_id", "changes"), MISSES)
def test_rule_does_not_fire_on_a_near_miss(rule_id, changes):
    assert rule_id not in fired_ids(changes)


def test_the_rules_are_the_contracts_in_its_order():
    assert [rule.id for rule in LEVEL_RULES] == CONTRACT_LEVEL_RULES
    assert [rule.id for rule in ADVICE_RULES] == CONTRACT_ADVICE_RULES


def test_every_rule_has_the_level_its_id_names_and_the_contracts_care():
    for rule in LEVEL_RULES:
        assert rule.level is LEVEL_OF_PREFIX[rule.id[0]], rule.id
        assert rule.care is CONTRACT_CARE.get(rule.id), rule.id
    assert all(rule.level is None and rule.care is None for rule in ADVICE_RULES)


def test_every_level_rule_has_a_firing_case_and_a_near_miss():
    ids = {rule.id for rule in LEVEL_RULES}
    assert {rule_id for rule_id, _ in FIRES} == ids
    no_near_miss = ids - {rule_id for rule_id, _ in MISSES}
    # rules of one code, whose near miss is any other code of the same question
    assert no_near_miss <= {
        "E-both-legs",
        "E-major-trauma",
        "E-chest-pain",
        "E-aorta",
        "E-very-unwell",
        "U-fever",
        "U-urinary",
        "U-weight-loss",
        "U-recent-procedure",
        "U-upper-back",
        "U-back-lump",
    }


@pytest.mark.parametrize("rule_id", ["E-both-legs", "E-major-trauma", "E-chest-pain", "E-aorta"])
def test_a_page_one_rule_reads_only_its_own_signs(rule_id):
    others = [
        code
        for code in (
            "bladder_bowel",
            "saddle_numbness",
            "both_legs",
            "major_trauma",
            "chest_pain",
            "belly_or_faint",
            "very_unwell",
        )
        if code not in RULES_BY_ID[rule_id].when.codes
    ]
    assert rule_id not in fired_ids({"emergency_signs": tuple(others)})


def test_rule_ids_are_unique_and_every_rule_cites_a_web_address():
    assert len({rule.id for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.sources, rule.id
        assert all(source.url_en.startswith("https://") for source in rule.sources), rule.id


def test_the_rules_version_is_2_and_every_result_names_it():
    assert RULES_VERSION == "2"
    assert assess(BASELINE).rules_version == "2"
    assert assess({"emergency_signs": ("chest_pain",)}).rules_version == "2"


def test_calm_answers_mean_self_care_with_no_reasons():
    assessment = assess(BASELINE)
    assert assessment.level is Level.SELF_CARE
    assert assessment.care is None
    assert assessment.rule_ids == ()
    assert [f.rule.id for f in assessment.advice] == [
        "A-bed-rest",
        "A-self-care",
        "A-pain-relief",
        "A-when-to-call",
        "A-emergency-signs",
    ]


def test_severe_pain_means_contact_provider_today():
    assert assess(with_answers(severity="severe")).level is Level.URGENT


def test_pain_after_strain_means_make_an_appointment():
    assert assess(with_answers(injury="strain")).level is Level.SOON


def test_mild_improving_new_pain_in_a_child_is_self_care():
    given = with_answers(age="5_to_17", duration="under_3_days", severity="mild")
    assert assess(given).level is Level.SELF_CARE


def test_findings_are_listed_most_urgent_first():
    assessment = assess(with_answers(injury="strain", severity="severe", trend="same"))
    assert assessment.rule_ids == ("U-severe", "S-strain", "S-not-improving")


def test_an_emergency_result_lists_only_the_emergency_reasons():
    assessment = assess(
        with_answers(injury="fall_or_blow", age="51_to_70", severity="severe", trend="same")
    )
    assert assessment.level is Level.EMERGENCY
    assert assessment.rule_ids == ("E-fragility-fracture",)
    assert assessment.advice == ()
    assert not assessment.resources


def test_an_emergency_sign_alone_is_an_emergency_with_no_pain_type():
    assessment = assess({"emergency_signs": ("chest_pain",)})
    assert assessment.level is Level.EMERGENCY
    assert assessment.pain_type is None
    assert assessment.rule_ids == ("E-chest-pain",)
    assert assessment.advice == ()
    assert assessment.sections == ()


def test_an_emergency_lists_every_emergency_reason_in_the_answers():
    given = {
        **BASELINE,
        "emergency_signs": ("both_legs", "chest_pain"),
        H: ("cancer_history",),
        L: ("weakness",),
        "leg_sides": "one",
    }
    assert assess(given).rule_ids == ("E-both-legs", "E-chest-pain", "E-cord-compression")


def test_more_than_three_months_is_chronic():
    assert assess(with_answers(duration="over_3_months")).pain_type is PainType.CHRONIC
    assert assess(with_answers(duration="4_weeks_to_3_months")).pain_type is PainType.ACUTE


# Where to go (care) and the action


CARE_CASES = [
    P({"pregnant": "yes", PS: ("bleeding",)}, Level.EMERGENCY, Care.MATERNITY, id="maternity"),
    P(
        {H: ("cancer_history",), L: ("pain_below_knee",)},
        Level.EMERGENCY,
        Care.CANCER_TEAM,
        id="cancer-legs",
    ),
    P(
        {W: ("fever",), H: ("cancer_treatment",)},
        Level.EMERGENCY,
        Care.CANCER_TEAM,
        id="cancer-fever",
    ),
    P(
        {W: ("fever",), H: ("cancer_treatment",), L: ("pain_below_knee",)},
        Level.EMERGENCY,
        Care.CANCER_TEAM,
        id="both-cancer-rules",
    ),
    # leg weakness with a fever also fires E-spinal-infection, which names no care
    P(
        {W: ("fever",), H: ("cancer_treatment",), L: ("weakness",)},
        Level.EMERGENCY,
        None,
        id="cancer-and-infection-default",
    ),
    # E-spinal-infection (no care) fires beside E-cancer-fever: not every rule names the care
    P(
        {W: ("fever",), H: ("cancer_treatment", "immune")},
        Level.EMERGENCY,
        None,
        id="mixed-cares-default",
    ),
    P(
        {"pregnant": "yes", PS: ("bleeding", "one_sided_pain")},
        Level.EMERGENCY,
        None,
        id="maternity-and-ectopic-default",
    ),
    P(
        {"emergency_signs": ("chest_pain",), "pregnant": "yes", PS: ("bleeding",)},
        Level.EMERGENCY,
        None,
        id="chest-pain-in-pregnancy-default",
    ),
    P(
        {"pregnant": "yes", PS: ("pressure",)},
        Level.URGENT,
        Care.MATERNITY_NOW,
        id="pressure-maternity-now",
    ),
    P(
        {"pregnant": "yes", "severity": "severe"},
        Level.URGENT,
        Care.MATERNITY_NOW,
        id="any-urgent-in-pregnancy",
    ),
    P({"pregnant": "not_sure", "severity": "severe"}, Level.URGENT, None, id="not-sure-urgent"),
    P({"pregnant": "not_sure", PS: ("bleeding",)}, Level.URGENT, None, id="not-sure-bleeding"),
    P({"pregnant": "yes", "severity": "moderate"}, Level.SOON, None, id="pregnant-soon"),
    P({"pregnant": "yes"}, Level.SELF_CARE, None, id="pregnant-mild-self-care"),
    P({"severity": "severe"}, Level.URGENT, None, id="urgent-default"),
    P({"emergency_signs": ("chest_pain",)}, Level.EMERGENCY, None, id="emergency-default"),
]


@pytest.mark.parametrize(("changes", "level", "care"), CARE_CASES)
def test_care_and_action_follow_the_contract(changes, level, care):
    assessment = assess(with_answers(**changes))
    assert (assessment.level, assessment.care) == (level, care)
    expected = CARE_ACTIONS[care] if care else ACTIONS[level]
    assert assessment.action == expected.you
    assert assessment.action_for("someone_else") == (expected.other or expected.you)


def test_every_care_action_carries_the_emergency_number():
    for phrase in CARE_ACTIONS.values():
        assert "%(emergency_number)s" in phrase.you
        assert "%(emergency_number)s" in phrase.other
    assert "%(emergency_number)s" in ACTIONS[Level.EMERGENCY].you


def test_every_level_has_a_title_and_an_action():
    assert set(LEVEL_TITLES) == set(ACTIONS) == set(Level)
    assert set(CARE_ACTIONS) == set(Care)


EMERGENCY_WORDS_OF_WAITING = ("within hours", "today", "in the next", "soon", "wait")


@pytest.mark.parametrize(
    "rule", [r for r in LEVEL_RULES if r.level is Level.EMERGENCY], ids=lambda r: r.id
)
def test_an_emergency_reason_never_reads_as_permission_to_wait(rule):
    for text in (rule.reason, rule.reason_other):
        assert not any(word in text.lower() for word in EMERGENCY_WORDS_OF_WAITING), rule.id
    assert "now" in rule.reason


def test_a_someone_else_wording_is_only_filled_where_it_differs():
    for rule in RULES:
        assert rule.reason_other != rule.reason, rule.id
        if " you" in rule.reason.lower() or "your " in rule.reason.lower():
            assert rule.reason_other or rule.id in {"A-self-care"}, rule.id
    finding = assess(with_answers(bed_rest="over_2_days")).advice[0]
    assert finding.wording("someone_else").startswith("They have stayed in bed")
    assert finding.wording("myself").startswith("You have stayed in bed")


# Advice

ADVICE = [
    ("A-bed-rest", {}, True),
    ("A-bed-rest", {"emergency_signs": ("chest_pain",)}, False),
    ("A-self-care", {"injury": "strain"}, True),
    ("A-self-care", {"severity": "severe"}, True),
    ("A-self-care", {"emergency_signs": ("chest_pain",)}, False),
    ("A-pain-relief", {}, True),
    ("A-pain-relief", {"age": "over_70"}, True),
    ("A-pain-relief", {"age": "under_5"}, False),
    ("A-pain-relief", {"pregnant": "yes"}, False),
    ("A-pain-relief", {"pregnant": "not_sure"}, False),
    ("A-no-aspirin-child", {"age": "under_5"}, True),
    ("A-no-aspirin-child", {"age": "5_to_17"}, True),
    ("A-no-aspirin-child", {"age": "18_to_50"}, False),
    ("A-avoid-nsaids", {H: ("blood_thinner",)}, True),
    ("A-avoid-nsaids", {H: ("steroids",)}, True),
    ("A-avoid-nsaids", {"age": "over_70"}, True),
    ("A-avoid-nsaids", {"age": "51_to_70"}, False),
    ("A-pregnancy-medicine", {"pregnant": "not_sure"}, True),
    ("A-pregnancy-medicine", {"pregnant": "yes"}, True),
    ("A-pregnancy-medicine", {"pregnant": "no"}, False),
    ("A-when-to-call", {}, True),
    ("A-when-to-call", {"duration": "under_3_days"}, True),
    ("A-when-to-call", {"duration": "over_3_months"}, False),
    ("A-when-to-call", {"injury": "strain"}, False),
    ("A-emergency-signs", {"severity": "severe"}, True),
    ("A-emergency-signs", {"emergency_signs": ("chest_pain",)}, False),
    ("A-pregnancy-warning", {"pregnant": "yes"}, True),
    ("A-pregnancy-warning", {"pregnant": "not_sure"}, True),
    ("A-pregnancy-warning", {"pregnant": "no"}, False),
    ("A-cancer-warning", {H: ("cancer_treatment",)}, True),
    ("A-cancer-warning", {H: ("cancer_history",)}, False),
    ("A-blood-thinner-warning", {H: ("blood_thinner",)}, True),
    ("A-blood-thinner-warning", {H: ("steroids",)}, False),
    ("A-chronic", {"duration": "over_3_months"}, True),
    ("A-chronic", {"duration": "4_weeks_to_3_months"}, False),
]


@pytest.mark.parametrize(("rule_id", "changes", "fires"), ADVICE)
def test_advice_follows_its_rule(rule_id, changes, fires):
    advice = [finding.rule.id for finding in assess(with_answers(**changes)).advice]
    assert (rule_id in advice) is fires


def test_every_advice_rule_has_a_case_each_way():
    assert {row[0] for row in ADVICE if row[2]} == {rule.id for rule in ADVICE_RULES}
    assert {row[0] for row in ADVICE if not row[2]} == {rule.id for rule in ADVICE_RULES}


def advice_of(rule_id, **changes):
    return next(f for f in assess(with_answers(**changes)).advice if f.rule.id == rule_id)


def test_bed_rest_advice_is_stressed_after_more_than_two_days_in_bed():
    normal = advice_of("A-bed-rest", bed_rest="1_2_days")
    stressed = advice_of("A-bed-rest", bed_rest="over_2_days")
    assert stressed.reason == RULES_BY_ID["A-bed-rest"].variants[0].reason != normal.reason
    assert stressed.stressed and not normal.stressed


def test_self_care_advice_says_until_you_are_seen_when_urgent():
    assert "until you are seen" in advice_of("A-self-care", severity="severe").reason.lower()
    assert "until" not in advice_of("A-self-care", injury="strain").reason.lower()
    assert "few weeks" in advice_of("A-self-care").reason


def test_when_to_call_follows_the_duration():
    new = advice_of("A-when-to-call", duration="under_3_days").reason
    longer = advice_of("A-when-to-call", duration="4_weeks_to_3_months").reason
    assert "severe" in new and "3 days" in new
    assert "stops getting better" in longer and "worse" in longer


def test_the_medicine_advice_says_what_the_contract_lists():
    relief = RULES_BY_ID["A-pain-relief"].reason
    for words in (
        "label",
        "acetaminophen",
        "every product",
        "ulcer",
        "kidney",
        "heart failure",
        "65",
        "pharmacist",
        "liver",
    ):
        assert words in relief, words
    assert "aspirin" in RULES_BY_ID["A-no-aspirin-child"].reason
    assert "under 5" in RULES_BY_ID["A-no-aspirin-child"].reason
    avoid = RULES_BY_ID["A-avoid-nsaids"].reason
    assert all(w in avoid for w in ("ibuprofen", "naproxen", "aspirin", "bleeding", "70"))
    assert "37 weeks" in RULES_BY_ID["A-pregnancy-warning"].reason
    assert "fever" in RULES_BY_ID["A-cancer-warning"].reason
    assert "%(emergency_number)s" in RULES_BY_ID["A-emergency-signs"].reason
