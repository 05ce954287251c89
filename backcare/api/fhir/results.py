"""An assessment as FHIR R4: a ``Bundle`` (``collection``) of the ``QuestionnaireResponse`` and a
``RiskAssessment``, and backcare's own ``CodeSystem`` resources for its codes.

The ``RiskAssessment`` says the level as a coding of ``backcare-level`` (its ``outcome``, with
the action as text), the better place to go, where one applies, as a second prediction coded in
``backcare-care``, and each fired rule as a ``reasonCode`` of ``backcare-rule`` with its reason
as text; ``method`` names the rules version (the ``CodeSystem`` resources' ``version``),
and each rule's sources are notes.
"""

import uuid
from typing import Any

from flask_babel import force_locale, gettext

from backcare.api.fhir import PUBLISHER, base_url, questionnaire_url
from backcare.api.fhir import answer_system as _answer_system
from backcare.triage import RULES_VERSION, Assessment
from backcare.triage.levels import CARE_ACTIONS, LEVEL_TITLES, Care, Level
from backcare.triage.questions import NONE, QUESTIONS, Answers, Kind
from backcare.triage.rules import RULES

LEVEL, CARE, RULE = "backcare-level", "backcare-care", "backcare-rule"
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"


def code_system_url(code_system_id: str) -> str:
    return f"{base_url()}/CodeSystem/{code_system_id}"


def _concepts(code_system_id: str, emergency_number: str) -> list[tuple[str, str]]:
    """(code, display) of each concept, in the current locale."""
    if code_system_id == LEVEL:
        return [(str(level), gettext(LEVEL_TITLES[level].you)) for level in Level]
    if code_system_id == CARE:
        return [
            (str(care), gettext(CARE_ACTIONS[care].you, emergency_number=emergency_number))
            for care in Care
        ]
    return [(rule.id, gettext(rule.summary)) for rule in RULES]


CODE_SYSTEMS = {
    LEVEL: ("BackcareLevel", "What to do now: backcare's levels, the most urgent last."),
    CARE: ("BackcareCare", "A better place to go than the level's default."),
    RULE: ("BackcareRule", "backcare's rules, by their stable ids."),
}


def build_code_system(code_system_id: str, lang: str, emergency_number: str) -> dict[str, Any]:
    """One of ``CODE_SYSTEMS`` as a FHIR R4 ``CodeSystem``, its displays in ``lang``."""
    name, description = CODE_SYSTEMS[code_system_id]
    with force_locale(lang):
        concepts = _concepts(code_system_id, emergency_number)
    return {
        "resourceType": "CodeSystem",
        "id": code_system_id,
        "url": code_system_url(code_system_id),
        "version": RULES_VERSION,
        "name": name,
        "status": "active",
        "publisher": PUBLISHER,
        "description": description,
        "language": lang,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concepts),
        "concept": [{"code": code, "display": display} for code, display in concepts],
    }


def questionnaire_response(answers: Answers, lang: str) -> dict[str, Any]:
    """A ``QuestionnaireResponse`` holding ``answers`` (JSON answers, as FHIR)."""
    items = []
    for question in QUESTIONS:
        if question.id not in answers:
            continue
        given = answers[question.id]
        codes = [given] if isinstance(given, str) else list(given) or [NONE]
        if question.kind is Kind.RADIO:
            codes = codes[:1]
        answer = [
            {"valueCoding": {"system": _answer_system(question.id), "code": code}} for code in codes
        ]
        items.append({"linkId": question.id, "answer": answer})
    return {
        "resourceType": "QuestionnaireResponse",
        "language": lang,
        "questionnaire": f"{questionnaire_url()}|{RULES_VERSION}",
        "status": "completed",
        "item": items,
    }


def _coding(code_system_id: str, code: str, display: str) -> dict[str, str]:
    return {"system": code_system_url(code_system_id), "code": code, "display": display}


def assessment_bundle(
    response: dict[str, Any], assessment: Assessment, lang: str, emergency_number: str
) -> dict[str, Any]:
    """The ``Bundle`` of ``response`` (as sent, or built from JSON answers) and a
    ``RiskAssessment`` of ``assessment`` based on it, in ``lang``."""
    response_url = f"urn:uuid:{uuid.uuid4()}"
    with force_locale(lang):
        level = assessment.level
        action = gettext(assessment.action, emergency_number=emergency_number)
        predictions = [
            {
                "outcome": {
                    "coding": [_coding(LEVEL, str(level), gettext(LEVEL_TITLES[level].you))],
                    "text": action,
                }
            }
        ]
        if assessment.care is not None:
            care = assessment.care
            text = gettext(CARE_ACTIONS[care].you, emergency_number=emergency_number)
            predictions.append({"outcome": {"coding": [_coding(CARE, str(care), text)]}})
        reasons = [
            {
                "coding": [_coding(RULE, f.rule.id, gettext(f.rule.summary))],
                "text": gettext(f.reason, emergency_number=emergency_number),
            }
            for f in assessment.findings
        ]
        notes = [
            {"text": f"{f.rule.id}: {source.title} {source.url}"}
            for f in assessment.findings
            for source in (s.localise(lang) for s in f.rule.sources)
        ]
    risk: dict[str, Any] = {
        "resourceType": "RiskAssessment",
        "status": "final",
        "language": lang,
        "subject": response.get("subject")
        or {"extension": [{"url": DATA_ABSENT, "valueCode": "unknown"}]},
        "method": {"text": f"backcare rules, version {RULES_VERSION}"},
        "basis": [{"reference": response_url}],
        "prediction": predictions,
    }
    if reasons:
        risk["reasonCode"] = reasons
    if notes:
        risk["note"] = notes
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": response_url, "resource": response},
            {"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": risk},
        ],
    }
