"""FHIR R4: the questionnaire as a ``Questionnaire``, and answers read from a
``QuestionnaireResponse``.

The canonical URLs are backcare's own identifiers, not links and not a registered terminology:
backcare.example is a reserved name (RFC 2606) that stands for whichever host serves the app.
"""

from backcare.triage import RULES_VERSION

FHIR_JSON = "application/fhir+json"
BASE = "https://backcare.example/fhir"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/backcare"
#: What a QuestionnaireResponse's ``questionnaire`` may be: the url, or ``url|version``.
QUESTIONNAIRE_CANONICALS = (QUESTIONNAIRE_URL, f"{QUESTIONNAIRE_URL}|{RULES_VERSION}")
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def answer_system(question_id: str) -> str:
    """Our own code system of one question's answers.

    One per question, because a code means different things in different questions: the
    ``none`` of ``injury`` (no injury) is not the ``none`` of ``emergency_signs``.
    """
    return f"{BASE}/CodeSystem/{question_id}"
