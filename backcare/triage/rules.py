"""Every rule of QUESTIONNAIRE.md: its id, condition, level, reason and sources.

This table is the one copy of the rules: the assessment, the about page, the API and the tests
all read it. Reasons are our own plain words; ``%(emergency_number)s`` is filled in when shown.
"""

from dataclasses import dataclass

from backcare.triage import sources as src
from backcare.triage.conditions import (
    Condition,
    Facts,
    all_of,
    answered_not,
    any_of,
    has,
    is_,
    level_in,
    pain_type_is,
)
from backcare.triage.levels import Level, PainType
from backcare.triage.sources import Source
from backcare.triage.text import N_


@dataclass(frozen=True)
class Rule:
    """One rule. ``level`` is None for advice, which never changes the level."""

    id: str
    level: Level | None
    when: Condition
    reason: str
    sources: tuple[Source, ...]
    #: Some advice is said more strongly when this holds, in ``stressed_reason``.
    stressed_when: Condition | None = None
    stressed_reason: str = ""

    def __post_init__(self) -> None:
        if (self.stressed_when is None) != (not self.stressed_reason):
            raise ValueError(f"{self.id}: stressed_when and stressed_reason go together")

    def is_stressed(self, facts: Facts) -> bool:
        return self.stressed_when is not None and self.stressed_when(facts)


E, U, S = Level.EMERGENCY, Level.URGENT, Level.SOON
NOT_EMERGENCY = level_in(Level.SELF_CARE, Level.SOON, Level.URGENT)

