"""One row per rule of QUESTIONNAIRE.md v2: the answers that fire it (``FIRES``), and its near
misses (``MISSES``)."""

import pytest

from backcare.triage import Level

P = pytest.param
H = "health"
W = "warning_signs"
L = "leg_symptoms"
PS = "pregnancy_signs"

FIRES = [
    ("E-cauda-equina", {"emergency_signs": ("bladder_bowel",)}),
    ("E-cauda-equina", {"emergency_signs": ("saddle_numbness",)}),
    ("E-both-legs", {"emergency_signs": ("both_legs",)}),
    ("E-both-legs-late", {L: ("pain_below_knee",), "leg_sides": "both"}),
    ("E-both-legs-late", {L: ("numb_tingling",), "leg_sides": "both", "duration": "under_3_days"}),
    (
        "E-both-legs-late",
        {L: ("weakness",), "leg_sides": "both", "duration": "over_3_months", "trend": "worse"},
    ),
    (
        "E-both-legs-late",
        {
            L: ("pain_below_knee",),
            "leg_sides": "both",
            "duration": "4_weeks_to_3_months",
            "trend": "suddenly_much_worse",
        },
    ),
    ("E-major-trauma", {"emergency_signs": ("major_trauma",)}),
    ("E-chest-pain", {"emergency_signs": ("chest_pain",)}),
    ("E-aorta", {"emergency_signs": ("belly_or_faint",)}),
    ("E-very-unwell", {"emergency_signs": ("very_unwell",)}),
    ("E-sudden-severe", {"severity": "severe", "onset": "sudden", H: ("blood_thinner",)}),
    (
        "E-sudden-severe",
        {"severity": "severe", "onset": "sudden", "injury": "strain", H: ("blood_thinner",)},
    ),
    ("E-sudden-severe", {"severity": "severe", "onset": "sudden", "age": "51_to_70"}),
    ("E-sudden-severe", {"severity": "severe", "onset": "sudden", "age": "over_70"}),
    ("E-sudden-severe", {"severity": "severe", "onset": "sudden", "first_episode": "yes"}),
    ("E-sudden-severe", {"severity": "severe", "onset": "sudden", W: ("upper_back",)}),
    *[
        ("E-spinal-infection", {W: ("fever",), H: (code,)})
        for code in (
            "immune",
            "steroids",
            "injects_drugs",
            "infection_risk",
            "recent_spine_procedure",
        )
    ],
    ("E-spinal-infection", {W: ("fever",), L: ("numb_tingling",)}),
    ("E-spinal-infection", {W: ("fever",), L: ("weakness",)}),
    *[
        ("E-nerve-risk", {L: ("weakness",), H: (code,)})
        for code in ("immune", "injects_drugs", "recent_spine_procedure", "blood_thinner")
    ],
    ("E-cord-compression", {H: ("cancer_history",), L: ("pain_below_knee",)}),
    ("E-cord-compression", {H: ("cancer_treatment",), L: ("numb_tingling",)}),
    ("E-cancer-fever", {W: ("fever",), H: ("cancer_treatment",)}),
    ("E-fragility-fracture", {"injury": "fall_or_blow", "age": "51_to_70", "severity": "severe"}),
    ("E-fragility-fracture", {"injury": "accident", "age": "over_70", "severity": "severe"}),
    ("E-pregnancy-signs", {"pregnant": "yes", PS: ("contractions",)}),
    ("E-pregnancy-signs", {"pregnant": "yes", PS: ("fluid",)}),
    ("E-pregnancy-signs", {"pregnant": "yes", PS: ("bleeding",)}),
    ("E-ectopic", {"pregnant": "yes", PS: ("one_sided_pain",)}),
    ("E-ectopic", {"pregnant": "not_sure", PS: ("one_sided_pain",)}),
    ("U-fall-or-blow", {"injury": "fall_or_blow"}),
    ("U-fall-or-blow", {"injury": "accident"}),
    ("U-severe", {"severity": "severe"}),
    ("U-leg-numb-weak", {L: ("numb_tingling",)}),
    ("U-leg-numb-weak", {L: ("weakness",)}),
    ("U-both-legs", {L: ("pain_below_knee",), "leg_sides": "both"}),
    (
        "U-both-legs",
        {
            L: ("pain_below_knee",),
            "leg_sides": "both",
            "duration": "over_3_months",
            "trend": "worse",
        },
    ),
    ("U-sudden-worse", {"trend": "suddenly_much_worse"}),
    ("U-fever", {W: ("fever",)}),
    ("U-urinary", {W: ("urinary",)}),
    ("U-cancer", {H: ("cancer_history",)}),
    ("U-cancer", {H: ("cancer_treatment",)}),
    ("U-weight-loss", {W: ("weight_loss",)}),
    ("U-night-pain", {W: ("night_pain",)}),
    ("U-night-pain", {W: ("night_pain",), "duration": "over_3_months", "trend": "worse"}),
    ("U-immune", {H: ("immune",)}),
    ("U-immune", {H: ("steroids",)}),
    ("U-immune", {H: ("injects_drugs",)}),
    ("U-recent-procedure", {H: ("recent_spine_procedure",)}),
    ("U-upper-back", {W: ("upper_back",)}),
    ("U-back-lump", {W: ("back_lump",)}),
    ("U-fracture-risk", {"injury": "strain", H: ("osteoporosis",)}),
    ("U-fracture-risk", {"injury": "fall_or_blow", H: ("steroids",)}),
    ("U-fracture-risk", {"injury": "strain", "age": "over_70"}),
    ("U-blood-thinner-injury", {"injury": "strain", H: ("blood_thinner",)}),
    ("U-blood-thinner-injury", {"injury": "accident", H: ("blood_thinner",)}),
    ("U-pregnancy-signs", {"pregnant": "not_sure", PS: ("contractions",)}),
    ("U-pregnancy-signs", {"pregnant": "not_sure", PS: ("fluid",)}),
    ("U-pregnancy-signs", {"pregnant": "not_sure", PS: ("bleeding",)}),
    ("U-pregnancy-signs", {"pregnant": "yes", PS: ("pressure",)}),
    ("U-young-child", {"age": "under_5"}),
    ("S-strain", {"injury": "strain"}),
    ("S-not-improving", {"trend": "same"}),
    ("S-not-improving", {"trend": "worse", "duration": "4_weeks_to_3_months"}),
    ("S-chronic-worse", {"duration": "over_3_months", "trend": "worse"}),
    ("S-leg-pain", {L: ("pain_below_knee",)}),
    ("S-both-legs", {L: ("pain_below_knee",), "leg_sides": "both", "duration": "over_3_months"}),
    ("S-night-pain", {W: ("night_pain",), "duration": "over_3_months", "trend": "same"}),
    ("S-pregnant", {"pregnant": "yes", "severity": "moderate"}),
    ("S-pregnant", {"pregnant": "yes", "severity": "severe"}),
    ("S-age-over-50", {"age": "51_to_70", "first_episode": "yes"}),
    ("S-age-over-50", {"age": "over_70", "first_episode": "yes", "duration": "over_3_months"}),
    ("S-age-over-70", {"age": "over_70"}),
    ("S-child", {"age": "5_to_17"}),
    ("S-child", {"age": "5_to_17", "duration": "under_3_days", "severity": "moderate"}),
    ("S-bone-risk", {H: ("osteoporosis",)}),
    (
        "S-inflammatory",
        {"duration": "over_3_months", "age": "18_to_50", "morning_stiffness": "yes"},
    ),
]

