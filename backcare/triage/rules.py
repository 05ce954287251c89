"""Every rule of QUESTIONNAIRE.md (version 2): its id, condition, level, care, reason, sources.

This table is the one copy of the rules: the assessment, the about page, the API and the tests
all read it. Reasons are our own plain words; ``%(emergency_number)s`` is filled in when shown.
A reason that says "you" has its wording about "the person with back pain" in ``reason_other``
(filled only where it differs). Emergency reasons never read as permission to wait.
"""

from dataclasses import dataclass

from backcare.triage import sources as src
from backcare.triage.conditions import (
    AGE_51_PLUS,
    CHILD,
    COULD_BE_PREGNANT,
    FIRST_PAIN_AFTER_50,
    NOT_EMERGENCY,
    Condition,
    Facts,
    all_of,
    any_of,
    has,
    is_,
    is_not,
    level_in,
    pain_type_is,
    unless,
)
from backcare.triage.levels import Care, Level, PainType
from backcare.triage.questions import QUESTIONS
from backcare.triage.sources import Source
from backcare.triage.text import N_, AnsweringFor, wording_for

#: The version of the questionnaire and its rules; every result names it.
RULES_VERSION = "2"


@dataclass(frozen=True)
class Variant:
    """Another wording of a rule's reason, used when ``when`` holds (the first that holds wins).

    ``stressed`` marks advice said more strongly for this person (shown with emphasis).
    """

    when: Condition
    reason: str
    reason_other: str = ""
    stressed: bool = False


@dataclass(frozen=True)
class Rule:
    """One rule. ``level`` is None for advice, which never changes the level."""

    id: str
    level: Level | None
    when: Condition
    reason: str
    sources: tuple[Source, ...]
    #: A better place than the level's default (QUESTIONNAIRE.md, "Where to go").
    care: Care | None = None
    #: ``reason`` about "the person with back pain", only where it differs.
    reason_other: str = ""
    #: Wordings that depend on the answers or the level, tried in order before ``reason``.
    variants: tuple[Variant, ...] = ()
    #: When the rule applies, in a few plain words, for the about page.
    summary: str = ""

    def __post_init__(self) -> None:
        if not self.summary:
            raise ValueError(f"{self.id}: a rule needs a summary")
        if self.care is not None and self.care.level is not self.level:
            raise ValueError(f"{self.id}: care {self.care} belongs to another level")

    def variant_for(self, facts: Facts) -> Variant | None:
        """The variant that applies to these facts, or None for the plain ``reason``."""
        return next((variant for variant in self.variants if variant.when(facts)), None)

    def wording(self, answering_for: AnsweringFor | str | None = None) -> str:
        """The plain reason for ``answering_for`` (``someone_else``: ``reason_other``)."""
        return wording_for(self.reason, self.reason_other, answering_for)


E, U, S = Level.EMERGENCY, Level.URGENT, Level.SOON
_LEG_NUMB_OR_WEAK = has("leg_symptoms", "numb_tingling", "weakness")
_GETTING_WORSE = is_("trend", "worse", "suddenly_much_worse")
_ANY_INJURY = is_not("injury", "none")
_CANCER = has("health", "cancer_history", "cancer_treatment")

