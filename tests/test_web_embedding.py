"""Pages inside a clinic's portal (backcare/embedding.py), with the test client: when a page is
embedded, its links, the script and origin it posts with, and the result's message, which must
be the API's own answer for the same answers. Chromium runs the script: tests/browser/."""

import json

import pytest
from bs4 import BeautifulSoup
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from .answers import with_answers
from .apps import build_app
from .clinic_profiles import RIVERSIDE
from .pages import check_page_quality
from .questionnaire import Questionnaire

IN_A_FRAME = {"Sec-Fetch-Dest": "iframe"}
PORTAL = "https://portal.riverside.example"


@pytest.fixture
def app():
    plain = {"name": "Plain Clinic", "portal_url": "https://plain.example/"}
    return build_app({"CLINICS": {"riverside": RIVERSIDE, "plain": plain}})


def visit(client, link="/en/?clinic=riverside", lang="en", **kwargs):
    questionnaire = Questionnaire(client, lang)
    questionnaire.get(link, **kwargs)
    return questionnaire


def page(response):
    assert response.status_code == 200
    check_page_quality(response)
    return BeautifulSoup(response.text, "html.parser")


def embed_script(soup):
    return soup.find("script", src=lambda src: src and "/static/embed.js" in src)


def test_a_framed_page_leaves_the_frame_for_the_portal_and_posts_to_its_origin(client):
    soup = visit(client).soup("/en/about")
    assert embed_script(soup) is None  # a clinic's visit, but not in a frame
    assert soup.find("a", class_="header__clinic").get("target") is None

    response = client.get("/en/about", headers=IN_A_FRAME)
    assert "Sec-Fetch-Dest" in response.headers["Vary"]
    soup = page(response)
    back = soup.find("a", class_="header__clinic")
    assert (back["href"], back["target"]) == (f"{PORTAL}/", "_top")
    assert embed_script(soup)["data-origin"] == PORTAL
    assert embed_script(soup).get("defer") is not None


@pytest.mark.parametrize("lang", ["en", "es"])
def test_embed_1_is_kept_for_the_visit_and_links_out_open_a_new_tab(client, lang):
    questionnaire = visit(client, f"/{lang}/?clinic=riverside&embed=1", lang)
    soup = questionnaire.soup(f"/{lang}/about")  # no header says it is in a frame
    assert embed_script(soup)["data-origin"] == PORTAL
    sources = soup.find("main").select("a[href^='https://']")
    assert sources
    new_tab = {"en": "(opens in a new tab)", "es": "(se abre en una pestaña nueva)"}[lang]
    for link in sources:
        assert (link["target"], link["rel"]) == ("_blank", ["noopener"])
        words = link.find(class_="visually-hidden")
        assert words.get_text(strip=True) == new_tab
        # Inside a link to an English page, the words are still in the page's language.
        assert words.get("lang", link.get("lang", lang)) == lang
    assert lang == "en" or soup.select("main a[lang='en'] .visually-hidden[lang='es']")
    for link in questionnaire.soup(f"/{lang}/resources").find("main").select("a[href^='http']"):
        assert link["target"] == "_blank" and link.find(class_="visually-hidden")


def test_the_site_outside_a_portal_is_unchanged(client):
    """No clinic, or a clinic that may not frame the pages: ``embed=1`` and the header do
    nothing, and links out open in the same tab."""
    for link in ("/en/?embed=1", "/en/?clinic=plain&embed=1"):
        questionnaire = Questionnaire(client.application.test_client())
        response = questionnaire.get(link, headers=IN_A_FRAME)
        soup = page(response)
        assert embed_script(soup) is None
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        about = questionnaire.soup("/en/about")
        assert not about.find("a", target=True)
        assert not about.find(class_="visually-hidden", string=" (opens in a new tab)")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(
    "answers",
    [with_answers(injury="strain"), {"emergency_signs": ("chest_pain",)}],
    ids=["soon", "emergency"],
)
def test_the_framed_result_carries_the_apis_assessment_and_questionnaire_response(
    client, lang, answers
):
    questionnaire = visit(client, f"/{lang}/?clinic=riverside&embed=1", lang)
    soup = questionnaire.walk(answers)
    data = soup.find("script", id="backcare-assessment")
    assert data["type"] == "application/json"
    message = json.loads(data.string)
    assert message["type"] == "backcare.assessment"
    assert set(message) == {"type", "assessment", "questionnaireResponse"}
    # What the API says for the same answers and language, where the clinic's number is the
    # deployment's.
    api = build_app({"EMERGENCY_NUMBER": RIVERSIDE["emergency_number"]}).test_client()
    sent = {"lang": lang, "answers": message["assessment"]["answers"]}
    assert message["assessment"] == api.post("/api/v1/assessments", json=sent).get_json()
    assert message["assessment"]["level"] == soup.find("main")["data-level"]
    response = QuestionnaireResponse.model_validate(message["questionnaireResponse"])
    assert response.language == lang
    fhir = api.post(
        "/api/v1/assessments",
        data=json.dumps(message["questionnaireResponse"]),
        content_type="application/fhir+json",
    )
    assert fhir.get_json()["level"] == message["assessment"]["level"]


def test_only_the_framed_result_has_the_message(client):
    soup = visit(client).walk(with_answers(injury="strain"))
    assert soup.find("script", id="backcare-assessment") is None
    assert embed_script(soup) is None


def test_start_again_in_the_portal_stays_in_the_portal(client):
    questionnaire = visit(client, "/en/?clinic=riverside&embed=1")
    questionnaire.walk(with_answers(injury="strain"))
    response = questionnaire.post("/en/start-again", {})
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/?clinic=riverside&embed=1"


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        ({"frame_ancestors": ["https://portal.example"]}, "portal_url"),
        (
            {"portal_url": "https://portal.example/", "frame_ancestors": ["https://other.example"]},
            "frame_ancestors must list https://portal.example",
        ),
        (
            {
                "portal_url": "https://portal.example:8443/",
                "frame_ancestors": ["https://*.example"],
            },
            "frame_ancestors must list https://portal.example:8443",
        ),
    ],
)
def test_a_framing_clinic_without_its_portals_origin_stops_the_start(profile, field):
    with pytest.raises(ValueError, match=f"clinic 'c': {field}"):
        build_app({"CLINICS": {"c": {"name": "C", **profile}}})
