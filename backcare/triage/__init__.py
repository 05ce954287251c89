"""The triage domain: questions, rules, resources and the assessment. No Flask here."""

from backcare.triage.assessment import Assessment, Finding, assess
from backcare.triage.levels import Level, PainType
from backcare.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Answers, Question

__all__ = [
    "QUESTIONS",
    "QUESTIONS_BY_ID",
    "Answers",
    "Assessment",
    "Finding",
    "Level",
    "PainType",
    "Question",
    "assess",
]
