"""FHIR R4: the questionnaire as a ``Questionnaire``, and answers read from a
``QuestionnaireResponse``.

The canonical URLs are backcare's own identifiers, not links and not a registered terminology.
They start with the deployment's ``FHIR_BASE_URL``; the default, backcare.example, is a reserved
name (RFC 2606) that stands for whichever host serves the app.
"""

from flask import current_app, has_app_context

from backcare.triage import RULES_VERSION

FHIR_JSON = "application/fhir+json"
BASE = "https://backcare.example/fhir"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/backcare"
#: What a QuestionnaireResponse's ``questionnaire`` may be: the url, or ``url|version``.
QUESTIONNAIRE_CANONICALS = (QUESTIONNAIRE_URL, f"{QUESTIONNAIRE_URL}|{RULES_VERSION}")
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
PUBLISHER = "backcare"
#: When the questions and rules of ``RULES_VERSION`` were last changed (change both together).
QUESTIONNAIRE_DATE = "2026-12-01"


def base_url() -> str:
    """The deployment's ``FHIR_BASE_URL`` (outside an app: the default)."""
    if not has_app_context():
        return BASE
    return current_app.config.get("FHIR_BASE_URL", BASE).rstrip("/")


def questionnaire_url() -> str:
    return f"{base_url()}/Questionnaire/backcare"


def questionnaire_canonicals() -> tuple[str, str]:
    """What a QuestionnaireResponse's ``questionnaire`` may be: the url, or ``url|version``."""
    url = questionnaire_url()
    return (url, f"{url}|{RULES_VERSION}")


def answer_system(question_id: str) -> str:
    """Our own code system of one question's answers.

    One per question, because a code means different things in different questions: the
    ``none`` of ``injury`` (no injury) is not the ``none`` of ``emergency_signs``.
    """
    return f"{base_url()}/CodeSystem/{question_id}"
