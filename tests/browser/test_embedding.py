"""backcare inside a clinic's portal, in Chromium: a portal page on another origin frames the app
and records what the frame posts to it (portal.py).

The portal is another port of 127.0.0.1: another origin, but the same site, so the session
cookie (Lax, as over plain HTTP) goes with the frame's requests as it would with the
partitioned SameSite=None one over HTTPS across sites.
"""

from urllib.parse import quote

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from .conftest import PARTNER
from .person import words

HEIGHT = "backcare.height"
CONTENT_HEIGHT = "Math.ceil(document.documentElement.getBoundingClientRect().height)"


def received(page, kind: str) -> list:
    return [m for m in page.evaluate("window.received") if m["data"].get("type") == kind]


def wait_for_height(page, frame) -> int:
    """The height the frame's content has once the portal heard it: the last one it heard."""
    page.wait_for_function(
        """height => window.received.some(m => m.data.type === "backcare.height"
                                              && m.data.height === height)""",
        arg=frame.evaluate(CONTENT_HEIGHT),
    )
    height = received(page, HEIGHT)[-1]["data"]["height"]
    assert height == frame.evaluate(CONTENT_HEIGHT)
    return height


def test_a_clinics_portal_hears_the_height_and_the_result_and_no_one_else_does(
    contexts, portals, app_url
):
    portal, elsewhere = portals
    contexts.allow(portal, elsewhere)
    page = contexts.page(viewport={"width": 1000, "height": 700})
    # The clinic's link, through the language redirect; Chromium says it is in a frame.
    page.goto(f"{portal}/?frame={quote(f'{app_url}/?clinic={PARTNER}')}")
    frame = page.frame_locator("#backcare")
    frame.locator("h1").wait_for()
    inner = page.frames[1]
    assert inner.url == f"{app_url}/en/?clinic={PARTNER}"

    # The start page's height reached the portal, which sized the frame: nothing to scroll.
    start_height = wait_for_height(page, inner)
    assert page.locator("#backcare").bounding_box()["height"] == start_height
    assert inner.evaluate("document.documentElement.scrollHeight <= innerHeight")
    assert {m["origin"] for m in page.evaluate("window.received")} == {app_url}
    back = frame.locator("a.header__clinic")
    assert back.get_attribute("href") == f"{portal}/"
    assert back.get_attribute("target") == "_top"

    # A narrower portal: the text wraps, the page grows, and the portal hears it.
    page.set_viewport_size({"width": 360, "height": 700})
    assert wait_for_height(page, inner) > start_height

    # To an emergency result: its height, and the assessment, with the API's JSON and FHIR.
    frame.get_by_role("button", name=words("en", "Start now")).click()
    frame.get_by_label(words("en", "Chest pain or trouble breathing")).check()
    frame.get_by_role("button", name=words("en", "Continue")).click()
    frame.locator("main[data-level]").wait_for()
    assert inner.url == f"{app_url}/en/result"
    page.wait_for_function('window.received.some(m => m.data.type === "backcare.assessment")')
    (message,) = received(page, "backcare.assessment")
    assert message["origin"] == app_url
    assessment = message["data"]["assessment"]
    assert assessment["level"] == "emergency"
    assert [rule["id"] for rule in assessment["rules"]] == ["E-chest-pain"]
    response = QuestionnaireResponse.model_validate(message["data"]["questionnaireResponse"])
    assert [item.linkId for item in response.item] == ["emergency_signs"]
    wait_for_height(page, inner)

    # Links out of the frame: to other sites in a new tab, saying so.
    sources = frame.locator(".source a")
    assert sources.count() >= 1
    for link in sources.all():
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener"
        assert link.locator(".visually-hidden").inner_text().strip() == "(opens in a new tab)"

    # The same result in a page that may frame it but is not the portal: nothing arrives.
    page.goto(f"{elsewhere}/?frame={quote(f'{app_url}/en/result')}")
    frame.locator("main[data-level='emergency']").wait_for()
    inner = page.frames[1]
    assert inner.locator("script[src*='embed.js']").count() == 1
    # Messages from a frame arrive in order: once this one is heard, any earlier one was.
    inner.evaluate("window.parent.postMessage({type: 'test.done'}, '*')")
    page.wait_for_function('window.received.some(m => m.data.type === "test.done")')
    assert [m["data"]["type"] for m in page.evaluate("window.received")] == ["test.done"]
