"""Clinic profiles: a clinic's name, phone and emergency number on the result, for one visit."""

import re

import pytest

from backcare import create_app

from .answers import with_answers
from .apps import build_app
from .clinic_profiles import RIVERSIDE
from .questionnaire import Questionnaire


@pytest.fixture
def app():
    return build_app({"SECRET_KEY": "test-secret", "CLINICS": {"riverside": RIVERSIDE}})


def visit(client, clinic="riverside"):
    questionnaire = Questionnaire(client)
    questionnaire.get(f"/en/?clinic={clinic}")
    return questionnaire


def test_contact_a_provider_card_shows_the_clinic_and_its_phone(client):
    soup = visit(client).walk(with_answers(severity="severe"))
    card = soup.find(class_="care-card")
    assert "Riverside Family Clinic" in card.get_text()
    call = card.find("a", href="tel:+15550100199")
    assert "button--call" in call["class"]  # one large button to tap, the number never split
    assert call.get_text() == "Call Riverside Family Clinic on +1 555 010 0199."
    assert call.find(class_="nowrap").get_text() == "+1 555 010 0199"


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
    for words in ("How long", "3 days or more, up to 4 weeks", "Injury", "lifting", "knee"):
        assert words in summary


def test_a_clinic_that_frames_the_pages_gets_a_cookie_that_works_in_its_frame(client):
    https = {"X-Forwarded-Proto": "https"}
    response = client.get("/en/q/emergency_signs?clinic=riverside", headers=https)
    cookie = response.headers["Set-Cookie"]
    assert "SameSite=None" in cookie and "Secure" in cookie and "Partitioned" in cookie
    assert cookie.startswith("__Host-backcare=") and "Path=/" in cookie and "Domain" not in cookie
    token = re.search(r'name="csrf_token" value="([^"]+)"', response.text)[1]
    answered = client.post(
        "/en/q/emergency_signs",
        data={"emergency_signs": "none", "csrf_token": token},
        headers={**https, "Referer": "https://localhost/en/q/emergency_signs"},
    )
    assert answered.status_code == 302
    assert "SameSite=None" in answered.headers["Set-Cookie"]


def test_without_a_framing_clinic_the_cookie_stays_lax(client):
    https = {"X-Forwarded-Proto": "https"}
    cookie = client.get("/en/q/emergency_signs", headers=https).headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie and "Partitioned" not in cookie


def test_a_clinic_profile_without_its_own_number_uses_the_deployments():
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "k",
            "EMERGENCY_NUMBER": "112",
            "CLINICS": {"plain": {"name": "Plain Clinic"}},
        }
    )
    questionnaire = Questionnaire(app.test_client())
    questionnaire.get("/en/?clinic=plain")
    soup = questionnaire.walk({"emergency_signs": ("chest_pain",)})
    assert soup.find(class_="care-card").find("a", href="tel:112")


FULL = {
    **RIVERSIDE,
    "name_es": "Clínica Familiar Riverside",
    "booking_url": "https://book.riverside.example/new",
    "hours": "Monday to Friday, 8 am to 6 pm",
    "hours_es": "de lunes a viernes, de 8 a 18 h",
}


def full_visit(lang="en"):
    app = build_app({"CLINICS": {"riverside": FULL}})
    questionnaire = Questionnaire(app.test_client(), lang)
    questionnaire.get(f"/{lang}/?clinic=riverside")
    return questionnaire


@pytest.mark.parametrize(
    ("lang", "name", "hours"),
    [
        ("en", "Riverside Family Clinic", "Open: Monday to Friday, 8 am to 6 pm"),
        ("es", "Clínica Familiar Riverside", "Horario: de lunes a viernes, de 8 a 18 h"),
    ],
)
def test_the_clinics_name_and_hours_are_in_the_pages_language(lang, name, hours):
    questionnaire = full_visit(lang)
    back = questionnaire.soup(f"/{lang}/about").find("a", class_="header__clinic")
    assert back.get_text().endswith(name)
    soup = questionnaire.walk(with_answers(severity="severe"))  # contact a provider today
    card = soup.find(class_="care-card")
    assert name in card.find("a", href="tel:+15550100199").get_text()
    call_line = card.find("a", href="tel:+15550100199").find_parent("p")
    assert call_line.find_next_sibling("p", class_="care-card__hours").get_text() == hours
    assert not card.find("a", class_="button--book")  # booking is for an appointment


