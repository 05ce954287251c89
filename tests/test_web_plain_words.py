"""Plain words, measured: every question page, the start page and each kind of result, in both
languages. English at or below Flesch-Kincaid grade 6 on every page and Dale-Chall at most 7
over the site (textstat); Spanish at INFLESZ 65 or more on every page (legibilidad's
Szigriszt-Pazos, the scale INFLESZ grades)."""

import pytest
import textstat
from legibilidad import legibilidad

from backcare.triage import Journey

from .answers import EVERY_QUESTION, with_answers
from .plain_words import prose
from .questionnaire import Questionnaire, form_value

RESULTS = {
    "self care": with_answers(),
    "soon": with_answers(injury="strain"),
    "urgent": with_answers(severity="severe"),
    "urgent in pregnancy": with_answers(pregnant="yes", injury="strain", severity="moderate"),
    "emergency": {"emergency_signs": ("chest_pain",)},
    "maternity": with_answers(pregnant="yes", pregnancy_signs=("contractions",)),
    "cancer team": with_answers(health=("cancer_treatment",), warning_signs=("fever",)),
    "chronic": with_answers(duration="over_3_months", trend="worse"),
}
#: A clinic's visit inside its portal: its name, hours and booking link on the results.
CLINIC = {
    "name": "Riverside Family Clinic",
    "name_es": "Clínica Familiar Riverside",
    "phone": "+1 555 010 0199",
    "hours": "Monday to Friday, 8 am to 6 pm",
    "hours_es": "de lunes a viernes, de 8 a 18 h",
    "portal_url": "https://portal.riverside.example/",
    "booking_url": "https://portal.riverside.example/book",
    "frame_ancestors": ["https://portal.riverside.example"],
}
CLINIC_RESULTS = ("soon", "urgent")


def pages(app, lang: str) -> dict[str, str]:
    """The prose of each page a person reads."""
    found = {"start": prose(app.test_client().get(f"/{lang}/").text)}
    walker = Questionnaire(app.test_client(), lang)
    for question in Journey.of(EVERY_QUESTION).asked:
        found[question.id] = prose(walker.client.get(f"/{lang}/q/{question.id}").text)
        walker.answer(question.id, form_value(question.id, EVERY_QUESTION[question.id]))
    for name, answers in RESULTS.items():
        walker = Questionnaire(app.test_client(), lang)
        walker.walk(answers)
        found[f"result: {name}"] = prose(walker.client.get(f"/{lang}/result").text)
    for name in CLINIC_RESULTS:
        walker = Questionnaire(app.test_client(), lang)
        walker.get(f"/{lang}/?clinic=riverside&embed=1")
        walker.walk(RESULTS[name])
        found[f"result at a clinic: {name}"] = prose(walker.client.get(f"/{lang}/result").text)
    return found


@pytest.fixture(scope="module")
def english():
    from .apps import build_app

    return pages(build_app({"CLINICS": {"riverside": CLINIC}}), "en")


@pytest.fixture(scope="module")
def spanish():
    from .apps import build_app

    return pages(build_app({"CLINICS": {"riverside": CLINIC}}), "es")


def test_every_english_page_reads_at_grade_6_or_below(english):
    grades = {name: textstat.flesch_kincaid_grade(text) for name, text in english.items()}
    print("\n".join(f"{grade:5.1f} {name}" for name, grade in grades.items()))
    assert {name: grade for name, grade in grades.items() if grade > 6} == {}


def test_the_english_words_are_common_ones_over_the_site(english):
    score = textstat.dale_chall_readability_score(" ".join(english.values()))
    assert score <= 7, f"Dale-Chall {score:.2f} over the site"


def test_every_spanish_page_is_easy_to_read(spanish):
    scores = {name: legibilidad.szigriszt_pazos(text) for name, text in spanish.items()}
    print("\n".join(f"{score:5.1f} {name}" for name, score in scores.items()))
    assert {name: score for name, score in scores.items() if score < 65} == {}


def test_the_prose_is_what_the_page_says(english, spanish):
    """The measure reads real pages: a question, the action, the advice, in each language."""
    assert "Do you have any of these along with your back pain?" in english["emergency_signs"]
    assert "Source" not in english["result: soon"] and "MedlinePlus" not in english["result: soon"]
    assert "911" in english["result: emergency"]
    assert "Book a visit with Riverside" in english["result at a clinic: soon"]
    assert "Open: Monday" in english["result at a clinic: urgent"]
    assert "Horario:" in spanish["result at a clinic: urgent"]
    assert "¿" in spanish["age"]