LEVEL_RULES: tuple[Rule, ...] = (
    Rule(
        "E-cauda-equina",
        E,
        has("emergency_signs", "bladder_bowel", "saddle_numbness"),
        N_(
            "New trouble with your bladder or bowels, or numbness between your legs, can mean "
            "the nerves at the bottom of your spine are being squeezed. This needs checking in "
            "hospital now."
        ),
        (src.NHS, src.NICE_CKS),
        summary=N_("New trouble with the bladder or bowels, or numbness between the legs"),
        reason_other=N_(
            "New trouble with their bladder or bowels, or numbness between their legs, can mean "
            "the nerves at the bottom of their spine are being squeezed. This needs checking in "
            "hospital now."
        ),
    ),
    Rule(
        "E-both-legs",
        E,
        has("emergency_signs", "both_legs"),
        N_(
            "New or worse problems in both legs, or unsteady walking, can mean the nerves in the "
            "spine are badly pressed. This needs checking in hospital now."
        ),
        (src.NHS, src.NICE_CKS),
        summary=N_("New or worse trouble in both legs, or new unsteady walking"),
    ),
    Rule(
        "E-both-legs-late",
        E,
        all_of(
            is_("leg_sides", "both"),
            any_of(is_("duration", "under_3_days", "3_days_to_4_weeks"), _GETTING_WORSE),
        ),
        N_(
            "Pain, numbness or weakness in both legs that is new or getting worse can mean the "
            "nerves in the spine are badly pressed. This needs checking in hospital now."
        ),
        (src.NHS, src.NHS_SCIATICA, src.NICE_CKS),
        summary=N_("Trouble in both legs, with pain under 4 weeks old or getting worse"),
    ),
    Rule(
        "E-major-trauma",
        E,
        has("emergency_signs", "major_trauma"),
        N_(
            "After a serious accident, a bone in the spine could be broken. This needs checking "
            "in hospital now."
        ),
        (src.NHS, src.NICE_CKS),
        summary=N_("The pain began in the last week after a serious accident"),
    ),
    Rule(
        "E-chest-pain",
        E,
        has("emergency_signs", "chest_pain"),
        N_(
            "Chest pain or trouble breathing can come from the heart or lungs. It needs "
            "emergency care now."
        ),
        (src.NHS,),
        summary=N_("Chest pain or trouble breathing"),
    ),
    Rule(
        "E-aorta",
        E,
        has("emergency_signs", "belly_or_faint"),
        N_(
            "A throbbing belly, sudden bad belly pain, fainting or a cold sweat can be a sign of "
            "a problem with the body's largest blood vessel. This needs emergency care now."
        ),
        (src.MAYO, src.MEDLINEPLUS_ACUTE, src.NICE_NG156),
        summary=N_("A throbbing belly, sudden bad belly pain, fainting or a cold sweat"),
    ),
    Rule(
        "E-very-unwell",
        E,
        has("emergency_signs", "very_unwell"),
        N_(
            "New confusion, being very sleepy, yellow skin or eyes, or taking too much pain "
            "medicine can mean a serious illness or poisoning. This needs emergency care now."
        ),
        (src.NHS, src.NHS_SEPSIS, src.MEDLINEPLUS_ACETAMINOPHEN_OVERDOSE),
        summary=N_("New confusion, hard to wake, yellow skin or eyes, or too much medicine"),
    ),
    Rule(
        "E-sudden-severe",
        E,
        all_of(
            is_("onset", "sudden"),
            any_of(
                has("health", "blood_thinner"),
                all_of(
                    is_("injury", "none"),
                    any_of(
                        AGE_51_PLUS,
                        is_("first_episode", "yes"),
                        has("warning_signs", "upper_back"),
                    ),
                ),
            ),
        ),
        N_(
            "Severe pain that came on suddenly can be a sign of bleeding or a burst blood "
            "vessel, or a kidney stone. This needs checking in hospital now."
        ),
        (src.NICE_NG156, src.NHS_ANTICOAGULANTS, src.MEDLINEPLUS_ACUTE),
        summary=N_(
            "Sudden severe pain on a blood thinner, or with no injury when new, high up or after 50"
        ),
    ),
    Rule(
        "E-spinal-infection",
        E,
        all_of(
            has("warning_signs", "fever"),
            any_of(
                has(
                    "health",
                    "immune",
                    "steroids",
                    "injects_drugs",
                    "infection_risk",
                    "recent_spine_procedure",
                ),
                _LEG_NUMB_OR_WEAK,
            ),
        ),
        N_(
            "A fever with back pain, together with a higher risk of infection or numbness or "
            "weakness in a leg, can mean an infection near the spine. This needs checking in "
            "hospital now."
        ),
        (src.NICE_CKS,),
        summary=N_("A fever, with a high risk of infection or a numb or weak leg"),
    ),
    Rule(
        "E-nerve-risk",
        E,
        all_of(
            has("leg_symptoms", "weakness"),
            has("health", "immune", "injects_drugs", "recent_spine_procedure", "blood_thinner"),
        ),
        N_(
            "Leg weakness, with a weak immune system, injecting drugs, a recent spine procedure "
            "or a blood thinner, can mean an infection or bleeding pressing on the nerves. This "
            "needs checking in hospital now."
        ),
        (src.NICE_CKS,),
        summary=N_("A weak leg, with a high risk of infection or bleeding"),
    ),
    Rule(
        "E-cord-compression",
        E,
        all_of(_CANCER, has("leg_symptoms")),
        N_(
            "With cancer now or in the past, pain, numbness or weakness going into a leg can "
            "mean something is pressing on the spinal cord. Your cancer team needs to know now."
        ),
        (src.NICE_NG234,),
        summary=N_("Pain, numbness or weakness in a leg, with cancer now or in the past"),
        care=Care.CANCER_TEAM,
        reason_other=N_(
            "With cancer now or in the past, pain, numbness or weakness going into a leg can "
            "mean something is pressing on the spinal cord. Their cancer team needs to know now."
        ),
    ),
    Rule(
        "E-cancer-fever",
        E,
        all_of(has("warning_signs", "fever"), has("health", "cancer_treatment")),
        N_(
            "A fever during cancer treatment can mean a dangerous infection. It needs treatment "
            "now."
        ),
        (src.NICE_CG151,),
        summary=N_("A fever during cancer treatment"),
        care=Care.CANCER_TEAM,
    ),
    Rule(
        "E-fragility-fracture",
        E,
        all_of(is_("injury", "fall_or_blow", "accident"), AGE_51_PLUS, is_("severity", "severe")),
        N_(
            "Severe pain after a fall, a blow or a crash, over the age of 50, can mean a broken "
            "bone in the spine. This needs checking in hospital now."
        ),
        (src.FAMILYDOCTOR, src.NICE_CKS),
        summary=N_("Severe pain after a fall, a blow or a crash, over the age of 50"),
    ),
    Rule(
        "E-pregnancy-signs",
        E,
        all_of(is_("pregnant", "yes"), has("pregnancy_signs", "contractions", "fluid", "bleeding")),
        N_(
            "In pregnancy, back pain with tightening, fluid leaking or bleeding can mean labor "
            "has begun early or another problem. You need to be checked now."
        ),
        (src.ACOG_PRETERM, src.ACOG_BLEEDING),
        summary=N_("Tightening, fluid leaking or bleeding in pregnancy"),
        care=Care.MATERNITY,
        reason_other=N_(
            "In pregnancy, back pain with tightening, fluid leaking or bleeding can mean labor "
            "has begun early or another problem. They need to be checked now."
        ),
    ),
    Rule(
        "E-ectopic",
        E,
        all_of(COULD_BE_PREGNANT, has("pregnancy_signs", "one_sided_pain")),
        N_(
            "Sharp pain low on one side of the belly, or pain in the tip of a shoulder, when "
            "you could be pregnant can mean a pregnancy outside the womb. This needs emergency "
            "care now."
        ),
        (src.ACOG_ECTOPIC, src.NICE_NG126),
        summary=N_("Maybe pregnant, with sharp pain low on one side or in a shoulder tip"),
        reason_other=N_(
            "Sharp pain low on one side of the belly, or pain in the tip of a shoulder, when "
            "they could be pregnant can mean a pregnancy outside the womb. This needs emergency "
            "care now."
        ),
    ),
    Rule(
        "U-fall-or-blow",
        U,
        is_("injury", "fall_or_blow", "accident"),
        N_("Back pain after a fall, a blow or a crash should be checked by a doctor or nurse."),
        (src.MEDLINEPLUS, src.MAYO),
        summary=N_("The pain started after a fall, a blow or a crash"),
    ),
    Rule(
        "U-severe",
        U,
        is_("severity", "severe"),
        N_("Severe back pain should be checked by a doctor or nurse."),
        (src.MEDLINEPLUS,),
        summary=N_("The pain is severe"),
    ),
    Rule(
        "U-leg-numb-weak",
        U,
        _LEG_NUMB_OR_WEAK,
        N_("Numbness, tingling or weakness in a leg can mean a nerve is being pressed."),
        (src.MAYO, src.MEDLINEPLUS_SEE_DOCTOR),
        summary=N_("Numbness, tingling or weakness in a leg or foot"),
    ),
    Rule(
        "U-both-legs",
        U,
        all_of(
            is_("leg_sides", "both"),
            any_of(is_not("duration", "over_3_months"), _GETTING_WORSE),
        ),
        N_("Problems in both legs that are new or getting worse should be checked today."),
        (src.NHS, src.NICE_CKS),
        summary=N_("Trouble in both legs, with pain under 3 months old or getting worse"),
    ),
    Rule(
        "U-sudden-worse",
        U,
        is_("trend", "suddenly_much_worse"),
        N_("Pain that suddenly gets much worse should be checked today."),
        (src.WEBMD,),
        summary=N_("The pain suddenly got much worse"),
    ),
    Rule(
        "U-fever",
        U,
        has("warning_signs", "fever"),
        N_("Back pain with a fever can be a sign of an infection."),
        (src.NHS, src.NICE_CKS, src.MEDLINEPLUS_SEE_DOCTOR),
        summary=N_("A fever with back pain"),
    ),
    Rule(
        "U-urinary",
        U,
        has("warning_signs", "urinary"),
        N_("Burning or blood when peeing, along with back pain, can mean a kidney infection."),
        (src.FAMILYDOCTOR, src.MAYO),
        summary=N_("Burning or blood when peeing"),
    ),
    Rule(
        "U-cancer",
        U,
        _CANCER,
        N_("With cancer now or in the past, new back pain should be checked today."),
        (src.NICE_CKS, src.MAYO, src.MEDLINEPLUS_SEE_DOCTOR),
        summary=N_("Cancer now or in the past"),
    ),
    Rule(
        "U-weight-loss",
        U,
        has("warning_signs", "weight_loss"),
        N_("Losing weight without trying, along with back pain, should be checked."),
        (src.NHS, src.NICE_CKS, src.MEDLINEPLUS_SEE_DOCTOR),
        summary=N_("Losing weight without trying"),
    ),
    Rule(
        "U-night-pain",
        U,
        all_of(
            has("warning_signs", "night_pain"),
            unless(all_of(is_("duration", "over_3_months"), is_("trend", "improving", "same"))),
        ),
        N_(
            "Pain at night or at rest that does not ease when changing position is not usual "
            "for a strain."
        ),
        (src.NHS, src.NICE_CKS),
        summary=N_("Pain at night or at rest, unless long-lasting and not getting worse"),
    ),
    Rule(
        "U-immune",
        U,
        has("health", "immune", "steroids", "injects_drugs"),
        N_(
            "A weak immune system, long-term steroid medicine or injecting drugs raises the risk "
            "of an infection or a broken bone."
        ),
        (src.NICE_CKS,),
        summary=N_("A weak immune system, long-term steroids or injecting drugs"),
    ),
    Rule(
        "U-recent-procedure",
        U,
        has("health", "recent_spine_procedure"),
        N_(
            "Back pain within a month of spine surgery, a shot in the spine or an epidural can "
            "mean an infection."
        ),
        (src.WEBMD, src.NICE_CKS),
        summary=N_("Spine surgery, a spine injection or an epidural in the past month"),
    ),
    Rule(
        "U-upper-back",
        U,
        has("warning_signs", "upper_back"),
        N_("Pain high up, between the shoulder blades, is less common and should be checked."),
        (src.NHS,),
        summary=N_("Pain high up, between the shoulder blades"),
    ),
    Rule(
        "U-back-lump",
        U,
        has("warning_signs", "back_lump"),
        N_("A rash, lump, swelling, redness or a change of shape on the back should be checked."),
        (src.NHS,),
        summary=N_("A rash, lump, swelling, redness or change of shape on the back"),
    ),
    Rule(
        "U-fracture-risk",
        U,
        all_of(
            _ANY_INJURY,
            any_of(has("health", "osteoporosis", "steroids"), is_("age", "over_70")),
        ),
        N_(
            "With weak bones, steroid medicine or age over 70, even a small injury can break a "
            "bone."
        ),
        (src.NICE_CKS, src.HENSCHKE_2009),
        summary=N_("Any injury with weak bones, long-term steroids or age over 70"),
    ),
    Rule(
        "U-blood-thinner-injury",
        U,
        all_of(_ANY_INJURY, has("health", "blood_thinner")),
        N_("On a blood thinner, any fall or knock should be checked, in case of bleeding."),
        (src.NHS_ANTICOAGULANTS,),
        summary=N_("Any injury while on a blood thinner"),
    ),
    Rule(
        "U-pregnancy-signs",
        U,
        any_of(
            all_of(
                is_("pregnant", "not_sure"),
                has("pregnancy_signs", "contractions", "fluid", "bleeding"),
            ),
            all_of(is_("pregnant", "yes"), has("pregnancy_signs", "pressure")),
        ),
        N_(
            "Tightening, fluid, bleeding, or a new dull backache or pressure low down can be a "
            "sign of a problem with a pregnancy. It should be checked today."
        ),
        (src.ACOG_PRETERM, src.ACOG_EARLY_LOSS, src.NICE_NG126),
        summary=N_("Tightening, fluid or bleeding if maybe pregnant; pressure if pregnant"),
    ),
    Rule(
        "U-young-child",
        U,
        is_("age", "under_5"),
        N_("Back pain in a child under 5 is rare and should always be checked."),
        (src.CHKD,),
        summary=N_("Any back pain in a child under 5"),
    ),
    Rule(
        "S-strain",
        S,
        is_("injury", "strain"),
        N_("Back pain that began with an injury should be seen by a doctor or nurse."),
        (src.MEDLINEPLUS,),
        summary=N_("The pain started while lifting, twisting, bending or playing sport"),
    ),
    Rule(
        "S-not-improving",
        S,
        all_of(
            is_("trend", "same", "worse"),
            is_("duration", "3_days_to_4_weeks", "4_weeks_to_3_months"),
        ),
        N_("The pain has lasted 3 days or more and is no better. It should be checked."),
        (src.MEDLINEPLUS,),
        summary=N_("Pain for 3 days to 3 months that is no better"),
    ),
    Rule(
        "S-chronic-worse",
        S,
        all_of(is_("duration", "over_3_months"), is_("trend", "worse")),
        N_("Long-lasting back pain that is getting worse should be checked."),
        (src.MEDLINEPLUS_CHRONIC, src.NIAMS),
        summary=N_("Pain for over 3 months that is getting worse"),
    ),
    Rule(
        "S-leg-pain",
        S,
        has("leg_symptoms", "pain_below_knee"),
        N_("Pain that spreads below the knee often comes from a pressed nerve (sciatica)."),
        (src.MAYO, src.FAMILYDOCTOR),
        summary=N_("Pain that spreads down the leg below the knee"),
    ),
    Rule(
        "S-both-legs",
        S,
        is_("leg_sides", "both"),
        N_("Symptoms in both legs should be checked by a doctor or nurse."),
        (src.NHS, src.MEDLINEPLUS_SPINAL_STENOSIS),
        summary=N_("Trouble in both legs, however long the pain has lasted"),
    ),
    Rule(
        "S-night-pain",
        S,
        has("warning_signs", "night_pain"),
        N_("Pain at night or at rest should be checked by a doctor or nurse."),
        (src.NHS, src.NICE_CKS),
        summary=N_("Pain at night or at rest"),
    ),
    Rule(
        "S-pregnant",
        S,
        all_of(is_("pregnant", "yes"), is_("severity", "moderate", "severe")),
        N_(
            "Back pain is common in pregnancy, but when it gets in the way of daily life, "
            "your doctor, nurse or midwife should know."
        ),
        (src.FAMILYDOCTOR, src.ACOG),
        summary=N_("Pregnant, with pain that makes everyday things hard"),
        reason_other=N_(
            "Back pain is common in pregnancy, but when it gets in the way of daily life, "
            "their doctor, nurse or midwife should know."
        ),
    ),
    Rule(
        "S-age-over-50",
        S,
        FIRST_PAIN_AFTER_50,
        N_("Back pain that starts for the first time after age 50 should be checked."),
        (src.NICE_CKS, src.MAYO),
        summary=N_("Back pain for the first time after age 50"),
    ),
    Rule(
        "S-age-over-70",
        S,
        all_of(is_("age", "over_70"), is_not("duration", "over_3_months")),
        N_("New back pain after age 70 should be checked by a doctor or nurse."),
        (src.HENSCHKE_2009,),
        summary=N_("Age over 70, with pain under 3 months old"),
    ),
    Rule(
        "S-child",
        S,
        all_of(
            is_("age", "5_to_17"),
            unless(
                all_of(
                    is_("duration", "under_3_days"),
                    is_("trend", "improving"),
                    is_("severity", "mild"),
                )
            ),
        ),
        N_("Back pain in children and teens that lasts more than a few days should be checked."),
        (src.AAOS_CHILDREN, src.CHKD),
        summary=N_("A child or teen, unless the pain is mild, easing and under 3 days old"),
    ),
    Rule(
        "S-bone-risk",
        S,
        has("health", "osteoporosis"),
        N_("Thin or weak bones can break more easily, even without a big injury."),
        (src.MAYO,),
        summary=N_("Thin or weak bones"),
    ),
    Rule(
        "S-inflammatory",
        S,
        is_("morning_stiffness", "yes"),
        N_(
            "Long stiffness in the morning that gets better with movement can be a sign of "
            "inflammation in the joints of the spine. It should be checked."
        ),
        (src.NICE_NG65, src.CHKD),
        summary=N_("A stiff back for over 30 minutes after getting up, better with moving"),
    ),
)

