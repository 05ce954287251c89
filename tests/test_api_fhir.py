"""FHIR R4: the Questionnaire at /api/v1/questionnaire and QuestionnaireResponses to it."""

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from flask_babel import force_locale, gettext

from backcare.api.fhir import (
    ITEM_CONTROL,
    ITEM_CONTROL_SYSTEM,
    OPTION_EXCLUSIVE,
    QUESTIONNAIRE_URL,
    TRANSLATION,
    answer_system,
)
from backcare.api.fhir.questionnaire import (
    CALL_NOW,
    ENABLE_WHEN_EXPRESSION,
    emergency_expression,
    fhirpath,
)
from backcare.triage import QUESTIONS, QUESTIONS_BY_ID, RULES_VERSION
from backcare.triage.questions import NONE, Kind
from backcare.triage.rules import EMERGENCY_RULES

from .answers import BASELINE, with_answers
from .api_bodies import as_json, post_fhir, post_json, questionnaire_response
from .apps import build_app


def fetch(client, lang="en"):
    response = client.get(f"/api/v1/questionnaire?lang={lang}")
    assert response.status_code == 200
    assert response.mimetype == "application/fhir+json"
    return response.get_json()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_questionnaire_is_a_valid_fhir_r4_questionnaire(client, lang):
    resource = Questionnaire.model_validate(fetch(client, lang))
    assert resource.url == QUESTIONNAIRE_URL
    assert resource.version == RULES_VERSION == "2"
    assert resource.language == lang
    assert resource.status == "active"
    assert resource.publisher == "backcare"
    assert resource.date is not None
    assert resource.description


def test_the_canonical_base_is_configurable():
    app = build_app({"FHIR_BASE_URL": "https://fhir.clinic.test/r4/"})
    client = app.test_client()
    resource = client.get("/api/v1/questionnaire").get_json()
    base = "https://fhir.clinic.test/r4"
    assert resource["url"] == f"{base}/Questionnaire/backcare"
    coding = resource["item"][0]["answerOption"][0]["valueCoding"]
    assert coding["system"] == f"{base}/CodeSystem/emergency_signs"
    with app.test_request_context():
        body = {**questionnaire_response(BASELINE), "questionnaire": resource["url"]}
    assert post_fhir(client, body).status_code == 200
    body["questionnaire"] = QUESTIONNAIRE_URL
    assert post_fhir(client, body).status_code == 400


def item_control(item):
    [code] = [
        coding["code"]
        for extension in item.get("extension", ())
        if extension["url"] == ITEM_CONTROL
        for coding in extension["valueCodeableConcept"]["coding"]
        if coding["system"] == ITEM_CONTROL_SYSTEM
    ]
    return code


def test_the_items_and_codes_are_exactly_the_questions(client):
    items = fetch(client)["item"]
    assert [item["linkId"] for item in items] == [q.id for q in QUESTIONS] + [CALL_NOW]
    for item, question in zip(items, QUESTIONS, strict=False):
        assert item["type"] == "choice"
        assert "required" not in item  # a form that stops early can still be sent
        assert item["repeats"] is (question.kind is Kind.CHECKBOX)
        assert item_control(item) == (
            "check-box" if question.kind is Kind.CHECKBOX else "radio-button"
        )
        codings = [option["valueCoding"] for option in item["answerOption"]]
        assert [coding["code"] for coding in codings] == [o.code for o in question.options]
        assert {coding["system"] for coding in codings} == {answer_system(question.id)}
        assert item["text"] == question.title
        assert [coding["display"] for coding in codings] == [
            f"{o.label} — {o.hint}" if o.hint else o.label for o in question.options
        ]


def test_every_hint_is_a_help_item(client):
    items = fetch(client)["item"]
    for item, question in zip(items, QUESTIONS, strict=False):
        if not question.hint:
            assert "item" not in item
            continue
        [help_item] = item["item"]
        assert help_item["linkId"] == f"{question.id}.help"
        assert help_item["type"] == "display"
        assert help_item["text"] == question.hint
        assert item_control(help_item) == "help"
    assert any(question.hint for question in QUESTIONS)


def test_none_of_these_is_exclusive(client):
    items = fetch(client)["item"]
    exclusive = {
        (item["linkId"], option["valueCoding"]["code"])
        for item in items
        for option in item.get("answerOption", ())
        if {"url": OPTION_EXCLUSIVE, "valueBoolean": True} in option.get("extension", ())
    }
    assert exclusive == {
        (q.id, NONE) for q in QUESTIONS if q.kind is Kind.CHECKBOX and NONE in q.codes
    }
    assert exclusive