MISSES = [
    ("E-cauda-equina", {"emergency_signs": ("both_legs",)}),
    ("E-both-legs-late", {L: ("pain_below_knee",), "leg_sides": "one"}),
    (
        "E-both-legs-late",
        {L: ("weakness",), "leg_sides": "both", "duration": "over_3_months", "trend": "same"},
    ),
    (
        "E-both-legs-late",
        {L: ("weakness",), "leg_sides": "both", "duration": "4_weeks_to_3_months"},
    ),
    ("E-sudden-severe", {"severity": "severe", "onset": "gradual", H: ("blood_thinner",)}),
    ("E-sudden-severe", {"severity": "severe", "onset": "sudden"}),  # 18-50, not first, low back
    (
        "E-sudden-severe",
        {"severity": "severe", "onset": "sudden", "injury": "strain", "age": "over_70"},
    ),
    ("E-sudden-severe", {"severity": "severe", "injury": "fall_or_blow", H: ("blood_thinner",)}),
    ("E-spinal-infection", {W: ("fever",)}),
    ("E-spinal-infection", {W: ("fever",), H: ("osteoporosis",)}),
    ("E-spinal-infection", {W: ("fever",), L: ("pain_below_knee",)}),
    ("E-spinal-infection", {H: ("immune",), L: ("weakness",), W: ("urinary",)}),
    ("E-nerve-risk", {L: ("numb_tingling",), H: ("immune",)}),
    ("E-nerve-risk", {L: ("weakness",), H: ("steroids",)}),
    ("E-nerve-risk", {L: ("weakness",), H: ("infection_risk",)}),
    ("E-cord-compression", {H: ("cancer_history",)}),
    ("E-cord-compression", {L: ("weakness",), H: ("osteoporosis",)}),
    ("E-cancer-fever", {W: ("fever",), H: ("cancer_history",)}),
    ("E-cancer-fever", {H: ("cancer_treatment",)}),
    ("E-fragility-fracture", {"injury": "fall_or_blow", "age": "18_to_50", "severity": "severe"}),
    ("E-fragility-fracture", {"injury": "strain", "age": "over_70", "severity": "severe"}),
    (
        "E-fragility-fracture",
        {"injury": "fall_or_blow", "age": "51_to_70", "severity": "moderate"},
    ),
    ("E-pregnancy-signs", {"pregnant": "not_sure", PS: ("bleeding",)}),
    ("E-pregnancy-signs", {"pregnant": "yes", PS: ("pressure",)}),
    ("E-pregnancy-signs", {"pregnant": "yes", PS: ()}),
    ("E-ectopic", {"pregnant": "yes", PS: ("contractions",)}),
    ("E-ectopic", {"pregnant": "no", PS: ("one_sided_pain",)}),  # not asked: dropped
    ("U-fall-or-blow", {"injury": "strain"}),
    ("U-severe", {"severity": "moderate"}),
    ("U-leg-numb-weak", {L: ("pain_below_knee",)}),
    ("U-both-legs", {L: ("pain_below_knee",), "leg_sides": "one"}),
    (
        "U-both-legs",
        {
            L: ("pain_below_knee",),
            "leg_sides": "both",
            "duration": "over_3_months",
            "trend": "same",
        },
    ),
    ("U-sudden-worse", {"trend": "worse"}),
    ("U-cancer", {H: ("osteoporosis",)}),
    ("U-night-pain", {W: ("night_pain",), "duration": "over_3_months", "trend": "improving"}),
    ("U-night-pain", {W: ("night_pain",), "duration": "over_3_months", "trend": "same"}),
    ("U-immune", {H: ("infection_risk",)}),
    ("U-fracture-risk", {"injury": "none", H: ("osteoporosis",)}),
    ("U-fracture-risk", {"injury": "strain", "age": "51_to_70"}),
    ("U-fracture-risk", {"injury": "strain", H: ("cancer_history",)}),
    ("U-blood-thinner-injury", {"injury": "none", H: ("blood_thinner",)}),
    ("U-pregnancy-signs", {"pregnant": "not_sure", PS: ("pressure",)}),
    ("U-pregnancy-signs", {"pregnant": "yes", PS: ()}),
    ("U-pregnancy-signs", {"pregnant": "no", PS: ("bleeding",)}),
    ("U-young-child", {"age": "5_to_17"}),
    ("S-strain", {"injury": "fall_or_blow"}),
    ("S-not-improving", {"trend": "improving"}),
    ("S-not-improving", {"duration": "under_3_days", "trend": "same"}),
    ("S-not-improving", {"duration": "over_3_months", "trend": "same"}),
    ("S-chronic-worse", {"duration": "4_weeks_to_3_months", "trend": "worse"}),
    ("S-chronic-worse", {"duration": "over_3_months", "trend": "same"}),
    ("S-leg-pain", {L: ("numb_tingling",)}),
    ("S-both-legs", {L: ("pain_below_knee",), "leg_sides": "one"}),
    ("S-night-pain", {W: ("urinary",)}),
    ("S-pregnant", {"pregnant": "yes", "severity": "mild"}),
    ("S-pregnant", {"pregnant": "not_sure", "severity": "severe"}),
    ("S-pregnant", {"age": "51_to_70", "pregnant": "yes", "severity": "moderate"}),
    ("S-age-over-50", {"age": "51_to_70", "first_episode": "no"}),
    ("S-age-over-50", {"age": "18_to_50", "first_episode": "yes"}),
    ("S-age-over-70", {"age": "over_70", "duration": "over_3_months"}),
    ("S-age-over-70", {"age": "51_to_70"}),
    (
        "S-child",
        {"age": "5_to_17", "duration": "under_3_days", "trend": "improving", "severity": "mild"},
    ),
    ("S-child", {"age": "18_to_50"}),
    ("S-bone-risk", {H: ("steroids",)}),
    ("S-inflammatory", {"duration": "over_3_months", "morning_stiffness": "no"}),
    # not asked over 50: the answer is dropped
    (
        "S-inflammatory",
        {"duration": "over_3_months", "age": "51_to_70", "morning_stiffness": "yes"},
    ),
]


#: QUESTIONNAIRE.md names each rule by its level: E- emergency, U- urgent, S- soon.
LEVEL_OF_PREFIX = {"E": Level.EMERGENCY, "U": Level.URGENT, "S": Level.SOON}
