"""The page parts the server keeps (backcare/web/parts.py): rendered for every answer at once,
at start-up in production, and never able to take the error pages down with them."""

import pytest
from bs4 import BeautifulSoup

import backcare.web.parts
from backcare import create_app

from .answers import with_answers
from .conftest import Questionnaire
from .test_web_clinics import RIVERSIDE


def test_page_parts_kept_by_the_server_say_nothing_about_the_answers():
    """Whoever answered what, the server keeps the same table."""
    tables = []
    for answers in (with_answers(severity="severe"), with_answers(leg_symptoms=("numb_tingling",))):
        app = create_app({"TESTING": True, "SECRET_KEY": "test-secret"})
        Questionnaire(app.test_client()).walk(answers)
        tables.append(app.extensions["backcare_page_parts"])
    assert tables[0] == tables[1]
    assert list(tables[0]) == [("en", None, "")]  # one language, no clinic, the site's root


def test_production_renders_every_language_and_clinic_at_start_up():
    app = create_app({"SECRET_KEY": "k" * 32, "CLINICS": {"riverside": RIVERSIDE}})
    assert set(app.extensions["backcare_page_parts"]) == {
        (language, clinic, "") for language in ("en", "es") for clinic in (None, "riverside")
    }
    # The pages a visitor gets are built from those parts: the clinic's link and number.
    soup = BeautifulSoup(app.test_client().get("/es/?clinic=riverside").text, "html.parser")
    clinic_link = soup.find("header").find("a", class_="header__clinic")
    assert clinic_link.get_text() == "Volver a Riverside Family Clinic"
    assert "112" in soup.find(class_="warning").get_text()


@pytest.fixture
def broken_parts(monkeypatch):
    """A part that cannot be rendered, as a broken template or translation would be."""

    def fail(language, clinic):
        raise RuntimeError("a broken part")

    monkeypatch.setattr(backcare.web.parts, "_render_in_locale", fail)


@pytest.mark.usefixtures("broken_parts")
def test_a_part_that_cannot_be_rendered_stops_the_app_from_starting():
    with pytest.raises(RuntimeError, match="a broken part"):
        create_app({"SECRET_KEY": "k" * 32})


@pytest.mark.usefixtures("broken_parts")
def test_error_pages_still_answer_when_the_parts_cannot_be_rendered(client, caplog):
    for path, status in (("/en/nowhere", 404), ("/es/", 500)):
        response = client.get(path)
        assert response.status_code == status, path
        assert "Sorry, something went wrong" in response.text
        assert "Lo sentimos, algo salió mal" in response.text
        assert "Traceback" not in response.text and "a broken part" not in response.text
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert "Unhandled RuntimeError" in caplog.text  # where, not the message
    assert "RuntimeError: a broken part" not in caplog.text
