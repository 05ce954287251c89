"""The questions, their answer codes and the branching between them (QUESTIONNAIRE.md)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from backcare.triage.text import N_

#: Answers as codes: a radio question maps to one code, a checkbox question to a tuple of codes.
#: An empty tuple means "None of these"; the tuple never holds ``none`` itself.
Answers = Mapping[str, str | tuple[str, ...]]

NONE = "none"


class Kind(StrEnum):
    RADIO = "radio"
    CHECKBOX = "checkbox"


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class ShownWhen:
    """The question is asked only when ``question`` was answered with one of ``codes``."""

    question: str
    codes: frozenset[str]


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
    shown_when: ShownWhen | None = None
    codes: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", frozenset(option.code for option in self.options))

    @property
    def sign_codes(self) -> tuple[str, ...]:
        """The codes of a checkbox question other than ``none``, in page order."""
        return tuple(option.code for option in self.options if option.code != NONE)


_NONE_OF_THESE = Option(NONE, N_("None of these"))

QUESTIONS: tuple[Question, ...] = (
    Question(
        "emergency_signs",
        Kind.CHECKBOX,
        N_("Do you have any of these along with your back pain?"),
        hint=N_("Tick all that apply. These need help straight away."),
        summary_label=N_("Emergency signs"),
        error=N_("Select the signs you have, or select “None of these”"),
        options=(
            Option(
                "bladder_bowel",
                N_("New trouble with peeing or pooing"),
                N_(
                    "You cannot start or control it, or you cannot feel when your bladder or "
                    "bowel is full."
                ),
            ),
            Option(
                "saddle_numbness",
                N_("Numbness or tingling between your legs"),
                N_(
                    "Around your genitals, bottom or inner thighs, or a new change in how sex "
                    "feels or works."
                ),
            ),
            Option(
                "both_legs",
                N_("Problems in both legs or with walking"),
                N_(
                    "Pain, weakness, numbness or tingling in both legs, leg weakness that is "
                    "getting worse, or you are unsteady when you walk."
                ),
            ),
            Option(
                "major_trauma",
                N_("The pain started after a serious accident"),
                N_("Such as a car crash, a bad fall or a hard hit."),
            ),
            Option("chest_pain", N_("Chest pain or trouble breathing")),
            Option(
                "belly_or_faint",
                N_("Belly pain, fainting or a cold sweat"),
                N_(
                    "Pain or a throbbing, pulsing feeling in your belly, fainting, or cold, "
                    "clammy skin."
                ),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "age",
        Kind.RADIO,
        N_("How old is the person with back pain?"),
        hint=N_("You can answer for a child."),
        summary_label=N_("Age"),
        error=N_("Select the age of the person with back pain"),
        options=(
            Option("under_5", N_("Under 5")),
            Option("5_to_17", N_("5 to 17")),
            Option("18_to_50", N_("18 to 50")),
            Option("over_50", N_("Over 50")),
        ),
    ),
    Question(
        "first_episode",
        Kind.RADIO,
        N_("Is this the first time you have had back pain like this?"),
        summary_label=N_("First time"),
        error=N_("Select yes if this is the first time you have had back pain like this"),
        options=(Option("yes", N_("Yes, it is the first time")), Option("no", N_("No"))),
    ),
    Question(
        "injury",
        Kind.RADIO,
        N_("Did the pain start after an injury?"),
        summary_label=N_("Injury"),
        error=N_("Select whether the pain started after an injury"),
        options=(
            Option("none", N_("No, there was no injury")),
            Option(
                "strain",
                N_("Yes, while lifting, twisting, bending or playing sport"),
            ),
            Option("fall_or_blow", N_("Yes, after a fall, a knock or a blow to the back")),
        ),
    ),
    Question(
        "duration",
        Kind.RADIO,
        N_("How long have you had this back pain?"),
        summary_label=N_("How long"),
        error=N_("Select how long you have had this back pain"),
        options=(
            Option("under_3_days", N_("Less than 3 days")),
            Option("3_days_to_4_weeks", N_("3 days to 4 weeks")),
            Option("4_weeks_to_3_months", N_("4 weeks to 3 months")),
            Option("over_3_months", N_("More than 3 months")),
        ),
    ),
    Question(
        "trend",
        Kind.RADIO,
        N_("How has the pain changed since it started?"),
        summary_label=N_("How the pain has changed"),
        error=N_("Select how the pain has changed"),
        shown_when=ShownWhen(
            "duration",
            frozenset({"3_days_to_4_weeks", "4_weeks_to_3_months", "over_3_months"}),
        ),
        options=(
            Option("improving", N_("It is getting better")),
            Option("same", N_("It is about the same")),
            Option("worse", N_("It is getting worse")),
            Option(
                "suddenly_much_worse",
                N_("It suddenly got much worse"),
                N_("It had been steady, then it became much worse."),
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
            Option("mild", N_("Mild"), N_("It comes and goes. You can do your usual things.")),
            Option(
                "moderate",
                N_("Moderate"),
                N_(
                    "It is there most of the time and gets in the way of sleep or thinking, "
                    "but you can still get up and dress."
                ),
            ),
            Option(
                "severe",
                N_("Severe"),
                N_(
                    "It is there all the time. It is hard to think, sleep or move, and no "
                    "position feels comfortable."
                ),
            ),
        ),
    ),
    Question(
        "leg_symptoms",
        Kind.CHECKBOX,
        N_("Do you have any of these in one leg?"),
        hint=N_("Tick all that apply."),
        summary_label=N_("Leg symptoms"),
        error=N_("Select what you have in one leg, or select “None of these”"),
        options=(
            Option("pain_below_knee", N_("Pain that spreads down the leg below the knee")),
            Option("numb_tingling", N_("Numbness or tingling in the leg or foot")),
            Option(
                "weakness",
                N_("Weakness in the leg or foot"),
                N_("For example, your foot drags or slaps on the ground."),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "warning_signs",
        Kind.CHECKBOX,
        N_("Do any of these apply to you?"),
        hint=N_("Tick all that apply."),
        summary_label=N_("Other signs"),
        error=N_("Select what applies to you, or select “None of these”"),
        options=(
            Option(
                "fever",
                N_("Fever"),
                N_("38 °C (100.4 °F) or higher, or you feel hot and shivery."),
            ),
            Option("urinary", N_("It burns when you pee, or there is blood in your pee")),
            Option("cancer_history", N_("You have cancer now or had it in the past")),
            Option("weight_loss", N_("You are losing weight without trying")),
            Option(
                "night_pain",
                N_("Pain at night or at rest"),
                N_("Changing position does not ease it."),
            ),
            Option(
                "immune",
                N_("A weak immune system"),
                N_("Or you take steroid medicine for a long time, or you inject drugs."),
            ),
            Option("osteoporosis", N_("Thin or weak bones (osteoporosis)")),
            Option(
                "recent_spine_procedure",
                N_("Spine surgery, an injection or an epidural in the past month"),
            ),
            Option("upper_back", N_("The pain is high up, between the shoulder blades")),
            Option(
                "back_lump",
                N_("A lump, swelling or redness on your back, or its shape has changed"),
            ),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "pregnant",
        Kind.RADIO,
        N_("Could you be pregnant?"),
        summary_label=N_("Could be pregnant"),
        error=N_("Select whether you could be pregnant"),
        shown_when=ShownWhen("age", frozenset({"5_to_17", "18_to_50", "over_50"})),
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
        hint=N_("Tick all that apply."),
        summary_label=N_("Pregnancy signs"),
        error=N_("Select the signs you have, or select “None of these”"),
        shown_when=ShownWhen("pregnant", frozenset({"yes", "not_sure"})),
        options=(
            Option(
                "cramping",
                N_("Cramps or tightening"),
                N_("It happens regularly, or the pain comes and goes in waves."),
            ),
            Option("bleeding", N_("Bleeding or fluid leaking from the vagina")),
            _NONE_OF_THESE,
        ),
    ),
    Question(
        "bed_rest",
        Kind.RADIO,
        N_("How long have you stayed in bed because of the pain?"),
        summary_label=N_("Bed rest"),
        error=N_("Select how long you have stayed in bed"),
        options=(
            Option("none", N_("Not at all")),
            Option("1_2_days", N_("1 or 2 days")),
            Option("over_2_days", N_("More than 2 days")),
        ),
    ),
    Question(
        "activities",
        Kind.CHECKBOX,
        N_("Do you do any of these most weeks?"),
        hint=N_("Tick all that apply. We use this to pick helpful reading for you."),
        summary_label=N_("Activities"),
        error=N_("Select what you do most weeks, or select “None of these”"),
        options=(
            Option("desk_work", N_("Sit at a desk or computer for work")),
            Option("manual_work", N_("Lift, carry or do hard physical work")),
            Option("sports", N_("Play sports or exercise")),
            _NONE_OF_THESE,
        ),
    ),
)

QUESTIONS_BY_ID: Mapping[str, Question] = {question.id: question for question in QUESTIONS}


def has_emergency_sign(answers: Answers) -> bool:
    """Any emergency sign stops the questionnaire at once."""
    return bool(answers.get("emergency_signs"))


def is_shown(question: Question, answers: Answers, *, strict: bool = False) -> bool:
    """Whether ``question`` is (or may still be) asked, given the answers so far.

    A question whose condition is not yet answered counts as shown, so that "Question N of M"
    never grows as the person goes on; it can only shrink. With ``strict``, it does not: the
    answers must show that it is asked (the API checks complete answer sets this way).
    """
    condition = question.shown_when
    if condition is None:
        return True
    parent = QUESTIONS_BY_ID[condition.question]
    if not is_shown(parent, answers, strict=strict):
        return False
    answer = answers.get(parent.id)
    return answer in condition.codes or (answer is None and not strict)


def shown_questions(answers: Answers) -> tuple[Question, ...]:
    """The questions this person is asked, in order."""
    if has_emergency_sign(answers):
        return QUESTIONS[:1]
    return tuple(question for question in QUESTIONS if is_shown(question, answers))


def relevant_answers(answers: Answers) -> dict[str, str | tuple[str, ...]]:
    """The answers to questions that are still asked; a stale answer to a skipped one is dropped."""
    return {q.id: answers[q.id] for q in shown_questions(answers) if q.id in answers}


def first_unanswered(answers: Answers) -> Question | None:
    """The first question still to answer, or None when the questionnaire is complete."""
    return next((q for q in shown_questions(answers) if q.id not in answers), None)


def next_after(question: Question, answers: Answers) -> Question | None:
    """The question asked after ``question``, or None when it was the last."""
    shown = shown_questions(answers)
    later = [q for q in shown if QUESTIONS.index(q) > QUESTIONS.index(question)]
    return later[0] if later else None


def previous_before(question: Question, answers: Answers) -> Question | None:
    """The question asked before ``question``, or None for the first."""
    earlier = [
        q for q in shown_questions(answers) if QUESTIONS.index(q) < QUESTIONS.index(question)
    ]
    return earlier[-1] if earlier else None


def progress(question: Question, answers: Answers) -> tuple[int, int]:
    """``(n, m)`` for "Question n of m", counting only the questions this person is asked."""
    shown = [q for q in QUESTIONS if is_shown(q, answers)]
    return shown.index(question) + 1, len(shown)


def without_hidden(answers: Answers) -> dict[str, str | tuple[str, ...]]:
    """Drop answers to questions the branching no longer asks (an emergency sign drops nothing)."""
    return {
        qid: answer for qid, answer in answers.items() if is_shown(QUESTIONS_BY_ID[qid], answers)
    }
