"""POST /api/v1/assessments with JSON: the result's shape and languages, and the emergency rule."""

import pytest
from flask_babel import force_locale, gettext

from backcare.triage import RULES_VERSION, Journey, assess
from backcare.triage.catalog import RESOURCES
from backcare.triage.rules import RULES_BY_ID
from backcare.triage.sources import MEDLINEPLUS, NHS

from .answers import BASELINE, with_answers
from .api_bodies import as_json, post_json
from .apps import build_app

MEMBERS = {
    "lang",
    "level",
    "care",
    "pain_type",
    "rules_version",
    "action",
    "rules",
    "advice",
    "sections",
    "answers",
}


def assessment(client, answers, **body):
    response = post_json(client, {"answers": as_json(answers), **body})
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/json"
    return response.get_json()


def test_calm_answers_get_self_care_with_every_member(client):
    response = post_json(client, {"answers": as_json(BASELINE)})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    result = response.get_json()
    assert set(result) == MEMBERS
    assert result["lang"] == "en"
    assert result["level"] == "self_care"
    assert result["care"] is None
    assert result["pain_type"] == "acute"
    assert result["rules_version"] == RULES_VERSION == "2"
    assert result["rules"] == []
    assert [advice["id"] for advice in result["advice"]] == [
        f.rule.id for f in assess(BASELINE).advice
    ]
    assert {"A-self-care", "A-emergency-signs"} <= {advice["id"] for advice in result["advice"]}
    assert result["sections"] and all(section["resources"] for section in result["sections"])
    assert result["answers"] == as_json(BASELINE)


def test_severe_pain_means_contact_provider_today(client):
    result = assessment(client, with_answers(severity="severe"))
    assert result["level"] == "urgent"
    assert result["care"] is None
    assert result["action"].startswith("Contact a doctor or nurse today.")
    assert result["rules"] == [
        {
            "id": "U-severe",
            "level": "urgent",
            "reason": RULES_BY_ID["U-severe"].reason,
            "source": [
                {"title": MEDLINEPLUS.title_en, "url": MEDLINEPLUS.url_en, "language": "en"}
            ],
        }
    ]


ANSWER_SETS = [
    BASELINE,
    with_answers(severity="severe", injury="fall_or_blow", age="51_to_70"),
    with_answers(duration="over_3_months", trend="worse", activities=("desk_work", "sports")),
    with_answers(duration="over_3_months", morning_stiffness="yes", age="5_to_17"),
    with_answers(pregnant="not_sure", pregnancy_signs=("pressure",), leg_symptoms=("weakness",)),
    with_answers(warning_signs=("fever",), health=("osteoporosis",), bed_rest="over_2_days"),
    with_answers(age="under_5", duration="under_3_days"),
    with_answers(severity="severe", onset="gradual", age="over_70"),
    with_answers(leg_symptoms=("pain_below_knee",), leg_sides="one"),
    with_answers(emergency_signs=("bladder_bowel", "both_legs")),
    with_answers(health=("cancer_history",), leg_symptoms=("numb_tingling",)),
]


def as_walked(answers):
    """The answers the questionnaire takes: up to the question where it stops early, if it does."""
    journey = Journey.of(answers)
    if not journey.stopped_early:
        return answers
    return {q.id: answers[q.id] for q in journey.asked if q.id in answers}


@pytest.mark.parametrize("answers", ANSWER_SETS)
def test_the_api_gives_the_domain_assessment(client, answers):
    expected = assess(as_walked(answers))
    result = assessment(client, answers)
    assert result["level"] == expected.level
    assert result["care"] == expected.care
    assert result["pain_type"] == expected.pain_type
    assert result["rules_version"] == expected.rules_version
    assert [rule["id"] for rule in result["rules"]] == list(expected.rule_ids)
    assert [rule["level"] for rule in result["rules"]] == [f.rule.level for f in expected.findings]
    assert [advice["id"] for advice in result["advice"]] == [f.rule.id for f in expected.advice]
    assert [section["id"] for section in result["sections"]] == [s.id for s in expected.sections]
    for section, matched in zip(result["sections"], expected.sections, strict=True):
        assert [r["id"] for r in section["resources"]] == [r.id for r in matched.resources]
    assert result["answers"] == as_json(as_walked(answers))


def test_long_bed_rest_is_stressed(client):
    result = assessment(client, with_answers(bed_rest="over_2_days"))
    bed_rest = next(advice for advice in result["advice"] if advice["id"] == "A-bed-rest")
    assert bed_rest["stressed"] is True
    [stressed] = [v for v in RULES_BY_ID["A-bed-rest"].variants if v.stressed]
    assert bed_rest["text"] == stressed.reason