LEVEL_RULES: tuple[Rule, ...] = (
    Rule(
        "E-cauda-equina",
        E,
        has("emergency_signs", "bladder_bowel", "saddle_numbness"),
        N_(
            "Trouble with your bladder or bowels, or numbness between your legs, can mean the "
            "nerves at the bottom of your spine are being squeezed. This needs treatment within "
            "hours."
        ),
        (src.NHS, src.NICE_CKS),
    ),
    Rule(
        "E-both-legs",
        E,
        has("emergency_signs", "both_legs"),
        N_(
            "Problems in both legs, or trouble walking, can mean the nerves in your spine are "
            "badly pressed. This needs help right away."
        ),
        (src.NHS, src.NICE_CKS),
    ),
    Rule(
        "E-major-trauma",
        E,
        has("emergency_signs", "major_trauma"),
        N_("After a serious accident, a bone in your spine could be broken. Do not wait."),
        (src.NHS, src.NICE_CKS),
    ),
    Rule(
        "E-chest-pain",
        E,
        has("emergency_signs", "chest_pain"),
        N_(
            "Chest pain or trouble breathing can come from the heart or lungs. It needs "
            "emergency care."
        ),
        (src.NHS,),
    ),
    Rule(
        "E-aorta",
        E,
        has("emergency_signs", "belly_or_faint"),
        N_(
            "Belly pain, a pulsing feeling in the belly, fainting or a cold sweat can be a sign "
            "of a problem with the largest blood vessel in your body."
        ),
        (src.MAYO, src.MEDLINEPLUS_ACUTE),
    ),
    Rule(
        "E-spinal-infection",
        E,
        all_of(
            has("warning_signs", "fever"),
            any_of(
                has("warning_signs", "immune", "recent_spine_procedure"),
                has("leg_symptoms", "numb_tingling", "weakness"),
            ),
        ),
        N_(
            "A fever together with a weak immune system, a recent spine procedure, or numbness "
            "or weakness in a leg can mean an infection near the spine."
        ),
        (src.NICE_CKS,),
    ),
    Rule(
        "E-cord-compression",
        E,
        all_of(
            has("warning_signs", "cancer_history"), has("leg_symptoms", "numb_tingling", "weakness")
        ),
        N_(
            "If you have had cancer, new numbness or weakness in a leg can mean something is "
            "pressing on your spinal cord. This needs to be checked right away."
        ),
        (src.NICE_NG234,),
    ),
    Rule(
        "E-fragility-fracture",
        E,
        all_of(is_("injury", "fall_or_blow"), is_("age", "over_50"), is_("severity", "severe")),
        N_(
            "Severe pain after a fall or a blow, when you are over 50, can mean a broken bone in "
            "the spine."
        ),
        (src.FAMILYDOCTOR, src.NICE_CKS),
    ),
    Rule(
        "U-fall-or-blow",
        U,
        is_("injury", "fall_or_blow"),
        N_("Back pain after a fall or a blow should be checked by a provider."),
        (src.MEDLINEPLUS, src.MAYO),
    ),
    Rule(
        "U-severe",
        U,
        is_("severity", "severe"),
        N_("Severe back pain should be checked by a provider."),
        (src.MEDLINEPLUS,),
    ),
    Rule(
        "U-leg-numb-weak",
        U,
        has("leg_symptoms", "numb_tingling", "weakness"),
        N_("Numbness, tingling or weakness in a leg can mean a nerve is being pressed."),
        (src.MAYO, src.MEDLINEPLUS_SEE_DOCTOR),
    ),
    Rule(
        "U-sudden-worse",
        U,
        is_("trend", "suddenly_much_worse"),
        N_("Pain that suddenly gets much worse should be checked."),
        (src.WEBMD,),
    ),
    Rule(
        "U-fever",
        U,
        has("warning_signs", "fever"),
        N_("Back pain with a fever can be a sign of an infection."),
        (src.NHS, src.NICE_CKS, src.MEDLINEPLUS_SEE_DOCTOR),
    ),
    Rule(
        "U-urinary",
        U,
        has("warning_signs", "urinary"),
        N_("Burning or blood when you pee, along with back pain, can mean a kidney infection."),
        (src.FAMILYDOCTOR, src.MAYO),
    ),
    Rule(
        "U-cancer",
        U,
        has("warning_signs", "cancer_history"),
        N_("If you have had cancer, new back pain should be checked."),
        (src.NICE_CKS, src.MAYO, src.MEDLINEPLUS_SEE_DOCTOR),
    ),
    Rule(
        "U-weight-loss",
        U,
        has("warning_signs", "weight_loss"),
        N_("Losing weight without trying, along with back pain, should be checked."),
        (src.NHS, src.NICE_CKS, src.MEDLINEPLUS_SEE_DOCTOR),
    ),
    Rule(
        "U-night-pain",
        U,
        has("warning_signs", "night_pain"),
        N_("Pain at night or at rest that does not ease when you move is not usual for a strain."),
        (src.NHS, src.NICE_CKS),
    ),
    Rule(
        "U-immune",
        U,
        has("warning_signs", "immune"),
        N_("A weak immune system or long-term steroid medicine raises the risk of infection."),
        (src.NICE_CKS,),
    ),
    Rule(
        "U-recent-procedure",
        U,
        has("warning_signs", "recent_spine_procedure"),
        N_(
            "Back pain within a month of spine surgery, an injection or an epidural can mean an "
            "infection."
        ),
        (src.WEBMD, src.NICE_CKS),
    ),
    Rule(
        "U-upper-back",
        U,
        has("warning_signs", "upper_back"),
        N_("Pain high up, between the shoulder blades, is less common and should be checked."),
        (src.NHS,),
    ),
    Rule(
        "U-back-lump",
        U,
        has("warning_signs", "back_lump"),
        N_("A lump, swelling, redness or a change of shape on your back should be checked."),
        (src.NHS,),
    ),
    Rule(
        "U-fracture-risk",
        U,
        all_of(
            answered_not("injury", "none"),
            any_of(has("warning_signs", "osteoporosis", "immune"), is_("age", "over_50")),
        ),
        N_(
            "With weak bones, steroid medicine or age over 50, even a small injury can break a "
            "bone."
        ),
        (src.NICE_CKS,),
    ),
    Rule(
        "U-pregnancy-signs",
        U,
        has("pregnancy_signs", "cramping", "bleeding"),
        N_(
            "In pregnancy, back pain with cramps, tightening or bleeding can be a sign of early "
            "labor."
        ),
        (src.ACOG,),
    ),
    Rule(
        "U-young-child",
        U,
        is_("age", "under_5"),
        N_("Back pain in a child under 5 is rare and should always be checked."),
        (src.CHKD,),
    ),
    Rule(
        "S-strain",
        S,
        is_("injury", "strain"),
        N_("Back pain that started with an injury should be seen by a provider."),
        (src.MEDLINEPLUS,),
    ),
    Rule(
        "S-not-improving",
        S,
        is_("trend", "same", "worse"),
        N_("Your pain has lasted 3 days or more and is no better. It should be checked."),
        (src.MEDLINEPLUS,),
    ),
    Rule(
        "S-leg-pain",
        S,
        has("leg_symptoms", "pain_below_knee"),
        N_("Pain that spreads below the knee often comes from a pressed nerve (sciatica)."),
        (src.MAYO, src.FAMILYDOCTOR),
    ),
    Rule(
        "S-pregnant",
        S,
        is_("pregnant", "yes"),
        N_("Back pain is common in pregnancy, but your provider should know about it."),
        (src.FAMILYDOCTOR, src.ACOG),
    ),
    Rule(
        "S-age-over-50",
        S,
        all_of(
            is_("age", "over_50"),
            is_("first_episode", "yes"),
            answered_not("duration", "over_3_months"),
        ),
        N_("Back pain that starts for the first time after age 50 should be checked."),
        (src.NICE_CKS, src.MAYO),
    ),
    Rule(
        "S-child",
        S,
        is_("age", "5_to_17"),
        N_("Back pain in children and teens should be checked by a doctor."),
        (src.AAOS_CHILDREN,),
    ),
    Rule(
        "S-bone-risk",
        S,
        has("warning_signs", "osteoporosis"),
        N_("Thin or weak bones can break more easily, even without a big injury."),
        (src.MAYO,),
    ),
)

