"""The API over many answers: the HTML result, the JSON API and the FHIR route agree on the
level, the pain type and the rules that fired; and any JSON at all gets an assessment or a
problem, never a server error."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.triage import QUESTIONS

from .answers import answer_sets
from .api_bodies import URL, as_json, post_fhir, post_json, questionnaire_response
from .pages import result_facts
from .questionnaire import Questionnaire


def from_html(app, answers):
    return result_facts(Questionnaire(app.test_client()).walk(answers))


def from_api(response):
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    rules = [rule["id"] for rule in result["rules"]]
    return result["level"], result["pain_type"], result["care"], result["rules_version"], rules


# The fixtures are only read: each example walks the pages with a fresh client, and the API
# keeps no state between requests.
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=answer_sets())
def test_html_json_and_fhir_give_the_same_result(app, answers):
    client = app.test_client()
    html = from_html(app, answers)
    assert from_api(post_json(client, {"answers": as_json(answers)})) == html
    assert from_api(post_fhir(client, questionnaire_response(answers))) == html


CODES = sorted({code for question in QUESTIONS for code in question.codes})
IDS = [question.id for question in QUESTIONS]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=8,
)
answers_like = st.dictionaries(
    st.sampled_from(IDS) | st.text(max_size=5),
    st.sampled_from(CODES) | st.lists(st.sampled_from(CODES), max_size=3) | json_values,
    max_size=14,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.fixed_dictionaries({"answers": answers_like}, optional={"lang": json_values})
    | json_values,
    fhir=st.booleans(),
)
def test_any_json_gets_an_assessment_or_a_problem(client, body, fhir):
    if fhir and isinstance(body, dict) and isinstance(body.get("answers"), dict):
        body = questionnaire_response_like(body["answers"])
    content_type = "application/fhir+json" if fhir else "application/json"
    response = client.post(URL, data=json.dumps(body), content_type=content_type)
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    if response.status_code == 400:
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["errors"]


def questionnaire_response_like(answers):
    """Answers, well formed or not, as the items of a QuestionnaireResponse."""
    items = []
    for link_id, value in answers.items():
        values = value if isinstance(value, list) else [value]
        codings = [{"valueCoding": {"code": v}} if isinstance(v, str) else v for v in values]
        items.append({"linkId": link_id, "answer": codings})
    return {"resourceType": "QuestionnaireResponse", "item": items}
