"""The fragments the server keeps (backcare/web/fragments.py): rendered for every key at once,
at start-up in production, sized from the configuration, and never able to take the error pages
down with them."""

import pytest
from bs4 import BeautifulSoup

import backcare.web.fragments
from backcare import create_app
from backcare.web.fragments import store

from .answers import with_answers
from .apps import build_app
from .clinic_profiles import RIVERSIDE
from .questionnaire import Questionnaire
from .visitor import Visitor

SIXTY_CLINICS = {f"clinic-{n}": {**RIVERSIDE, "name": f"Clinic {n}"} for n in range(60)}


def kept_tables(app):
    return {key: fragments.tables for key, fragments in store(app).at_root.items()}


def test_fragments_kept_by_the_server_say_nothing_about_the_answers():
    """Whoever answered what, the server keeps the same tables."""
    tables = []
    for answers in (with_answers(severity="severe"), with_answers(leg_symptoms=("numb_tingling",))):
        app = build_app()
        Questionnaire(app.test_client()).walk(answers)
        tables.append(kept_tables(app))
    assert tables[0] == tables[1]
    assert list(tables[0]) == [("en", None, "myself", False)]  # one language, reader; no clinic


def test_production_renders_every_language_and_clinic_at_start_up():
    app = create_app({"SECRET_KEY": "k" * 32, "CLINICS": {"riverside": RIVERSIDE}})
    assert set(store(app).at_root) == {
        (language, clinic, reader, embedded)
        for language in ("en", "es")
        for clinic, embedded in ((None, False), ("riverside", False), ("riverside", True))
        for reader in ("myself", "someone_else")
    }
    # The pages a visitor gets are built from those fragments: the clinic's link and number.
    soup = BeautifulSoup(app.test_client().get("/es/?clinic=riverside").text, "html.parser")
    clinic_link = soup.find("header").find("a", class_="header__clinic")
    assert clinic_link.get_text() == "Volver a Riverside Family Clinic"
    assert "112" in soup.find(class_="warning").get_text()


def test_fragments_that_do_not_show_the_clinic_are_shared_by_every_clinic():
    app = create_app({"SECRET_KEY": "k" * 32, "CLINICS": {"riverside": RIVERSIDE}})
    kept = store(app).at_root
    plain, riverside = (
        kept[("en", None, "myself", False)],
        kept[("en", "riverside", "myself", False)],
    )
    assert plain.footer is riverside.footer and plain.choice is riverside.choice
    assert plain.header != riverside.header
    # Words that speak to "you" or about "them" are rendered per reader, the rest shared.
    other = kept[("en", None, "someone_else", False)]
    assert plain.footer is other.footer and plain.choice is not other.choice
    # Inside the clinic's portal only the fragments with links out of the page differ.
    framed = kept[("en", "riverside", "myself", True)]
    assert framed.choice is riverside.choice and framed.footer is riverside.footer
    assert framed.header != riverside.header and framed.resource != riverside.resource


@pytest.fixture
def renders(monkeypatch):
    """Every time a language's and clinic's fragments are rendered."""
    made = []
    render = backcare.web.fragments._render

    def counted(language, clinic, reader, embedded, shared):
        made.append((language, clinic.id if clinic else None, reader, embedded))
        return render(language, clinic, reader, embedded, shared)

    monkeypatch.setattr(backcare.web.fragments, "_render", counted)
    return made


def test_with_sixty_clinics_every_clinic_page_uses_what_start_up_rendered(renders):
    app = create_app({"SECRET_KEY": "k" * 32, "CLINICS": SIXTY_CLINICS})
    # Both languages, both readers, no clinic and every clinic, in its portal and not.
    assert len(renders) == 2 * 2 * (1 + 60 * 2)
    renders.clear()
    kept = dict(store(app).at_root)
    for clinic_id in reversed(SIXTY_CLINICS):
        for language in ("en", "es"):
            visitor = Visitor(app, app.response_class, use_cookies=True)
            page = visitor.get(f"/{language}/q/emergency_signs?clinic={clinic_id}")
            assert page.status_code == 200
            assert SIXTY_CLINICS[clinic_id]["name"] in page.text
    assert renders == []  # no page rendered a fragment again: each costs what one clinic's does
    assert store(app).at_root == kept


def test_odd_address_prefixes_cannot_grow_the_tables(renders):
    app = create_app({"SECRET_KEY": "k" * 32, "CLINICS": {"riverside": RIVERSIDE}})
    kept = dict(store(app).at_root)
    visitor = app.test_client()
    for n in range(20):
        page = visitor.get("/en/", base_url=f"http://localhost/prefix-{n}/")
        assert page.status_code == 200
        assert f'href="/prefix-{n}/en/resources"' in page.text
    assert store(app).at_root == kept  # what start-up rendered is never dropped
    assert len(store(app).elsewhere) == store(app).elsewhere_limit == 12


@pytest.fixture
def broken_fragments(monkeypatch):
    """Fragments that cannot be rendered, as a broken template or translation would be."""

    def fail(language, clinic, reader, embedded, shared):
        raise RuntimeError("a broken fragment")

    monkeypatch.setattr(backcare.web.fragments, "_render", fail)


@pytest.mark.usefixtures("broken_fragments")
def test_a_fragment_that_cannot_be_rendered_stops_the_app_from_starting():
    with pytest.raises(RuntimeError, match="a broken fragment"):
        create_app({"SECRET_KEY": "k" * 32})


@pytest.mark.usefixtures("broken_fragments")
def test_error_pages_still_answer_when_the_fragments_cannot_be_rendered(client, caplog):
    for path, status in (("/en/nowhere", 404), ("/es/", 500)):
        response = client.get(path)
        assert response.status_code == status, path
        assert "Sorry, something went wrong" in response.text
        assert "Lo sentimos, algo salió mal" in response.text
        assert "Traceback" not in response.text and "a broken fragment" not in response.text
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert "Unhandled RuntimeError" in caplog.text  # where, not the message
    assert "RuntimeError: a broken fragment" not in caplog.text