def test_spanish_result_uses_spanish_words_and_pages(app, client):
    answers = with_answers(
        severity="severe", injury="strain", onset="gradual", activities=("manual_work",)
    )
    result = assessment(client, answers, lang="es")
    expected = assess(answers)
    assert result["lang"] == "es"
    with app.test_request_context(), force_locale("es"):
        reasons = [gettext(f.reason, emergency_number="911") for f in expected.findings]
        advice = [gettext(f.reason, emergency_number="911") for f in expected.advice]
        action = gettext(expected.action, emergency_number="911")
    assert [rule["reason"] for rule in result["rules"]] == reasons
    assert [item["text"] for item in result["advice"]] == advice
    assert result["action"] == action
    sources = {s["url"]: s for rule in result["rules"] for s in rule["source"]}
    assert sources[MEDLINEPLUS.url_es] == {
        "title": MEDLINEPLUS.title_es,
        "url": MEDLINEPLUS.url_es,
        "language": "es",
    }
    assert MEDLINEPLUS.url_en not in sources
    for section, matched in zip(result["sections"], expected.sections, strict=True):
        assert section["title"] == matched.title_es
        for resource in section["resources"]:
            shown = RESOURCES[resource["id"]].localise("es")
            assert (resource["title"], resource["url"], resource["language"]) == (
                shown.title,
                shown.url,
                shown.language,
            )
            assert resource["organization"] == shown.organization


def test_a_source_without_a_spanish_page_stays_in_english(client):
    result = assessment(client, {"emergency_signs": ("chest_pain",)}, lang="es")
    [chest_pain] = result["rules"]
    assert NHS.url_es is None
    assert {"title": NHS.title_en, "url": NHS.url_en, "language": "en"} in chest_pain["source"]


def test_the_emergency_number_comes_from_the_config():
    app = build_app({"SECRET_KEY": "test-secret", "EMERGENCY_NUMBER": "112"})
    client = app.test_client()
    emergency = assessment(client, {"emergency_signs": ("chest_pain",)})
    assert "112" in emergency["action"] and "911" not in emergency["action"]
    calm = assessment(client, BASELINE)
    warning = next(item["text"] for item in calm["advice"] if item["id"] == "A-emergency-signs")
    assert "112" in warning and "%(" not in warning


# Where to go: ``care`` (QUESTIONNAIRE.md, "Where to go").

PREGNANT = {"age": "18_to_50", "pregnant": "yes"}


@pytest.mark.parametrize(
    ("answers", "level", "care", "action"),
    [
        (
            with_answers(**PREGNANT, pregnancy_signs=("contractions",)),
            "emergency",
            "maternity",
            "Call your labor and delivery unit",
        ),
        (
            with_answers(health=("cancer_treatment",), leg_symptoms=("pain_below_knee",)),
            "emergency",
            "cancer_team",
            "Call your cancer care team",
        ),
        (
            with_answers(**PREGNANT, pregnancy_signs=(), severity="severe", onset="gradual"),
            "urgent",
            "maternity_now",
            "Call your labor and delivery unit, midwife or ob-gyn now. They will tell you",
        ),
        (with_answers(severity="severe", onset="gradual"), "urgent", None, "Contact a doctor"),
        (with_answers(emergency_signs=("chest_pain",)), "emergency", None, "Call 911"),
    ],
    ids=["pregnancy-signs", "cord-compression", "urgent-in-pregnancy", "urgent", "emergency"],
)
def test_care_names_a_better_place_and_its_action(client, answers, level, care, action):
    result = assessment(client, answers)
    assert (result["level"], result["care"]) == (level, care)
    assert result["care"] == assess(answers).care
    assert result["action"].startswith(action)
    assert "%(" not in result["action"]
    if care is not None or level == "emergency":  # the emergency number is always in it
        assert "911" in result["action"]


def test_cancer_and_a_leg_sign_is_e_cord_compression(client):
    answers = with_answers(health=("cancer_history",), leg_symptoms=("weakness",))
    result = assessment(client, answers)
    assert [rule["id"] for rule in result["rules"]] == ["E-cord-compression"]
    assert result["care"] == "cancer_team"


# Emergencies: never delayed by a validation error (see backcare/api/validation.py).


def test_an_emergency_sign_alone_is_a_complete_request(client):
    result = assessment(client, {"emergency_signs": ("chest_pain",)})
    assert result["level"] == "emergency"
    assert result["care"] is None
    assert result["rules_version"] == "2"
    assert result["pain_type"] is None
    assert [rule["id"] for rule in result["rules"]] == ["E-chest-pain"]
    assert result["advice"] == [] and result["sections"] == []
    assert result["action"].startswith("Call 911")