def enable_when(system, *codes):
    return [
        {
            "question": system,
            "operator": "=",
            "answerCoding": {"system": answer_system(system), "code": code},
        }
        for code in codes
    ]


def expression_of(item):
    [expression] = [
        extension["valueExpression"]
        for extension in item.get("extension", ())
        if extension["url"] == ENABLE_WHEN_EXPRESSION
    ]
    assert expression["language"] == "text/fhirpath"
    return expression["expression"]


def test_branching_is_from_the_question_definitions(client):
    items = {item["linkId"]: item for item in fetch(client)["item"]}
    branching = {q.id for q in QUESTIONS if q.shown_when is not None}
    assert branching == {"leg_sides", "onset", "morning_stiffness", "pregnant", "pregnancy_signs"}
    # The first question comes before any emergency: it is always asked.
    first = items[QUESTIONS[0].id]
    assert "enableWhen" not in first
    assert [e["url"] for e in first["extension"]] == [ITEM_CONTROL]
    # Every later one: not once an emergency fired on the answers before it, and its own
    # condition (SDC says not to mix enableWhen and enableWhenExpression).
    asked = [QUESTIONS[0].id]
    for question in QUESTIONS[1:]:
        item = items[question.id]
        assert "enableWhen" not in item
        own = "true" if question.shown_when is None else fhirpath(question.shown_when)
        assert expression_of(item) == f"({emergency_expression(asked)}).not() and {own}"
        asked.append(question.id)
    onset = fhirpath(QUESTIONS_BY_ID["onset"].shown_when)
    assert onset == (
        "(%resource.repeat(item).where(linkId = 'severity').answer.value.where(code = 'severe')"
        ".exists() and %resource.repeat(item).where(linkId = 'injury').answer.value"
        ".where(code = 'none' or code = 'strain').exists())"
    )


def test_the_emergency_before_a_question_reads_only_earlier_answers():
    order = [q.id for q in QUESTIONS]
    assert emergency_expression([]) is None
    only_signs = emergency_expression(["emergency_signs"])
    assert "'emergency_signs'" in only_signs
    assert "'leg_sides'" not in only_signs
    for index in range(len(order)):
        expression = emergency_expression(order[:index]) or ""
        for later in order[index:]:
            assert f"'{later}'" not in expression
    # With every question: every emergency rule.
    assert emergency_expression(order).count(" or ") >= len(EMERGENCY_RULES) - 1


def test_the_call_now_item_shows_only_on_an_emergency(client):
    resource = fetch(client)
    call = resource["item"][-1]
    assert call["linkId"] == CALL_NOW
    assert call["type"] == "display"
    assert "911" in call["text"]
    assert expression_of(call) == emergency_expression([q.id for q in QUESTIONS])


def test_the_spanish_call_now_item_is_in_spanish(client):
    call = fetch(client, "es")["item"][-1]
    assert "Llame al 911" in call["text"]
    assert "Call 911" in translation(call["_text"])["content"]
    resource = fetch(client, "es")
    assert resource["description"].startswith("Unas preguntas")
    assert translation(resource["_description"])["content"].startswith("A few questions")


def translation(element):
    [extension] = element["extension"]
    assert extension["url"] == TRANSLATION
    return {
        part["url"]: part.get("valueCode") or part.get("valueString")
        for part in extension["extension"]
    }


def test_the_spanish_questionnaire_carries_the_english_text_as_a_translation(app, client):
    resource = fetch(client, "es")
    with app.test_request_context(), force_locale("es"):
        spanish = [gettext(question.title) for question in QUESTIONS]
    assert [item["text"] for item in resource["item"][:-1]] == spanish
    for item, question in zip(resource["item"], QUESTIONS, strict=False):
        assert translation(item["_text"]) == {"lang": "en", "content": question.title}
        first = item["answerOption"][0]["valueCoding"]
        option = question.options[0]
        assert translation(first["_display"]) == {
            "lang": "en",
            "content": f"{option.label} — {option.hint}" if option.hint else option.label,
        }


def test_the_english_questionnaire_carries_the_spanish_text_as_a_translation(app, client):
    resource = fetch(client, "en")
    with app.test_request_context(), force_locale("es"):
        spanish = gettext(QUESTIONS[0].title)
    assert translation(resource["item"][0]["_text"]) == {"lang": "es", "content": spanish}
    assert translation(resource["_title"])["lang"] == "es"