ADVICE_RULES: tuple[Rule, ...] = (
    Rule(
        "A-bed-rest",
        None,
        NOT_EMERGENCY,
        N_("Keep moving, with care. More than 1 or 2 days in bed can make back pain worse."),
        (src.MEDLINEPLUS,),
        summary=N_("Everyone who does not need emergency care: how long to stay in bed"),
        variants=(
            Variant(
                is_("bed_rest", "over_2_days"),
                N_(
                    "You have stayed in bed for more than 2 days. More time in bed can make the "
                    "pain worse. Get up and move a little more each day."
                ),
                N_(
                    "They have stayed in bed for more than 2 days. More time in bed can make the "
                    "pain worse. Help them get up and move a little more each day."
                ),
                stressed=True,
            ),
        ),
    ),
    Rule(
        "A-self-care",
        None,
        NOT_EMERGENCY,
        N_(
            "Rest a little, but keep moving with care. A hot or cold pack can help: wrap it in "
            "a cloth, and never put it on skin that is numb. Most new back pain is much better "
            "after a few weeks."
        ),
        (src.MEDLINEPLUS, src.MEDLINEPLUS_HOME_CARE),
        summary=N_("Everyone who does not need emergency care: easing the pain at home"),
        variants=(
            Variant(
                level_in(Level.URGENT),
                N_(
                    "Until you are seen: rest a little, but keep moving with care. A hot or cold "
                    "pack can help: wrap it in a cloth, and never put it on skin that is numb."
                ),
                N_(
                    "Until they are seen: they can rest a little, but should keep moving with "
                    "care. A hot or cold pack can help: wrap it in a cloth, and never put it on "
                    "skin that is numb."
                ),
            ),
        ),
    ),
    Rule(
        "A-pain-relief",
        None,
        all_of(NOT_EMERGENCY, is_not("age", "under_5"), is_not("pregnant", "yes", "not_sure")),
        N_(
            "A pain medicine you can buy without a prescription can help. Take the amount on "
            "the label. Do not take more acetaminophen (Tylenol) in a day than the label "
            "allows, and count every product that has it in. Do not take ibuprofen or naproxen "
            "if you have had an ulcer or a bleed in your stomach, or have kidney disease or "
            "heart failure, unless a doctor or nurse has said you can. If you are 65 or over, "
            "take other medicine, or have liver trouble, ask a pharmacist first."
        ),
        (src.MEDLINEPLUS, src.MEDLINEPLUS_HOME_CARE),
        summary=N_(
            "Age 5 or older, and not pregnant or maybe pregnant: pain relievers without a "
            "prescription"
        ),
        reason_other=N_(
            "A pain medicine you can buy without a prescription can help. Give the amount on "
            "the label. Do not give more acetaminophen (Tylenol) in a day than the label "
            "allows, and count every product that has it in. Do not give ibuprofen or naproxen "
            "if they have had an ulcer or a bleed in their stomach, or have kidney disease or "
            "heart failure, unless a doctor or nurse has said they can. If they are 65 or over, "
            "take other medicine, or have liver trouble, ask a pharmacist first."
        ),
    ),
    Rule(
        "A-no-aspirin-child",
        None,
        all_of(NOT_EMERGENCY, CHILD),
        N_(
            "Never give aspirin to a child or teenager. For a child under 5, ask a doctor or "
            "nurse before giving any medicine."
        ),
        (src.NHS_REYES, src.CHKD),
        summary=N_("Children and teens: aspirin and other medicines"),
    ),
    Rule(
        "A-avoid-nsaids",
        None,
        all_of(
            NOT_EMERGENCY,
            any_of(has("health", "blood_thinner", "steroids"), is_("age", "over_70")),
        ),
        N_(
            "Do not take ibuprofen, naproxen or aspirin for the pain unless a doctor or nurse "
            "says so. With a blood thinner they raise the risk of bleeding; with steroids they "
            "can harm the stomach; after 70 they can harm the kidneys and stomach. Ask a "
            "pharmacist which pain reliever is safe. Acetaminophen alone may help less."
        ),
        (src.NICE_NG59, src.NHS_IBUPROFEN),
        summary=N_("On a blood thinner or steroids, or over 70: pain relievers to avoid"),
        reason_other=N_(
            "Do not give them ibuprofen, naproxen or aspirin for the pain unless a doctor or "
            "nurse says so. With a blood thinner they raise the risk of bleeding; with steroids "
            "they can harm the stomach; after 70 they can harm the kidneys and stomach. Ask a "
            "pharmacist which pain reliever is safe. Acetaminophen alone may help less."
        ),
    ),
    Rule(
        "A-pregnancy-medicine",
        None,
        all_of(NOT_EMERGENCY, COULD_BE_PREGNANT),
        N_(
            "Ask your ob-gyn, midwife or pharmacist before you take any pain medicine. Do not "
            "take ibuprofen, naproxen or aspirin unless they say so."
        ),
        (src.ACOG, src.FDA_NSAIDS),
        summary=N_("Pregnant or maybe pregnant: asking before taking pain medicine"),
        reason_other=N_(
            "Ask their ob-gyn, midwife or pharmacist before they take any pain medicine. No "
            "ibuprofen, naproxen or aspirin unless they say so."
        ),
    ),
    Rule(
        "A-when-to-call",
        None,
        all_of(level_in(Level.SELF_CARE), is_not("duration", "over_3_months")),
        N_(
            "Call a doctor or nurse if the pain becomes severe, or if it is no better after 3 days."
        ),
        (src.MEDLINEPLUS,),
        summary=N_("Care at home, pain under 3 months old: when to call a doctor or nurse"),
        variants=(
            Variant(
                is_not("duration", "under_3_days"),
                N_("Call a doctor or nurse if the pain stops getting better, or gets worse."),
            ),
        ),
    ),
    Rule(
        "A-emergency-signs",
        None,
        NOT_EMERGENCY,
        N_(
            "Call %(emergency_number)s at once if any of these start: new trouble with your "
            "bladder or bowels, numbness between your legs, weakness or numbness in both legs, "
            "chest pain or trouble breathing, a throbbing belly, or you faint."
        ),
        (src.NHS,),
        summary=N_("Everyone who does not need emergency care: new signs of an emergency"),
        reason_other=N_(
            "Call %(emergency_number)s at once if any of these start: new trouble with their "
            "bladder or bowels, numbness between their legs, weakness or numbness in both legs, "
            "chest pain or trouble breathing, a throbbing belly, or they faint."
        ),
    ),
    Rule(
        "A-pregnancy-warning",
        None,
        all_of(NOT_EMERGENCY, COULD_BE_PREGNANT),
        N_(
            "Call your maternity unit at once if you have bleeding, fluid leaking, regular "
            "tightening, a constant dull ache low in the back or pressure before 37 weeks, or "
            "pain low in the belly on one side."
        ),
        (src.ACOG_PRETERM, src.ACOG_BLEEDING, src.ACOG_ECTOPIC),
        summary=N_("Pregnant or maybe pregnant: signs to call the maternity unit at once"),
        reason_other=N_(
            "Call their maternity unit at once if they have bleeding, fluid leaking, regular "
            "tightening, a constant dull ache low in the back or pressure before 37 weeks, or "
            "pain low in the belly on one side."
        ),
    ),
    Rule(
        "A-cancer-warning",
        None,
        all_of(NOT_EMERGENCY, has("health", "cancer_treatment")),
        N_("During cancer treatment, any fever means: call your 24-hour cancer line now."),
        (src.NICE_CG151,),
        summary=N_("Having cancer treatment now: what to do about a fever"),
        reason_other=N_(
            "During cancer treatment, any fever means: call their 24-hour cancer line now."
        ),
    ),
    Rule(
        "A-blood-thinner-warning",
        None,
        all_of(NOT_EMERGENCY, has("health", "blood_thinner")),
        N_(
            "On a blood thinner, if sudden severe pain or new weakness in a leg starts, go to "
            "the emergency room at once."
        ),
        (src.NHS_ANTICOAGULANTS,),
        summary=N_("On a blood thinner: signs to go to the emergency room"),
    ),
    Rule(
        "A-chronic",
        None,
        all_of(NOT_EMERGENCY, pain_type_is(PainType.CHRONIC)),
        N_(
            "Pain for more than 3 months is called chronic. It is common, and it can be "
            "managed. If it gets in the way of daily life, or if it changes, ask a "
            "doctor or nurse for a visit. It does not need to be an urgent visit."
        ),
        (src.MEDLINEPLUS, src.MEDLINEPLUS_CHRONIC, src.NIAMS),
        summary=N_("Pain for more than 3 months: living with long-lasting pain"),
    ),
)

RULES: tuple[Rule, ...] = LEVEL_RULES + ADVICE_RULES
RULES_BY_ID = {rule.id: rule for rule in RULES}
EMERGENCY_RULES: tuple[Rule, ...] = tuple(rule for rule in LEVEL_RULES if rule.level is E)
#: The emergency rules that read each question: only these can start to fire when it is
#: answered (no emergency rule holds on no answers).
EMERGENCY_RULES_READING: dict[str, tuple[Rule, ...]] = {
    question.id: tuple(rule for rule in EMERGENCY_RULES if question.id in rule.when.questions)
    for question in QUESTIONS
}
