"""What Chromium really sends with a form post, and what the origin check (cross_site.py) does
with it: the app's own page, a page in a clinic's frame, and another site's form."""

import json

import pytest

from ..servers import gunicorn
from .chromium import new_context
from .person import Person, input_id
from .sites import Handler, serve


class PortalPage(Handler):
    """A clinic's portal page, the test's ``server.page``: its own server, since Chromium will
    not let a page it did not load from this machine frame one that is (local network
    access)."""

    def do_GET(self):
        self.send(self.server.page.encode())


def posts_of(page) -> list:
    requests = []
    page.on("request", lambda request: requests.append(request) if request.method == "POST" else 0)
    return requests


def test_a_form_post_from_the_apps_own_page_passes_the_origin_check(contexts):
    page = contexts.page("es")
    posts = posts_of(page)
    person = Person(page, "es")
    person.start()
    response = person.answer("emergency_signs", ())
    assert response.status == 200 and person.question_id == "age", "the post was taken"
    (post,) = posts
    headers = post.all_headers()
    assert headers["sec-fetch-site"] == "same-origin"
    assert headers["origin"] == contexts.app_url
    assert "referer" in headers  # sent, but no longer needed (test_security_origins.py)


@pytest.fixture(scope="module")
def portal():
    """The portal's address: localhost, another site than the app's 127.0.0.1."""
    with serve(PortalPage) as server:
        yield server, f"http://localhost:{server.server_address[1]}"


@pytest.fixture(scope="module")
def framing_url(portal):
    """backcare with a clinic whose portal (another site) frames the pages."""
    origin = portal[1]
    clinic = {"name": "Portal Clinic", "portal_url": f"{origin}/", "frame_ancestors": [origin]}
    with gunicorn(env={"BACKCARE_CLINICS": json.dumps({"portal": clinic})}) as url:
        yield url


def test_in_a_clinics_frame_posts_are_same_origin_and_another_sites_form_is_refused(
    browser, portal, framing_url
):
    server, portal_url = portal
    # As behind the TLS proxy: only over HTTPS does a framing clinic get the SameSite=None,
    # partitioned cookie that a frame on another site keeps.
    https = {"X-Forwarded-Proto": "https"}
    context = new_context(browser, framing_url, extra_http_headers=https)
    server.page = f"""<!doctype html><title>Portal</title>
        <iframe src="{framing_url}/en/q/emergency_signs?clinic=portal" width=800 height=600>
        </iframe>
        <form method=post action="{framing_url}/en/q/emergency_signs">
          <input type=hidden name=emergency_signs value=none><button>Send</button>
        </form>"""
    try:
        page = context.new_page()
        posts = posts_of(page)
        page.goto(f"{portal_url}/")
        frame = page.frame_locator("iframe")
        frame.locator(f"label[for='{input_id('emergency_signs', 'none')}']").click()
        frame.get_by_role("button", name="Continue", exact=True).click()
        frame.locator("input[name='age']").first.wait_for()  # the next question, in the frame
        (framed,) = posts
        assert framed.all_headers()["sec-fetch-site"] == "same-origin"
        assert framed.frame.parent_frame == page.main_frame

        # The portal's own form, posting straight to backcare: a cross-site request forgery.
        with page.expect_navigation():
            page.get_by_role("button", name="Send").click()
        assert posts[1].all_headers()["sec-fetch-site"] == "cross-site"
        assert page.locator("h1").inner_text() == "This answer came from another website"
        assert page.url == f"{framing_url}/en/q/emergency_signs"
    finally:
        context.close()