@pytest.mark.parametrize(
    ("answers", "rules", "care"),
    [
        # Stop early at a later question: each body holds only what fires the rule.
        ({"onset": "sudden", "health": ["blood_thinner"]}, ["E-sudden-severe"], None),
        (
            {"pregnant": "yes", "pregnancy_signs": ["contractions"]},
            ["E-pregnancy-signs"],
            "maternity",
        ),
        ({"pregnant": "not_sure", "pregnancy_signs": ["one_sided_pain"]}, ["E-ectopic"], None),
        ({"leg_sides": "both", "duration": "under_3_days"}, ["E-both-legs-late"], None),
        (
            {"warning_signs": ["fever"], "health": ["cancer_treatment"]},
            ["E-cancer-fever"],
            "cancer_team",
        ),
        (
            {"injury": "accident", "age": "over_70", "severity": "severe"},
            ["E-fragility-fracture"],
            None,
        ),
        # Invalid, missing and extra answers beside them change nothing.
        (
            {"onset": "sudden", "health": "blood_thinner", "age": 7, "mood": "low"},
            ["E-sudden-severe"],
            None,
        ),
        (
            {"age": "over_70", "pregnant": "yes", "pregnancy_signs": ["bleeding", "x"]},
            ["E-pregnancy-signs"],
            "maternity",
        ),
    ],
    ids=[
        "sudden-on-blood-thinner",
        "pregnancy-signs",
        "ectopic",
        "both-legs-late",
        "cancer-fever",
        "fragility-fracture",
        "beside-invalid",
        "not-asked-still-counts",
    ],
)
def test_an_emergency_at_any_question_gets_the_emergency_result(client, answers, rules, care):
    response = post_json(client, {"answers": answers})
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert result["level"] == "emergency"
    assert [rule["id"] for rule in result["rules"]] == rules
    assert result["care"] == care
    assert result["advice"] == [] and result["sections"] == []


def test_a_complete_body_stops_at_the_first_emergency_question(client):
    answers = with_answers(
        severity="severe",
        onset="sudden",
        health=("blood_thinner",),
        pregnant="yes",
        pregnancy_signs=("bleeding",),
    )
    result = assessment(client, answers)
    assert [rule["id"] for rule in result["rules"]] == ["E-sudden-severe"]
    assert "pregnancy_signs" not in result["answers"]
    assert result["answers"]["onset"] == "sudden"
    assert result["pain_type"] == "acute"


def test_only_emergency_reasons_are_listed(client):
    answers = with_answers(
        severity="severe", injury="fall_or_blow", age="51_to_70", warning_signs=("fever",)
    )
    result = assessment(client, answers)
    assert result["level"] == "emergency"
    assert {rule["level"] for rule in result["rules"]} == {"emergency"}
    assert [rule["id"] for rule in result["rules"]] == list(assess(answers).rule_ids)


@pytest.mark.parametrize(
    "body",
    [
        {"answers": {**as_json(BASELINE), "emergency_signs": ["both_legs"], "trend": 5}},
        {"answers": {"emergency_signs": ["both_legs"], "mood": "low", "age": "ancient"}},
        {"answers": {"emergency_signs": ["none", "both_legs"]}},
        {"answers": {"emergency_signs": ["both_legs", "heart_attack", 7]}},
        {"answers": {"emergency_signs": "both_legs"}},
        {"answers": {"emergency_signs": ["both_legs"]}, "lang": "fr", "clinic": 3},
    ],
    ids=["invalid-other", "unknown-others", "none-and-sign", "unknown-beside", "string", "top"],
)
def test_an_emergency_sign_wins_over_any_validation_error(client, body):
    response = post_json(client, body)
    assert response.status_code == 200
    result = response.get_json()
    assert result["level"] == "emergency"
    assert [rule["id"] for rule in result["rules"]] == ["E-both-legs"]
    assert result["answers"] == {"emergency_signs": ["both_legs"]}
    assert result["lang"] == "en"


def test_an_emergency_result_keeps_a_valid_language(client):
    result = assessment(client, {"emergency_signs": ("major_trauma",), "age": 3}, lang="es")
    assert result["lang"] == "es"


@pytest.mark.parametrize("signs", [["heart_attack"], ["none", "heart_attack"], "heart_attack"])
def test_an_unknown_emergency_code_without_a_sign_is_refused(client, signs):
    response = post_json(client, {"answers": {**as_json(BASELINE), "emergency_signs": signs}})
    assert response.status_code == 400
    errors = response.get_json()["errors"]
    assert [(e["question"], e["kind"]) for e in errors] == [
        ("emergency_signs", "wrong_type" if isinstance(signs, str) else "unknown_code")
    ]


def test_none_of_these_beside_a_sign_counts_the_sign(client):
    body = {
        "answers": {**as_json(BASELINE), "leg_symptoms": ["none", "weakness"], "leg_sides": "one"}
    }
    result = post_json(client, body).get_json()
    assert "U-leg-numb-weak" in [rule["id"] for rule in result["rules"]]
    assert result["answers"]["leg_symptoms"] == ["weakness"]


@pytest.mark.parametrize("none_of_these", [[], ["none"]])
def test_none_of_these_is_an_empty_list_or_none(client, none_of_these):
    body = {"answers": {**as_json(BASELINE), "warning_signs": none_of_these}}
    result = post_json(client, body).get_json()
    assert result["level"] == "self_care"
    assert result["answers"]["warning_signs"] == []
