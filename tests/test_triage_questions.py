"""The questions and codes of QUESTIONNAIRE.md v2, the branching, the journey and stop early."""

import pytest

from backcare.triage import (
    QUESTIONS,
    QUESTIONS_BY_ID,
    InvalidAnswerError,
    Journey,
    answers_from_json,
    answers_to_json,
    fires_emergency,
    is_shown,
)
from backcare.triage.questions import Kind, without_hidden
from backcare.triage.rules import EMERGENCY_RULES

from .answers import BASELINE, with_answers
from .rule_cases import FIRES

#: The contract's table: id, kind, codes, in order.
CONTRACT = [
    (
        "emergency_signs",
        "checkbox",
        "bladder_bowel saddle_numbness both_legs major_trauma "
        "chest_pain belly_or_faint very_unwell none",
    ),
    ("age", "radio", "under_5 5_to_17 18_to_50 51_to_70 over_70"),
    ("first_episode", "radio", "yes no"),
    ("injury", "radio", "none strain fall_or_blow accident"),
    ("duration", "radio", "under_3_days 3_days_to_4_weeks 4_weeks_to_3_months over_3_months"),
    ("trend", "radio", "improving same worse suddenly_much_worse"),
    ("severity", "radio", "mild moderate severe"),
    ("leg_symptoms", "checkbox", "pain_below_knee numb_tingling weakness none"),
    ("leg_sides", "radio", "one both"),
    ("warning_signs", "checkbox", "fever urinary weight_loss night_pain upper_back back_lump none"),
    (
        "health",
        "checkbox",
        "cancer_treatment cancer_history immune steroids injects_drugs "
        "infection_risk osteoporosis blood_thinner recent_spine_procedure none",
    ),
    ("onset", "radio", "sudden gradual"),
    ("morning_stiffness", "radio", "yes no"),
    ("pregnant", "radio", "yes no not_sure"),
    ("pregnancy_signs", "checkbox", "contractions fluid bleeding one_sided_pain pressure none"),
    ("bed_rest", "radio", "none 1_2_days over_2_days"),
    ("activities", "checkbox", "desk_work manual_work sports none"),
]


def test_the_questions_and_codes_are_the_contracts_in_order():
    assert [(q.id, str(q.kind), " ".join(o.code for o in q.options)) for q in QUESTIONS] == [
        (qid, kind, codes) for qid, kind, codes in CONTRACT
    ]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_has_its_words(question):
    assert question.title and question.summary_label and question.error
    assert all(option.label for option in question.options)
    if question.kind is Kind.CHECKBOX:
        assert question.options[-1].code == "none"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_a_condition_reads_only_earlier_questions(question):
    if question.shown_when is not None:
        earlier = {q.id for q in QUESTIONS[: QUESTIONS.index(question)]}
        assert question.shown_when.questions <= earlier


# "Shown when", question by question: (question, answers, shown)
SHOWN = [
    *[
        (q, {}, True)
        for q in (
            "emergency_signs",
            "age",
            "first_episode",
            "injury",
            "duration",
            "trend",
            "severity",
            "leg_symptoms",
            "warning_signs",
            "health",
            "bed_rest",
            "activities",
        )
    ],
    ("leg_sides", {"leg_symptoms": ("weakness",)}, True),
    ("leg_sides", {"leg_symptoms": ()}, False),
    ("leg_sides", {}, False),
    ("onset", {"severity": "severe", "injury": "none"}, True),
    ("onset", {"severity": "severe", "injury": "strain"}, True),
    ("onset", {"severity": "severe", "injury": "fall_or_blow"}, False),
    ("onset", {"severity": "severe", "injury": "accident"}, False),
    ("onset", {"severity": "moderate", "injury": "none"}, False),
    ("onset", {"severity": "severe"}, False),
    ("morning_stiffness", {"duration": "over_3_months", "age": "5_to_17"}, True),
    ("morning_stiffness", {"duration": "over_3_months", "age": "18_to_50"}, True),
    ("morning_stiffness", {"duration": "over_3_months", "age": "51_to_70"}, False),
    ("morning_stiffness", {"duration": "over_3_months", "age": "under_5"}, False),
    ("morning_stiffness", {"duration": "4_weeks_to_3_months", "age": "18_to_50"}, False),
    ("pregnant", {"age": "5_to_17"}, True),
    ("pregnant", {"age": "18_to_50"}, True),
    *[("pregnant", {"age": age}, False) for age in ("under_5", "51_to_70", "over_70")],
    ("pregnant", {}, False),
    ("pregnancy_signs", {"age": "18_to_50", "pregnant": "yes"}, True),
    ("pregnancy_signs", {"age": "18_to_50", "pregnant": "not_sure"}, True),
    ("pregnancy_signs", {"age": "18_to_50", "pregnant": "no"}, False),
    # a stale answer to a question no longer asked does not count
    ("pregnancy_signs", {"age": "51_to_70", "pregnant": "yes"}, False),
]


@pytest.mark.parametrize(("question", "answers", "shown"), SHOWN)
def test_shown_when(question, answers, shown):
    assert is_shown(QUESTIONS_BY_ID[question], answers) is shown


def test_every_conditional_question_has_a_branching_row():
    conditional = {q.id for q in QUESTIONS if q.shown_when is not None}
    assert conditional == {row[0] for row in SHOWN if not row[2]} - {
        q.id for q in QUESTIONS if q.shown_when is None
    }


