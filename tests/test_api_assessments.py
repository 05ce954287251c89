"""POST /api/v1/assessments with JSON: the result's shape and languages, and the emergency rule."""

import pytest
from flask_babel import force_locale, gettext

from backcare.triage import assess
from backcare.triage.catalog import RESOURCES
from backcare.triage.rules import RULES_BY_ID
from backcare.triage.sources import MEDLINEPLUS, NHS

from .answers import BASELINE, with_answers
from .api_bodies import as_json, post_json
from .apps import build_app

MEMBERS = {"lang", "level", "pain_type", "action", "rules", "advice", "sections", "answers"}


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
    assert result["pain_type"] == "acute"
    assert result["rules"] == []
    assert [advice["id"] for advice in result["advice"]] == [
        "A-bed-rest",
        "A-self-care",
        "A-when-to-call",
        "A-emergency-signs",
    ]
    assert result["sections"] and all(section["resources"] for section in result["sections"])
    assert result["answers"] == as_json(BASELINE)


def test_severe_pain_means_contact_provider_today(client):
    result = assessment(client, with_answers(severity="severe"))
    assert result["level"] == "urgent"
    assert result["action"].startswith("Contact a health care provider today.")
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
    with_answers(severity="severe", injury="fall_or_blow", age="over_50"),
    with_answers(duration="over_3_months", trend="worse", activities=("desk_work", "sports")),
    with_answers(pregnant="not_sure", pregnancy_signs=("cramping",), leg_symptoms=("weakness",)),
    with_answers(warning_signs=("fever", "immune"), bed_rest="over_2_days"),
    with_answers(age="under_5", duration="under_3_days"),
    with_answers(emergency_signs=("bladder_bowel", "both_legs")),
]


@pytest.mark.parametrize("answers", ANSWER_SETS)
def test_the_api_gives_the_domain_assessment(client, answers):
    expected = assess(answers)
    result = assessment(client, answers)
    assert result["level"] == expected.level
    assert result["pain_type"] == expected.pain_type
    assert [rule["id"] for rule in result["rules"]] == list(expected.rule_ids)
    assert [rule["level"] for rule in result["rules"]] == [f.rule.level for f in expected.findings]
    assert [advice["id"] for advice in result["advice"]] == [f.rule.id for f in expected.advice]
    assert [section["id"] for section in result["sections"]] == [s.id for s in expected.sections]
    for section, matched in zip(result["sections"], expected.sections, strict=True):
        assert [r["id"] for r in section["resources"]] == [r.id for r in matched.resources]


def test_long_bed_rest_is_stressed(client):
    result = assessment(client, with_answers(bed_rest="over_2_days"))
    bed_rest = next(advice for advice in result["advice"] if advice["id"] == "A-bed-rest")
    assert bed_rest["stressed"] is True
    assert bed_rest["text"] == RULES_BY_ID["A-bed-rest"].stressed_reason


def test_spanish_result_uses_spanish_words_and_pages(app, client):
    answers = with_answers(severity="severe", injury="strain", activities=("manual_work",))
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
    result = assessment(client, with_answers(warning_signs=("night_pain",)), lang="es")
    night_pain = next(rule for rule in result["rules"] if rule["id"] == "U-night-pain")
    assert {"title": NHS.title_en, "url": NHS.url_en, "language": "en"} in night_pain["source"]


def test_the_emergency_number_comes_from_the_config():
    app = build_app({"SECRET_KEY": "test-secret", "EMERGENCY_NUMBER": "112"})
    client = app.test_client()
    emergency = assessment(client, {"emergency_signs": ("chest_pain",)})
    assert "112" in emergency["action"] and "911" not in emergency["action"]
    calm = assessment(client, BASELINE)
    warning = next(item["text"] for item in calm["advice"] if item["id"] == "A-emergency-signs")
    assert "112" in warning and "%(" not in warning


# Emergencies: never delayed by a validation error (see backcare/api/validation.py).


def test_an_emergency_sign_alone_is_a_complete_request(client):
    result = assessment(client, {"emergency_signs": ("chest_pain",)})
    assert result["level"] == "emergency"
    assert result["pain_type"] is None
    assert [rule["id"] for rule in result["rules"]] == ["E-chest-pain"]
    assert result["advice"] == [] and result["sections"] == []
    assert result["action"].startswith("Call 911")


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
    body = {"answers": {**as_json(BASELINE), "leg_symptoms": ["none", "weakness"]}}
    result = post_json(client, body).get_json()
    assert "U-leg-numb-weak" in [rule["id"] for rule in result["rules"]]
    assert result["answers"]["leg_symptoms"] == ["weakness"]


@pytest.mark.parametrize("none_of_these", [[], ["none"]])
def test_none_of_these_is_an_empty_list_or_none(client, none_of_these):
    body = {"answers": {**as_json(BASELINE), "warning_signs": none_of_these}}
    result = post_json(client, body).get_json()
    assert result["level"] == "self_care"
    assert result["answers"]["warning_signs"] == []