ADVICE_RULES: tuple[Rule, ...] = (
    Rule(
        "A-bed-rest",
        None,
        NOT_EMERGENCY,
        N_(
            "Keep moving gently. Staying in bed for more than 1 or 2 days can make back pain worse."
        ),
        (src.MEDLINEPLUS,),
        stressed_when=is_("bed_rest", "over_2_days"),
        stressed_reason=N_(
            "You have stayed in bed for more than 2 days. More time in bed can make the pain "
            "worse. Get up and move a little more each day."
        ),
    ),
    Rule(
        "A-self-care",
        None,
        level_in(Level.SELF_CARE, Level.SOON),
        N_(
            "To ease the pain: take a pain reliever you can buy without a prescription, rest a "
            "little, use hot or cold packs, and move gently as you can."
        ),
        (src.MEDLINEPLUS,),
    ),
    Rule(
        "A-pregnancy-medicine",
        None,
        is_("pregnant", "yes", "not_sure"),
        N_(
            "If you are or could be pregnant, ask your provider or pharmacist before you take "
            "any pain medicine. Some are not safe in pregnancy."
        ),
        (src.ACOG,),
    ),
    Rule(
        "A-when-to-call",
        None,
        level_in(Level.SELF_CARE),
        N_(
            "Call your provider if the pain becomes severe, is no better after 3 days, or "
            "started after an injury."
        ),
        (src.MEDLINEPLUS,),
    ),
    Rule(
        "A-emergency-signs",
        None,
        NOT_EMERGENCY,
        N_(
            "Call %(emergency_number)s at once if you get new trouble with your bladder or "
            "bowels, numbness between your legs, weakness in both legs, or chest pain."
        ),
        (src.NHS,),
    ),
    Rule(
        "A-chronic",
        None,
        pain_type_is(PainType.CHRONIC),
        N_(
            "Pain that lasts more than 3 months is called chronic. It often gets better with a "
            "mix of exercise, talking therapy and other care over time."
        ),
        (src.MEDLINEPLUS, src.NIAMS),
    ),
)

RULES: tuple[Rule, ...] = LEVEL_RULES + ADVICE_RULES
RULES_BY_ID = {rule.id: rule for rule in RULES}
