"""Clinic profiles: a clinic's name, phone and emergency number on the result, for one visit."""

import pytest

from backcare import create_app

from .answers import with_answers
from .conftest import Questionnaire

RIVERSIDE = {
    "name": "Riverside Family Clinic",
    "phone": "+1 555 010 0199",
    "emergency_number": "112",
    "portal_url": "https://portal.riverside.example/",
    "frame_ancestors": ["https://portal.riverside.example"],
}


@pytest.fixture
def app():
    return create_app(
        {"TESTING": True, "SECRET_KEY": "test-secret", "CLINICS": {"riverside": RIVERSIDE}}
    )


def visit(client, clinic="riverside"):
    questionnaire = Questionnaire(client)
    questionnaire.get(f"/en/?clinic={clinic}")
    return questionnaire


def test_contact_a_provider_card_shows_the_clinic_and_its_phone(client):
    soup = visit(client).walk(with_answers(severity="severe"))
    card = soup.find(class_="care-card")
    assert "Riverside Family Clinic" in card.get_text()
    assert card.find("a", href="tel:+15550100199").get_text() == "+1 555 010 0199"


def test_appointment_card_shows_the_clinic_too(client):
    soup = visit(client).walk(with_answers(injury="strain"))
    assert soup.find(class_="care-card").find("a", href="tel:+15550100199")


def test_emergency_card_uses_the_clinics_emergency_number(client):
    soup = visit(client).walk({"emergency_signs": ("chest_pain",)})
    card = soup.find(class_="care-card")
    assert card.find("a", href="tel:112")
    assert "911" not in card.get_text()


def test_back_link_uses_only_the_configured_portal_address(client):
    questionnaire = visit(client)
    soup = questionnaire.soup("/en/about?portal_url=https://evil.example/")
    back = soup.find("a", class_="header__clinic")
    assert back["href"] == "https://portal.riverside.example/"
    assert back.get_text() == "Back to Riverside Family Clinic"
    assert "evil.example" not in str(soup)


def test_the_clinic_may_frame_its_visits(client):
    policy = visit(client).get("/en/q/emergency_signs").headers["Content-Security-Policy"]
    assert "frame-ancestors https://portal.riverside.example" in policy


def test_an_unknown_clinic_is_ignored(client):
    questionnaire = visit(client, clinic="nowhere")
    response = questionnaire.get("/en/")
    assert response.status_code == 200
    assert "header__clinic" not in response.text
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    soup = questionnaire.walk(with_answers(severity="severe"))
    assert not soup.find(class_="care-card").find("a", href="tel:+15550100199")


def test_a_portal_address_that_is_not_https_is_refused_at_start():
    with pytest.raises(ValueError, match="portal_url"):
        create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "k",
                "CLINICS": {"x": {"name": "X", "portal_url": "javascript:alert(1)"}},
            }
        )


def test_the_result_offers_a_summary_for_the_appointment(questionnaire):
    soup = questionnaire.walk(with_answers(injury="strain", leg_symptoms=("pain_below_knee",)))
    heading = soup.find(id="for-your-appointment")
    summary = heading.find_next("dl").get_text(" ", strip=True)
    for words in ("How long", "3 days to 4 weeks", "Injury", "lifting", "Leg symptoms", "knee"):
        assert words in summary
