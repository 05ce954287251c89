"""The triage domain: questions, rules, resources and the assessment. No Flask here."""

from backcare.triage.assessment import (
    Assessment,
    Finding,
    InvalidAnswerError,
    answers_from_json,
    answers_to_json,
    assess,
)
from backcare.triage.catalog import Resources
from backcare.triage.journey import Journey, fires_emergency
from backcare.triage.levels import Care, Level, PainType
from backcare.triage.questions import QUESTIONS, QUESTIONS_BY_ID, Answers, Question, is_shown
from backcare.triage.rules import RULES_VERSION
from backcare.triage.text import AnsweringFor

__all__ = [
    "QUESTIONS",
    "QUESTIONS_BY_ID",
    "RULES_VERSION",
    "AnsweringFor",
    "Answers",
    "Assessment",
    "Care",
    "Finding",
    "InvalidAnswerError",
    "Journey",
    "Level",
    "PainType",
    "Question",
    "Resources",
    "answers_from_json",
    "answers_to_json",
    "assess",
    "fires_emergency",
    "is_shown",
]