@pytest.mark.parametrize("query", ["lang=fr", "lang=", "lang=en&lang=es"])
def test_an_unknown_questionnaire_language_is_a_problem(client, query):
    response = client.get(f"/api/v1/questionnaire?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"


ANSWER_SETS = [
    BASELINE,
    with_answers(severity="severe", onset="gradual", leg_symptoms=("pain_below_knee", "weakness")),
    with_answers(pregnant="yes", pregnancy_signs=("bleeding",), duration="under_3_days"),
    with_answers(pregnant="yes", pregnancy_signs=("pressure",)),
    with_answers(duration="over_3_months", trend="same", health=("cancer_history",)),
    with_answers(duration="over_3_months", morning_stiffness="yes"),
    with_answers(health=("cancer_treatment",), leg_symptoms=("numb_tingling",)),
    {"emergency_signs": ("saddle_numbness",)},
    {"onset": "sudden", "health": ("blood_thinner",)},
]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("answers", ANSWER_SETS)
@pytest.mark.parametrize("canonical", [QUESTIONNAIRE_URL, f"{QUESTIONNAIRE_URL}|{RULES_VERSION}"])
def test_a_questionnaire_response_gets_the_same_result_as_json(client, answers, lang, canonical):
    body = {**questionnaire_response(answers, lang), "questionnaire": canonical}
    QuestionnaireResponse.model_validate(body)
    from_fhir = post_fhir(client, body)
    assert from_fhir.status_code == 200, from_fhir.get_json()
    from_json = post_json(client, {"answers": as_json(answers), "lang": lang})
    assert from_fhir.get_json() == from_json.get_json()
    assert from_fhir.get_json()["rules_version"] == RULES_VERSION


@pytest.mark.parametrize("canonical", [f"{QUESTIONNAIRE_URL}|1", f"{QUESTIONNAIRE_URL}|", "x|2"])
def test_another_version_of_the_questionnaire_is_refused(client, canonical):
    body = {**questionnaire_response(BASELINE), "questionnaire": canonical}
    assert errors_of(post_fhir(client, body)) == [(None, "/questionnaire", "unknown_code")]


def test_a_regional_language_tag_is_read_as_its_language(client):
    result = post_fhir(client, questionnaire_response(BASELINE, "es-US")).get_json()
    assert result["lang"] == "es"


def test_a_coding_without_a_system_is_read_as_ours(client):
    body = questionnaire_response(BASELINE)
    for item in body["item"]:
        for answer in item["answer"]:
            del answer["valueCoding"]["system"]
    assert post_fhir(client, body).status_code == 200


def errors_of(response):
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    return [(e.get("question"), e.get("pointer"), e["kind"]) for e in response.get_json()["errors"]]


def test_fhir_problems_are_named_by_question_and_pointed_at(client):
    body = questionnaire_response(with_answers())
    items = body["item"]
    age = next(i for i, item in enumerate(items) if item["linkId"] == "age")
    items[age]["answer"][0]["valueCoding"]["system"] = "http://loinc.org"
    severity = next(i for i, item in enumerate(items) if item["linkId"] == "severity")
    items[severity]["answer"] = [{"valueString": "bad"}]
    items.append({"linkId": "activities", "answer": []})
    items.append({"text": "no link"})
    body.update(resourceType="Patient", language="fr", questionnaire="http://other/Q")
    assert errors_of(post_fhir(client, body)) == [
        (None, "/resourceType", "wrong_type"),
        (None, "/language", "unknown_code"),
        (None, "/questionnaire", "unknown_code"),
        (None, f"/item/{len(items) - 1}", "wrong_type"),
        ("age", f"/item/{age}", "unknown_code"),
        ("severity", f"/item/{severity}/answer/0", "wrong_type"),
        ("severity", f"/item/{severity}", "wrong_type"),
        ("activities", f"/item/{len(items) - 2}", "repeated_question"),
    ]


def test_the_answers_of_items_the_branching_hides_are_left_out(client):
    """A renderer keeps the answers of items it hides (LHC-Forms 40.1.3 exports them): a
    leg sign ticked and then taken back leaves its ``leg_sides`` answer, and a changed age its
    pregnancy answers. They are left out, as the page leaves them out, not refused. (Hidden
    answers that fire an emergency rule still count: the API never holds up an emergency.)"""
    answers = with_answers(age="over_70", leg_symptoms=())
    body = questionnaire_response(answers)
    hidden = {"leg_sides": "one", "pregnant": "yes", "pregnancy_signs": ("pressure",)}
    body["item"] += questionnaire_response(hidden)["item"]
    response = post_fhir(client, body)
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == post_json(client, {"answers": as_json(answers)}).get_json()
    assert "leg_sides" not in response.get_json()["answers"]


def test_an_emergency_sign_in_a_questionnaire_response_wins(client):
    body = questionnaire_response({"emergency_signs": ("chest_pain",), "age": "18_to_50"})
    body.update(resourceType="Bundle", language="de")
    body["item"].append({"linkId": "emergency_signs", "answer": [{"valueCoding": {"code": "x"}}]})
    body["item"].append({"linkId": "mood"})
    result = post_fhir(client, body).get_json()
    assert result["level"] == "emergency"
    assert [rule["id"] for rule in result["rules"]] == ["E-chest-pain"]


def test_a_sign_in_a_repeated_emergency_item_still_counts(client):
    body = questionnaire_response({"emergency_signs": ()})
    body["item"].append(
        {"linkId": "emergency_signs", "answer": [{"valueCoding": {"code": "belly_or_faint"}}]}
    )
    assert post_fhir(client, body).get_json()["level"] == "emergency"


def test_an_emergency_at_a_later_item_wins_too(client):
    body = questionnaire_response({"pregnant": "yes", "pregnancy_signs": ("fluid",)})
    body["item"].append({"linkId": "mood"})
    result = post_fhir(client, body).get_json()
    assert (result["level"], result["care"]) == ("emergency", "maternity")
    assert [rule["id"] for rule in result["rules"]] == ["E-pregnancy-signs"]


def test_a_repeated_radio_does_not_count_for_an_emergency(client):
    body = questionnaire_response({"onset": "sudden", "health": ("blood_thinner",)})
    body["item"].append({"linkId": "onset", "answer": [{"valueCoding": {"code": "gradual"}}]})
    errors = errors_of(post_fhir(client, body))
    assert ("onset", "/item/2", "repeated_question") in errors


def test_a_foreign_code_is_not_an_emergency_sign(client):
    body = questionnaire_response({"emergency_signs": ("chest_pain",)})
    body["item"][0]["answer"][0]["valueCoding"]["system"] = "http://snomed.info/sct"
    assert errors_of(post_fhir(client, body))[0] == ("emergency_signs", "/item/0", "unknown_code")


def without_language(answers):
    body = questionnaire_response(answers)
    del body["language"]
    return body


def test_without_a_language_the_query_then_accept_language_pick_it(client):
    body = without_language(BASELINE)
    assert post_fhir(client, body).get_json()["lang"] == "en"
    spanish = {"Accept-Language": "es-MX,es;q=0.9"}
    assert post_fhir(client, body, headers=spanish).get_json()["lang"] == "es"
    url = "/api/v1/assessments?lang=es"
    asked = client.post(url, json=body, content_type="application/fhir+json")
    assert asked.get_json()["lang"] == "es"
    english = client.post(
        "/api/v1/assessments?lang=en",
        json=body,
        content_type="application/fhir+json",
        headers=spanish,
    )
    assert english.get_json()["lang"] == "en"
    # The response's own language wins over both.
    body["language"] = "en"
    assert post_fhir(client, body, headers=spanish).get_json()["lang"] == "en"


def test_items_in_groups_are_read(client):
    flat = questionnaire_response(BASELINE)
    items = flat["item"]
    grouped = {
        **flat,
        "item": [
            items[0],
            {"linkId": "page-2", "item": items[1:4]},
            {"linkId": "page-3", "item": [{"linkId": "inner", "item": items[4:]}]},
        ],
    }
    QuestionnaireResponse.model_validate(grouped)
    assert post_fhir(client, grouped).get_json() == post_fhir(client, flat).get_json()


def test_a_problem_in_a_group_points_into_it(client):
    body = questionnaire_response(BASELINE)
    items = body["item"]
    age = next(i for i, item in enumerate(items) if item["linkId"] == "age")
    items[age]["answer"][0]["valueCoding"]["code"] = "ancient"
    body["item"] = [{"linkId": "group", "item": items}]
    assert errors_of(post_fhir(client, body)) == [("age", f"/item/0/item/{age}", "unknown_code")]
