"""Answer sets for the tests, as codes (QUESTIONNAIRE.md version 2)."""

from hypothesis import strategies as st

from backcare.triage import QUESTIONS, RULES_VERSION, Journey, assess
from backcare.triage.questions import Kind, without_hidden

#: A calm, complete set of answers: self-care, acute, nothing fired.
BASELINE = {
    "emergency_signs": (),
    "age": "18_to_50",
    "first_episode": "no",
    "injury": "none",
    "duration": "3_days_to_4_weeks",
    "trend": "improving",
    "severity": "mild",
    "leg_symptoms": (),
    "warning_signs": (),
    "health": (),
    "pregnant": "no",
    "bed_rest": "none",
    "activities": (),
}

#: The answer a test gets for a question it does not name, when the branching asks it.
DEFAULTS = {
    "leg_sides": "one",
    "onset": "gradual",
    "morning_stiffness": "no",
    "pregnant": "no",
    "pregnancy_signs": (),
}


def complete(answers):
    """``answers`` with every question the branching asks answered (from ``DEFAULTS``), and
    answers the branching no longer asks dropped."""
    answers = dict(answers)
    kept = {}
    for question in QUESTIONS:
        if question.id not in answers and question.id in DEFAULTS:
            answers[question.id] = DEFAULTS[question.id]
        if question.id in answers and question.is_shown(kept):
            kept[question.id] = answers[question.id]
    return kept


def with_answers(**changes):
    """BASELINE with some answers changed, completed and without hidden answers."""
    return complete({**BASELINE, **changes})


#: Answers whose codes are long and rare enough to look for anywhere they might leak (a cookie,
#: a log), and those codes.
DISTINCTIVE = with_answers(
    age="51_to_70",
    injury="strain",
    duration="4_weeks_to_3_months",
    trend="worse",
    severity="moderate",
    leg_symptoms=("numb_tingling",),
    activities=("manual_work",),
)
DISTINCTIVE_CODES = ("51_to_70", "strain", "4_weeks_to_3_months", "moderate", "numb_tingling")

CHECKBOXES = [q for q in QUESTIONS if q.kind is Kind.CHECKBOX]
RADIOS = [q for q in QUESTIONS if q.kind is Kind.RADIO]


def walk(choices, fixed=None):
    """Every complete answer set the branching allows, where question ``q`` takes each value in
    ``choices[q.id]`` (default: every code of a radio, "None of these" for a checkbox) unless
    ``fixed`` gives it one."""
    fixed = fixed or {}

    def options(question):
        if question.id in fixed:
            return [fixed[question.id]]
        if question.id in choices:
            return choices[question.id]
        return sorted(question.codes) if question.kind is Kind.RADIO else [()]

    def go(index, answers):
        if index == len(QUESTIONS):
            yield dict(answers)
            return
        question = QUESTIONS[index]
        if not question.is_shown(answers):
            yield from go(index + 1, answers)
            return
        for value in options(question):
            answers[question.id] = value
            yield from go(index + 1, answers)
            del answers[question.id]

    yield from go(0, {})


def single_signs():
    """Each checkbox sign on its own, and "none of these" everywhere; as checkbox answers."""
    yield {q.id: () for q in CHECKBOXES}
    for question in CHECKBOXES:
        for code in question.sign_codes:
            yield {**{q.id: () for q in CHECKBOXES}, question.id: (code,)}


def _signs(question, min_size=0):
    return st.sets(st.sampled_from(question.sign_codes), min_size=min_size).map(
        lambda codes: tuple(c for c in question.sign_codes if c in codes)
    )


@st.composite
def answer_sets(draw, emergency=None):
    """A complete set of answers as the questionnaire asks them (every later answer given even
    when an emergency rule fired); ``emergency_signs`` one in two times a sign."""
    answers = {}
    for question in QUESTIONS:
        if not question.is_shown(answers):
            continue
        if question.id == "emergency_signs":
            answers[question.id] = draw(st.one_of(st.just(()), _signs(question, min_size=1)))
        elif question.kind is Kind.RADIO:
            answers[question.id] = draw(st.sampled_from(sorted(question.codes)))
        else:
            answers[question.id] = draw(_signs(question))
    return without_hidden(answers)


def as_answered(answers):
    """The answers a person gives on the pages: all of them, or those up to the question where
    an emergency rule fires and the questionnaire stops."""
    journey = Journey.of(answers)
    return {q.id: journey.answers[q.id] for q in journey.asked if q.id in journey.answers}


def expected_facts(answers):
    """What the result page must carry for these answers, from ``assess()`` itself."""
    assessment = assess(as_answered(answers))
    return (
        str(assessment.level),
        str(assessment.pain_type) if assessment.pain_type else None,
        str(assessment.care) if assessment.care else None,
        RULES_VERSION,
        list(assessment.rule_ids),
    )


#: Answers that ask every question there is, without firing an emergency rule.
EVERY_QUESTION = with_answers(
    severity="severe",
    onset="gradual",
    duration="over_3_months",
    morning_stiffness="no",
    leg_symptoms=("pain_below_knee",),
    leg_sides="one",
    pregnant="not_sure",
    pregnancy_signs=("pressure",),
    activities=("sports",),
)