def test_a_clinic_without_a_spanish_name_keeps_its_name_on_spanish_pages():
    questionnaire = Questionnaire(
        build_app({"CLINICS": {"riverside": RIVERSIDE}}).test_client(), "es"
    )
    questionnaire.get("/es/?clinic=riverside")
    back = questionnaire.soup("/es/about").find("a", class_="header__clinic")
    assert back.get_text() == "Volver a Riverside Family Clinic"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Book a visit with Riverside Family Clinic online"),
        ("es", "Pida una cita en línea con Clínica Familiar Riverside"),
    ],
)
def test_an_appointment_result_offers_the_clinics_booking_page(lang, words):
    soup = full_visit(lang).walk(with_answers(injury="strain"))
    assert soup.find("main")["data-level"] == "soon"
    book = soup.find(class_="care-card").find("a", class_="button--book")
    assert book["href"] == FULL["booking_url"]
    assert book.get_text() == words
    assert book.get("target") is None  # outside a portal, in the same tab


def test_other_results_offer_no_booking():
    for answers in (with_answers(), {"emergency_signs": ("chest_pain",)}):
        soup = full_visit().walk(answers)
        assert not soup.find("a", class_="button--book")
        assert "book.riverside.example" not in str(soup)


@pytest.mark.parametrize("accept", ["en", "es-MX,es;q=0.9"])
@pytest.mark.parametrize("embed", ["", "&embed=1"])
def test_the_clinic_link_keeps_the_clinic_through_the_language_redirect(accept, embed):
    app = build_app({"CLINICS": {"riverside": FULL}})
    response = app.test_client().get(
        f"/?clinic=riverside{embed}", headers={"Accept-Language": accept}
    )
    lang = accept[:2]
    assert response.status_code == 302
    assert response.headers["Location"] == f"/{lang}/?clinic=riverside{embed}"
    # Even where the cookie set with the redirect never comes back (a frame on another site).
    fresh = Questionnaire(app.test_client(use_cookies=False), lang)
    back = fresh.soup(response.headers["Location"]).find("a", class_="header__clinic")
    name = {"en": FULL["name"], "es": FULL["name_es"]}[lang]
    assert back.get_text().endswith(name)


def test_an_unknown_clinic_is_not_passed_on_by_the_redirect():
    app = build_app({"CLINICS": {"riverside": FULL}})
    response = app.test_client().get("/?clinic=nowhere&embed=1&lang=es")
    assert response.headers["Location"] == "/es/"


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({"phone": "1"}, "clinic 'bad': name is required"),
        ({"name": ["X"]}, "clinic 'bad': name must be text"),
        ({"name": "X", "name_es": 5}, "clinic 'bad': name_es must be text"),
        ({"name": "X", "booking_url": "http://book.example/"}, "clinic 'bad': booking_url"),
        ({"name": "X", "booking_url": "javascript:alert(1)"}, "clinic 'bad': booking_url"),
        ({"name": "X", "booking_url": ["https://b.example/"]}, "clinic 'bad': booking_url"),
        ({"name": "X", "portal_url": "http://portal.example/"}, "clinic 'bad': portal_url"),
        ({"name": "X", "hours": "9 to 5"}, "clinic 'bad': hours_es is missing"),
        ({"name": "X", "hours_es": "de 9 a 5"}, "clinic 'bad': hours is missing"),
        ({"name": "X", "hours": "9 to 5", "hours_es": " "}, "clinic 'bad': hours_es is missing"),
        ({"name": "X", "name_es": "  "}, "clinic 'bad': name_es is blank"),
        ({"name": "X", "hours": 9, "hours_es": "9"}, "clinic 'bad': hours must be text"),
        ({"name": "X", "booking": "https://b.example/"}, "clinic 'bad': booking is not a field"),
        ({"name": "X", "frame_ancestors": "https://p.example"}, "clinic 'bad': frame_ancestors"),
        ("Riverside", "clinic 'bad': profile must be a table"),
    ],
)
def test_a_bad_profile_value_stops_the_start_naming_the_clinic_and_field(profile, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        build_app({"CLINICS": {"bad": profile}})


def test_a_local_portal_is_allowed_for_development():
    local = {"name": "X", "portal_url": "http://127.0.0.1:8000/", "frame_ancestors": []}
    app = build_app({"CLINICS": {"dev": local}})
    questionnaire = Questionnaire(app.test_client())
    questionnaire.get("/en/?clinic=dev")
    back = questionnaire.soup("/en/about").find("a", class_="header__clinic")
    assert back["href"] == "http://127.0.0.1:8000/"
