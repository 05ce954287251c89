"""Request bodies for the API tests, built from answer sets as codes (see tests/answers.py)."""

from backcare.api.fhir import QUESTIONNAIRE_URL, answer_system
from backcare.triage import QUESTIONS

URL = "/api/v1/assessments"


def as_json(answers):
    """Answers as the JSON API takes them: a string per radio, a list per checkbox."""
    return {
        qid: list(answer) if isinstance(answer, tuple) else answer
        for qid, answer in answers.items()
    }


def questionnaire_response(answers, lang="en"):
    """A FHIR QuestionnaireResponse with one item per answer, in questionnaire order."""
    items = []
    for question in QUESTIONS:
        if question.id not in answers:
            continue
        answer = answers[question.id]
        codes = [answer] if isinstance(answer, str) else list(answer) or ["none"]
        items.append(
            {
                "linkId": question.id,
                "answer": [
                    {"valueCoding": {"system": answer_system(question.id), "code": code}}
                    for code in codes
                ],
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": QUESTIONNAIRE_URL,
        "status": "completed",
        "language": lang,
        "item": items,
    }


def post_json(client, body, **kwargs):
    return client.post(URL, json=body, **kwargs)


def post_fhir(client, body, **kwargs):
    return client.post(URL, json=body, content_type="application/fhir+json", **kwargs)