def test_without_hidden_drops_answers_that_hang_on_a_changed_one():
    given = {**BASELINE, "age": "51_to_70", "pregnant": "yes", "pregnancy_signs": ("bleeding",)}
    kept = without_hidden(given)
    assert "pregnant" not in kept and "pregnancy_signs" not in kept
    assert without_hidden({"nonsense": "x"}) == {}


# The journey


def test_a_calm_journey_asks_the_always_questions_and_counts_down():
    journey = Journey.of({})
    assert journey.first_unanswered is QUESTIONS_BY_ID["emergency_signs"]
    assert journey.position(QUESTIONS_BY_ID["emergency_signs"]) == (1, 17)
    journey = Journey.of(BASELINE)
    assert journey.complete and not journey.stopped_early
    assert [q.id for q in journey.asked] == [q.id for q in QUESTIONS if q.id in BASELINE]
    assert journey.position(QUESTIONS_BY_ID["activities"]) == (13, 13)


def test_question_count_only_shrinks_as_answers_come_in():
    answers = {}
    total = Journey.of(answers).position(QUESTIONS[0])[1]
    for question in QUESTIONS:
        if question.id in BASELINE:
            answers[question.id] = BASELINE[question.id]
            journey = Journey.of(answers)
            now = len(journey.possible)
            assert now <= total
            total = now


def test_next_and_previous_follow_the_branching():
    journey = Journey.of(with_answers(leg_symptoms=("weakness",), severity="severe"))
    q = QUESTIONS_BY_ID
    assert journey.next_after(q["leg_symptoms"]) is q["leg_sides"]
    assert journey.previous_before(q["warning_signs"]) is q["leg_sides"]
    assert journey.next_after(q["health"]) is q["onset"]
    assert journey.next_after(q["activities"]) is None
    assert journey.previous_before(q["emergency_signs"]) is None
    calm = Journey.of(BASELINE)
    assert calm.next_after(q["leg_symptoms"]) is q["warning_signs"]
    assert calm.next_after(q["health"]) is q["pregnant"]


def partial(changes):
    """The answers up to and including the last question ``changes`` names, none after."""
    full = with_answers(**changes)
    last = max(QUESTIONS.index(QUESTIONS_BY_ID[qid]) for qid in changes)
    return {q.id: full[q.id] for q in QUESTIONS[: last + 1] if q.id in full}


EMERGENCY_FIRES = [P for P in FIRES if P[0].startswith("E-")]


@pytest.mark.parametrize(("rule_id", "changes"), EMERGENCY_FIRES)
def test_the_questionnaire_stops_at_the_question_that_fires_an_emergency(rule_id, changes):
    answers = partial(changes)
    assert fires_emergency(answers)
    journey = Journey.of(answers)
    assert journey.stopped_early and journey.complete
    assert journey.first_unanswered is None
    assert journey.next_after(journey.stopped_at) is None
    assert journey.asked[-1] is journey.stopped_at
    # one answer fewer (the last one) and it has not stopped yet
    before = dict(answers)
    del before[journey.stopped_at.id]
    assert not Journey.of(before).stopped_early


def test_every_emergency_rule_has_a_stop_early_case():
    assert {rule_id for rule_id, _ in EMERGENCY_FIRES} == {r.id for r in EMERGENCY_RULES}


def test_page_one_stops_at_once():
    journey = Journey.of({"emergency_signs": ("chest_pain",)})
    assert journey.stopped_at is QUESTIONS_BY_ID["emergency_signs"]
    assert journey.asked == (QUESTIONS_BY_ID["emergency_signs"],)


def test_fires_emergency_is_false_on_calm_and_partial_answers():
    assert not fires_emergency({})
    assert not fires_emergency(BASELINE)
    assert not fires_emergency({"severity": "severe", "onset": "sudden"})  # needs more


# Answers to and from JSON


def test_none_beside_a_sign_keeps_the_sign():
    answers = answers_from_json({"warning_signs": ["none", "fever"], "emergency_signs": ["none"]})
    assert answers == {"warning_signs": ("fever",), "emergency_signs": ()}


def test_json_round_trip():
    answers = with_answers(leg_symptoms=("pain_below_knee", "weakness"))
    assert answers_from_json(answers_to_json(answers)) == answers
    assert answers_to_json({"health": ()}) == {"health": []}


@pytest.mark.parametrize(
    ("data", "question"),
    [
        ({"age": "over_50"}, "age"),
        ({"age": ["18_to_50"]}, "age"),
        ({"health": "fever"}, "health"),
        ({"health": ["fever"]}, "health"),
        ({"health": ["immune", "immune"]}, "health"),
        ({"shoe_size": "9"}, "shoe_size"),
    ],
)
def test_a_bad_answer_is_refused_naming_its_question(data, question):
    with pytest.raises(InvalidAnswerError) as error:
        answers_from_json(data)
    assert error.value.question == question
    assert question in str(error.value)


# Who is answering


def test_someone_else_wording_speaks_about_the_person():
    age = QUESTIONS_BY_ID["age"]
    assert age.wording("someone_else").title == "How old is the person with back pain?"
    assert age.wording("myself").title == "How old are you?"
    injury = QUESTIONS_BY_ID["injury"]  # says no "you": one wording
    assert injury.wording("someone_else") == injury.wording("myself")


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_an_other_wording_is_filled_only_where_it_differs(question):
    for you, other in [
        (question.title, question.title_other),
        (question.hint, question.hint_other),
        (question.error, question.error_other),
        *[(o.label, o.label_other) for o in question.options],
        *[(o.hint, o.hint_other) for o in question.options],
    ]:
        if other:
            assert you and you != other
