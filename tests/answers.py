"""Answer sets for the tests, as codes."""

from itertools import product

from hypothesis import strategies as st

from backcare.triage import QUESTIONS, QUESTIONS_BY_ID, Level, assess
from backcare.triage.questions import Kind, is_shown, without_hidden

#: The level a rule id's first letter names.
LEVEL_OF_PREFIX = {"E": Level.EMERGENCY, "U": Level.URGENT, "S": Level.SOON}

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
    "pregnant": "no",
    "bed_rest": "none",
    "activities": (),
}


def with_answers(**changes):
    """BASELINE with some answers changed, dropping answers the branching no longer asks."""
    answers = {**BASELINE, **changes}
    if answers.get("pregnant") in ("yes", "not_sure"):
        answers.setdefault("pregnancy_signs", ())
    return without_hidden(answers)


def radio_combinations():
    """Every combination of the radio answers that the branching allows."""
    radios = [q for q in QUESTIONS if q.kind is Kind.RADIO]
    for codes in product(*(sorted(q.codes) for q in radios)):
        answers = dict(zip((q.id for q in radios), codes, strict=True))
        if all(is_shown(QUESTIONS_BY_ID[qid], answers) for qid in answers):
            yield answers
        # combinations that answer a hidden question are the same as one that does not:
        # they are produced once, by the branch below, with that answer left out
        elif all(
            is_shown(QUESTIONS_BY_ID[qid], answers) or codes[i] == sorted(radios[i].codes)[0]
            for i, qid in enumerate(answers)
        ):
            yield {qid: a for qid, a in answers.items() if is_shown(QUESTIONS_BY_ID[qid], answers)}


def single_signs():
    """Each checkbox sign on its own, and "none of these" everywhere; as checkbox answers."""
    checkboxes = [q for q in QUESTIONS if q.kind is Kind.CHECKBOX]
    yield {q.id: () for q in checkboxes}
    for question in checkboxes:
        for code in question.sign_codes:
            yield {**{q.id: () for q in checkboxes}, question.id: (code,)}


CHECKBOXES = [q for q in QUESTIONS if q.kind is Kind.CHECKBOX]
RADIO_SETS = list(radio_combinations())


def _signs(question, min_size=0):
    return st.sets(st.sampled_from(question.sign_codes), min_size=min_size, max_size=3).map(
        lambda codes: tuple(c for c in question.sign_codes if c in codes)
    )


@st.composite
def answer_sets(draw):
    """A complete set of answers as the questionnaire asks them; one in two an emergency."""
    emergency = QUESTIONS_BY_ID["emergency_signs"]
    signs = draw(st.one_of(st.just(()), _signs(emergency, min_size=1)))
    answers = {**draw(st.sampled_from(RADIO_SETS)), emergency.id: signs}
    for question in CHECKBOXES[1:]:
        answers[question.id] = draw(_signs(question))
    return {qid: a for qid, a in answers.items() if is_shown(QUESTIONS_BY_ID[qid], answers)}


def expected_facts(answers):
    """What the result page must carry for these answers, from ``assess()`` itself."""
    assessment = assess(answers)
    return (
        str(assessment.level),
        str(assessment.pain_type) if assessment.pain_type else None,
        list(assessment.rule_ids),
    )
