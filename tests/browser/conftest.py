"""Debian's Chromium, driven by Playwright, against the app served by real gunicorn.

The browser starts once per session; each test gets fresh contexts (their own cookies). The
tours of every page (tour.py) start with the first browser test and run beside the others.
Without /usr/bin/chromium, Playwright, Java or the npm checkers these tests are skipped with the
reason, unless BACKCARE_REQUIRE_BROWSER=1 (set by .ci/run), when they fail instead.
"""

import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ..servers import ROOT, gunicorn
from .chromium import CHROMIUM, VNU_JAR, launch, new_context
from .framing_portal import framing_portal
from .portal import LFORMS_FILES, PORTAL_CLINIC, portal

HERE = Path(__file__).parent
ARTIFACTS = HERE / "artifacts"
LANGS = ("en", "es")
WANTS_TOURS = pytest.StashKey[bool]()
#: A clinic profile, so that one tour shows what a clinic's visitors see (tour.py).
CLINICS = {
    "riverside": {
        "name": "Riverside Family Clinic",
        "phone": "+1 555 010 0199",
        "emergency_number": "911",
        "portal_url": "https://portal.riverside.example/",
    }
}
#: The clinic that frames backcare in its portal (test_embedding.py): ``portal`` is its own,
#: ``elsewhere`` another page that may frame it too but is not the portal.
PARTNER = "partner"


def partner(portal: str, elsewhere: str) -> dict:
    return {
        "name": "Partner Clinic",
        "phone": "+1 555 010 0123",
        "portal_url": f"{portal}/",
        "frame_ancestors": [portal, elsewhere],
    }


def unavailable(reason: str) -> None:
    """Skip with ``reason`` on a developer's machine; fail where the browser tests must run."""
    if os.environ.get("BACKCARE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (BACKCARE_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    ours = [item for item in items if HERE in Path(item.fspath).parents]
    for item in ours:
        item.add_marker(pytest.mark.browser)
    config.stash[WANTS_TOURS] = any("tours" in item.fixturenames for item in ours)


@pytest.fixture(scope="session")
def portal_origin():
    """A clinic's portal on an origin of its own (portal.py), whose pages call the API."""
    with portal() as origin:
        yield origin


@pytest.fixture(scope="session")
def portals():
    """Two pages that frame backcare on origins of their own (framing_portal.py): the partner
    clinic's portal, and another one."""
    with framing_portal() as own, framing_portal() as elsewhere:
        yield own, elsewhere


@pytest.fixture(scope="session")
def app_url(portal_origin, portals):
    """The base URL of real gunicorn serving the app on a free loopback port, with the clinics
    of the browser tests: the portal's clinic lists the portal's origin in ``api_origins``
    (CORS), and the partner clinic frames the pages."""
    clinics = {
        **CLINICS,
        PORTAL_CLINIC: {"name": "Portal Clinic", "api_origins": [portal_origin]},
        PARTNER: partner(*portals),
    }
    with gunicorn(env={"BACKCARE_CLINICS": json.dumps(clinics)}) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        unavailable(f"browser tests need {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("browser tests need Playwright: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


class Contexts:
    """Makes browser contexts for one test, each recording every request its pages make."""

    def __init__(self, browser, app_url):
        self.browser, self.app_url = browser, app_url
        self.opened, self.requests = [], []
        self.origins = [app_url]

    def allow(self, *origins):
        """Let the pages load from these origins too (a portal that frames the app)."""
        self.origins.extend(origins)

    def new(self, lang="en", **options):
        context = new_context(self.browser, self.app_url, lang, **options)
        context.on("request", lambda request: self.requests.append(request.url))
        self.opened.append(context)
        return context

    def page(self, lang="en", **options):
        return self.new(lang, **options).new_page()

    def close(self):
        for context in self.opened:
            context.close()


@pytest.fixture
def contexts(browser, app_url):
    """Fresh contexts for a test; afterwards, every request must have gone to the app alone (or
    to the origins the test allowed)."""
    made = Contexts(browser, app_url)
    yield made
    made.close()
    elsewhere = [
        url
        for url in made.requests
        if not any(url.startswith(origin + "/") for origin in made.origins)
    ]
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


@pytest.fixture(scope="session")
def artifacts():
    """Screenshots and PDFs for people to look at (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class Tours:
    """Each language's tour, started in the background; ``tours[lang]`` waits for it."""

    def __init__(self, futures):
        self.futures = futures

    def __getitem__(self, lang):
        return self.futures[lang].result(timeout=300)


@pytest.fixture(scope="session")
def tours(browser, app_url, artifacts):
    from .tour import take_tour

    with ThreadPoolExecutor(len(LANGS)) as pool:
        # The Spanish tour is a clinic's visit: the longest header, and the heaviest pages.
        clinics = {"en": None, "es": "riverside"}
        yield Tours(
            {
                lang: pool.submit(take_tour, app_url, lang, artifacts, clinics[lang])
                for lang in LANGS
            }
        )


@pytest.fixture(scope="session", autouse=True)
def _tours_start_early(request):
    """Start the tours with the first browser test, so they run while the flows run."""
    if request.config.stash.get(WANTS_TOURS, False):
        request.getfixturevalue("tours")


@pytest.fixture(scope="session")
def vnu():
    """The command that runs the Nu HTML Checker (``make browser-deps`` installs it)."""
    if not shutil.which("java"):
        unavailable("the HTML check needs Java: apt-get install default-jre-headless")
    if not VNU_JAR.exists():
        unavailable(f"the HTML check needs {VNU_JAR.relative_to(ROOT)}: run `make browser-deps`")
    return ["java", "-jar", str(VNU_JAR), "--errors-only"]


@pytest.fixture(scope="session")
def lforms():
    """LHC-Forms' files for the portal page (``make browser-deps`` installs them)."""
    missing = [path.relative_to(ROOT) for path in LFORMS_FILES if not path.exists()]
    if missing:
        unavailable(f"the LHC-Forms tests need {missing[0]}: run `make browser-deps`")
