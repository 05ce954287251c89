"""The questions, their answer codes and the branching between them (QUESTIONNAIRE.md v2).

``Question.shown_when`` is the one copy of the branching: a ``Condition`` over earlier answers.
The pages, the API's strictness and the FHIR ``enableWhen`` all read it. ``Journey``
(``backcare.triage.journey``) walks it for the pages.

Wording: every question speaks to "you"; a field ending ``_other`` holds the wording about "the
person with back pain" for someone answering for them, and is filled only where it differs
(``Question.wording`` picks one).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from backcare.triage.conditions import Answers, Condition, Facts, all_of, has, is_
from backcare.triage.text import N_, AnsweringFor, wording_for

__all__ = [
    "NONE",
    "QUESTIONS",
    "QUESTIONS_BY_ID",
    "Answers",
    "Kind",
    "Option",
    "Question",
    "is_shown",
    "without_hidden",
]

NONE = "none"


class Kind(StrEnum):
    RADIO = "radio"
    CHECKBOX = "checkbox"


@dataclass(frozen=True)
class Option:
    """One answer: its code, its label, an optional hint (the contract's definition)."""

    code: str
    label: str
    hint: str = ""
    #: The label and hint about "the person with back pain", only where they differ.
    label_other: str = ""
    hint_other: str = ""

    def wording(self, answering_for: AnsweringFor | str | None = None) -> "OptionWording":
        return OptionWording(
            self.code,
            wording_for(self.label, self.label_other, answering_for),
            wording_for(self.hint, self.hint_other, answering_for),
        )


@dataclass(frozen=True)
class OptionWording:
    code: str
    label: str
    hint: str


@dataclass(frozen=True)
class Wording:
    """A question's text for one reader (``Question.wording``)."""

    title: str
    hint: str
    summary_label: str
    error: str
    options: tuple[OptionWording, ...]


# Questions compare by identity: there is one of each, and list look-ups stay cheap.
@dataclass(frozen=True, eq=False)
class Question:
    id: str
    kind: Kind
    title: str
    options: tuple[Option, ...]
    hint: str = ""
    #: The short label used on the check-your-answers page and in summaries.
    summary_label: str = ""
    #: What to fix when the page is sent with no answer.
    error: str = ""
    #: Asked only when this holds on the earlier answers; None: always asked.
    shown_when: Condition | None = None
    #: The title, hint and error about "the person with back pain", only where they differ.
    title_other: str = ""
    hint_other: str = ""
    error_other: str = ""
    codes: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", frozenset(option.code for option in self.options))

    @property
    def sign_codes(self) -> tuple[str, ...]:
        """The codes of a checkbox question other than ``none``, in page order."""
        return tuple(option.code for option in self.options if option.code != NONE)

    def is_shown(self, answers: Answers) -> bool:
        """Whether ``shown_when`` holds on ``answers`` as given (see ``journey.is_shown``)."""
        return self.shown_when is None or self.shown_when(Facts(answers))

    def wording(self, answering_for: AnsweringFor | str | None = None) -> Wording:
        """The text for a person answering for themselves (``myself``, or None) or for someone
        else (``someone_else``): the ``_other`` fields where they are filled."""
        return Wording(
            wording_for(self.title, self.title_other, answering_for),
            wording_for(self.hint, self.hint_other, answering_for),
            self.summary_label,
            wording_for(self.error, self.error_other, answering_for),
            tuple(option.wording(answering_for) for option in self.options),
        )


_NONE_OF_THESE = Option(NONE, N_("None of these"))
_TICK_ALL = N_("Tick all that are true.")

#: Asked of ages 5 to 50 (QUESTIONNAIRE.md, questions 13 and 14).
_AGE_5_TO_50 = is_("age", "5_to_17", "18_to_50")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "emergency_signs",
        Kind.CHECKBOX,
        N_("Do you have any of these along with your back pain?"),
        title_other=N_("Do they have any of these along with their back pain?"),
        hint=N_(
            "Only things that are new in the last days or weeks, not something you have had "
            "for a long time. Tick all that are true."
        ),
        hint_other=N_(
            "Only things that are new in the last days or weeks, not something they have had "
            "for a long time. Tick all that are true."
        ),
        summary_label=N_("Emergency signs"),
        error=N_("Select the signs you have, or select “None of these”"),
        error_other=N_("Select the signs they have, or select “None of these”"),
        options=(
            Option(
                "bladder_bowel",
                N_("New trouble with peeing or pooing"),
                N_(
                    "You cannot start or control it, or you cannot feel when your bladder or "
                    "bowel is full."
                ),
                hint_other=N_(
                    "They cannot start or control it, or they cannot feel when their bladder or "
                    "bowel is full."
                ),
            ),
            Option(
                "saddle_numbness",
                N_("Numbness or tingling between the legs"),
                N_(
                    "Around the genitals, bottom or inner thighs. Or a new change in how sex "
                    "feels or works."
                ),
            ),
            Option(
                "both_legs",
                N_("New or worse problems in both legs"),
                N_(
                    "Pain, weakness, numbness or tingling in both legs that is new or getting "
                    "worse. Or walking has become unsteady."
                ),
            ),
            Option(
                "major_trauma",
                N_("The pain began in the last week after a serious accident"),
                N_(
                    "A crash at speed, airbags going off or a car rolling over, being hit by a "
                    "car, a fall from higher than your own height or down several stairs, or a "
                    "very hard blow. A small bump is not this: you will be asked about it later."
                ),
                hint_other=N_(
                    "A crash at speed, airbags going off or a car rolling over, being hit by a "
                    "car, a fall from higher than their own height or down several stairs, or a "
                    "very hard blow. A small bump is not this: you will be asked about it later."
                ),
            ),
            Option("chest_pain", N_("Chest pain or trouble breathing")),
            Option(
                "belly_or_faint",
                N_("A throbbing belly, sudden bad belly pain, or fainting"),
                N_(
                    "A throbbing or pulsing feeling in the belly, sudden severe belly pain, "
                    "fainting, or a cold, clammy sweat."
                ),
            ),
            Option(
                "very_unwell",
                N_("Very unwell or confused"),
                N_(
                    "New confusion, very sleepy or hard to wake, yellow skin or eyes, or more "
                    "pain medicine taken than the label allows."
                ),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "age",
        Kind.RADIO,
        N_("How old are you?"),
        title_other=N_("How old is the person with back pain?"),
        summary_label=N_("Age"),
        error=N_("Select your age"),
        error_other=N_("Select the age of the person with back pain"),
        options=(
            Option("under_5", N_("Under 5")),
            Option("5_to_17", N_("5 to 17")),
            Option("18_to_50", N_("18 to 50")),
            Option("51_to_70", N_("51 to 70")),
            Option("over_70", N_("Over 70")),
        ),
    ),
    Question(
        "first_episode",
        Kind.RADIO,
        N_("Is this the first time you have had back pain like this?"),
        title_other=N_("Is this the first time they have had back pain like this?"),
        summary_label=N_("First time"),
        error=N_("Select yes if this is the first time you have had back pain like this"),
        error_other=N_("Select yes if this is the first time they have had back pain like this"),
        options=(Option("yes", N_("Yes, it is the first time")), Option("no", N_("No"))),
    ),
    Question(
        "injury",
        Kind.RADIO,
        N_("Did the pain start after an injury?"),
        summary_label=N_("Injury"),
        error=N_("Select whether the pain started after an injury"),
        options=(
            Option(NONE, N_("No, there was no injury")),
            Option("strain", N_("Yes, while lifting, twisting, bending or playing sport")),
            Option("fall_or_blow", N_("Yes, after a fall, a knock or a blow to the back")),
            Option(
                "accident",
                N_("Yes, after a crash or being hit"),
                N_(
                    "In a car, on a motorbike or a bike, or hit by a vehicle or a person. Not "
                    "serious enough for the first page, or more than a week ago."
                ),
            ),
        ),
    ),
    Question(
        "duration",
        Kind.RADIO,
        N_("How long have you had this back pain?"),
        title_other=N_("How long have they had this back pain?"),
        summary_label=N_("How long"),
        error=N_("Select how long you have had this back pain"),
        error_other=N_("Select how long they have had this back pain"),
        options=(
            Option("under_3_days", N_("Less than 3 days")),
            Option("3_days_to_4_weeks", N_("3 days or more, up to 4 weeks")),
            Option("4_weeks_to_3_months", N_("More than 4 weeks, up to 3 months")),
            Option("over_3_months", N_("More than 3 months")),
        ),
    ),
    Question(
        "trend",
        Kind.RADIO,
        N_("How has the pain changed since it started?"),
        summary_label=N_("How the pain has changed"),
        error=N_("Select how the pain has changed"),
        options=(
            Option("improving", N_("It is getting better")),
            Option("same", N_("It is about the same")),
            Option("worse", N_("It is getting worse")),
            Option(
                "suddenly_much_worse",
                N_("It suddenly got much worse"),
                N_(
                    "It had been steady or getting better. Then it got much worse, without "
                    "doing more than usual."
                ),
            ),
        ),
    ),
    Question(
        "severity",
        Kind.RADIO,
        N_("How bad is the pain?"),
        summary_label=N_("How bad"),
        error=N_("Select how bad the pain is"),
        options=(
            Option("mild", N_("Mild"), N_("Everyday things still go on.")),
            Option(
                "moderate",
                N_("Moderate"),
                N_("It makes everyday things hard, or it wakes you up."),
                hint_other=N_("It makes everyday things hard, or it wakes them up."),
            ),
            Option(
                "severe",
                N_("Severe"),
                N_("So bad it is hard to move, think or sleep. No position is comfortable."),
            ),
        ),
    ),
    Question(
        "leg_symptoms",
        Kind.CHECKBOX,
        N_("Do you have any of these in a leg?"),
        title_other=N_("Do they have any of these in a leg?"),
        hint=_TICK_ALL,
        summary_label=N_("Leg symptoms"),
        error=N_("Select what you have in your legs, or select “None of these”"),
        error_other=N_("Select what they have in their legs, or select “None of these”"),
        options=(
            Option("pain_below_knee", N_("Pain that spreads down the leg below the knee")),
            Option("numb_tingling", N_("Numbness or tingling in a leg or foot")),
            Option(
                "weakness",
                N_("Weakness in a leg or foot"),
                N_("For example, the foot drags or slaps on the ground."),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "leg_sides",
        Kind.RADIO,
        N_("Are these in one leg or in both legs?"),
        summary_label=N_("Which legs"),
        error=N_("Select one leg or both legs"),
        shown_when=has("leg_symptoms"),
        options=(Option("one", N_("One leg")), Option("both", N_("Both legs"))),
    ),
    Question(
        "warning_signs",
        Kind.CHECKBOX,
        N_("Do you have any of these?"),
        title_other=N_("Do they have any of these?"),
        hint=_TICK_ALL,
        summary_label=N_("Other signs"),
        error=N_("Select what you have, or select “None of these”"),
        error_other=N_("Select what they have, or select “None of these”"),
        options=(
            Option(
                "fever",
                N_("A fever"),
                N_("38 °C (100.4 °F) or higher, or you feel hot and shivery."),
                hint_other=N_("38 °C (100.4 °F) or higher, or they feel hot and shivery."),
            ),
            Option(
                "urinary",
                N_("It burns to pee, or there is blood in the pee"),
            ),
            Option("weight_loss", N_("Losing weight without trying")),
            Option(
                "night_pain",
                N_("Pain that is worse at night or when lying still"),
                N_("It keeps you awake, and it does not get better when you change position."),
                hint_other=N_(
                    "It keeps them awake, and it does not get better when they change position."
                ),
            ),
            Option(
                "upper_back",
                N_("The pain is high up in the back"),
                N_("Between or around the shoulder blades, not low down."),
            ),
            Option(
                "back_lump",
                N_("A rash, lump, swelling or redness on the back, or its shape has changed"),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "health",
        Kind.CHECKBOX,
        N_("Are any of these true for you?"),
        title_other=N_("Are any of these true for them?"),
        hint=_TICK_ALL,
        summary_label=N_("Health"),
        error=N_("Select what is true for you, or select “None of these”"),
        error_other=N_("Select what is true for them, or select “None of these”"),
        options=(
            Option(
                "cancer_treatment",
                N_("Having treatment for cancer now"),
                N_("Such as chemotherapy."),
            ),
            Option(
                "cancer_history",
                N_("Cancer now or in the past"),
                N_("Not counting most skin cancers."),
            ),
            Option(
                "immune",
                N_("A weak immune system"),
                N_(
                    "Such as HIV, an organ transplant, or a medicine that makes the immune "
                    "system weak."
                ),
            ),
            Option(
                "steroids",
                N_("Taking steroid medicine for 3 months or more"),
                N_("Such as prednisone."),
            ),
            Option("injects_drugs", N_("Injecting drugs, now or not long ago")),
            Option(
                "infection_risk",
                N_("Diabetes, kidney failure or a recent infection"),
                N_(
                    "Diabetes you take a tablet or insulin for. Kidney failure or dialysis. Or "
                    "an infection somewhere else in the last month, such as in the kidney, skin "
                    "or a tooth."
                ),
            ),
            Option("osteoporosis", N_("Thin or weak bones (osteoporosis)")),
            Option(
                "blood_thinner",
                N_("Taking a medicine that thins the blood"),
                N_(
                    "For example warfarin, apixaban, rivaroxaban, dabigatran or edoxaban. Or "
                    "heparin or enoxaparin shots, clopidogrel, or aspirin every day."
                ),
            ),
            Option(
                "recent_spine_procedure",
                N_("Spine surgery, a shot in the spine or an epidural in the past month"),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "onset",
        Kind.RADIO,
        N_("How did this severe pain start?"),
        summary_label=N_("How it started"),
        error=N_("Select how the pain started"),
        shown_when=all_of(is_("severity", "severe"), is_("injury", NONE, "strain")),
        options=(
            Option(
                "sudden",
                N_("Suddenly"),
                N_("It came on in seconds or minutes."),
            ),
            Option("gradual", N_("Slowly, over hours or days")),
        ),
    ),
    Question(
        "morning_stiffness",
        Kind.RADIO,
        N_("Is your back stiff in the morning for more than 30 minutes?"),
        title_other=N_("Is their back stiff in the morning for more than 30 minutes?"),
        hint=N_("After getting up, and it gets better when you move around."),
        hint_other=N_("After getting up, and it gets better when they move around."),
        summary_label=N_("Stiff in the morning"),
        error=N_("Select yes if your back is stiff for more than 30 minutes in the morning"),
        error_other=N_("Select yes if their back is stiff for more than 30 minutes in the morning"),
        shown_when=all_of(is_("duration", "over_3_months"), _AGE_5_TO_50),
        options=(Option("yes", N_("Yes")), Option("no", N_("No"))),
    ),
    Question(
        "pregnant",
        Kind.RADIO,
        N_("Could you be pregnant?"),
        title_other=N_("Could they be pregnant?"),
        summary_label=N_("Could be pregnant"),
        error=N_("Select whether you could be pregnant"),
        error_other=N_("Select whether they could be pregnant"),
        shown_when=_AGE_5_TO_50,
        options=(
            Option("yes", N_("Yes")),
            Option("no", N_("No")),
            Option("not_sure", N_("I am not sure")),
        ),
    ),
    Question(
        "pregnancy_signs",
        Kind.CHECKBOX,
        N_("Do you have any of these?"),
        title_other=N_("Do they have any of these?"),
        hint=_TICK_ALL,
        summary_label=N_("Pregnancy signs"),
        error=N_("Select the signs you have, or select “None of these”"),
        error_other=N_("Select the signs they have, or select “None of these”"),
        shown_when=is_("pregnant", "yes", "not_sure"),
        options=(
            Option(
                "contractions",
                N_("Tightening, cramps, or pain that comes and goes in waves"),
                N_("It happens again and again, like a regular rhythm."),
            ),
            Option("fluid", N_("Fluid leaking or a gush from the vagina")),
            Option("bleeding", N_("Bleeding from the vagina that is not a normal period")),
            Option(
                "one_sided_pain",
                N_("Sharp pain low in the belly on one side"),
                N_("Or pain in the tip of a shoulder."),
            ),
            Option(
                "pressure",
                N_("A new dull ache low in the back, or pressure low in the belly"),
                N_(
                    "It is there all the time, or you feel pressure in the pelvis. It is not like "
                    "your usual aches."
                ),
                hint_other=N_(
                    "It is there all the time, or they feel pressure in the pelvis. It is not like "
                    "their usual aches."
                ),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "bed_rest",
        Kind.RADIO,
        N_("How long have you stayed in bed because of the pain?"),
        title_other=N_("How long have they stayed in bed because of the pain?"),
        summary_label=N_("Bed rest"),
        error=N_("Select how long you have stayed in bed"),
        error_other=N_("Select how long they have stayed in bed"),
        options=(
            Option(NONE, N_("Not at all")),
            Option("1_2_days", N_("1 or 2 days")),
            Option("over_2_days", N_("More than 2 days")),
        ),
    ),
    Question(
        "activities",
        Kind.CHECKBOX,
        N_("Do you do any of these most weeks?"),
        title_other=N_("Do they do any of these most weeks?"),
        hint=N_("Tick all that are true. We use this to pick helpful reading for you."),
        summary_label=N_("Activities"),
        error=N_("Select what you do most weeks, or select “None of these”"),
        error_other=N_("Select what they do most weeks, or select “None of these”"),
        options=(
            Option("desk_work", N_("Sit at a desk or computer for work")),
            Option("manual_work", N_("Lift, carry or do hard physical work")),
            Option("sports", N_("Play sports or exercise")),
            _NONE_OF_THESE,
        ),
    ),
)

QUESTIONS_BY_ID: Mapping[str, Question] = {question.id: question for question in QUESTIONS}


def without_hidden(answers: Answers) -> dict[str, str | tuple[str, ...]]:
    """The answers to questions the branching asks, given the answers kept before them.

    One pass in questionnaire order, so a stale answer drops the answers that hang on it too
    (a changed ``age`` drops ``pregnant``, which drops ``pregnancy_signs``). Unknown question
    ids are dropped.
    """
    kept: dict[str, str | tuple[str, ...]] = {}
    for question in QUESTIONS:
        if question.id in answers and question.is_shown(kept):
            kept[question.id] = answers[question.id]
    return kept


def is_shown(question: Question, answers: Answers) -> bool:
    """Whether ``question`` is asked, strictly: its ``shown_when`` holds on the answers given
    (after ``without_hidden``). A condition that reads an unanswered question does not hold;
    for "may still be asked", see ``Journey``."""
    return question.shown_when is None or question.is_shown(without_hidden(answers))
