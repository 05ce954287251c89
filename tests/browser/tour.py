"""A tour of every page of the guide in one language, clicked through as a person would, that
measures each page on the way: accessibility (axe-core), reflow at 320px and at 200% zoom, touch
targets, the HTML as sent (for the HTML checker and the page-weight budget), and for the start,
a question and the results, screenshots and the printed PDF.

Both languages' tours run at once, in their own browsers and threads, beside the other tests."""

import re
from dataclasses import dataclass, field
from io import BytesIO

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from ..answers import EVERY_QUESTION
from .chromium import AXE_JS, launch, new_context
from .person import Person

#: WCAG 2.2 A and AA, as axe-core tags its rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe.from_file(AXE_JS) if AXE_JS.exists() else Axe()
#: ... and axe's best practices (landmarks, one main, headings in order...).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]},
    "resultTypes": ["violations"],
}

#: Then one change at a time from the check page, for each other level: soon, self-care, an
#: emergency found at the last question, and an emergency sign on page 1, which stops at once.
CHANGES = (
    ("severity", "mild"),
    ("leg_symptoms", ()),
    ("emergency_signs", ("chest_pain",)),
    ("emergency_signs", ()),  # through the emergency result's "Change my answers"
    ("pregnancy_signs", ("one_sided_pain",)),
)

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}
#: A 1280x800 window zoomed to 200% lays pages out in 640x400 CSS pixels.
ZOOMED = {"width": 640, "height": 400}
#: A 375 px phone zoomed to 200%: about 188 CSS pixels.
PHONE_ZOOMED = {"width": 188, "height": 333}

#: What a person taps: buttons, the choices (box and words), and the primary links.
TARGETS = (
    ".button, .choices__input, .choices__label, .back-link, header a, .summary__action a,"
    " .error-summary a, footer a"
)

_MEASURE = """selector => {
  const root = document.documentElement;
  const small = [...document.querySelectorAll(selector)]
    .filter(e => e.getClientRects().length)
    .map(e => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.width < 44 || r.height < 44)
    .map(([e, r]) => `${e.outerHTML.slice(0, 80)} is ${r.width | 0}x${r.height | 0}`);
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, small};
}"""

#: In print: what must not show, and outside links whose address does not follow them.
_PRINTED = """() => ({
  shown: [...document.querySelectorAll("header, footer, button, .back-link, .skip-link")]
    .filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 60)),
  unaddressed: [...document.querySelectorAll("main a[href^='http']")]
    .filter(a => a.getClientRects().length)
    .filter(a => !getComputedStyle(a, "::after").content.includes(a.getAttribute("href")))
    .map(a => a.href),
})"""


@dataclass
class Visit:
    """One page as the tour found it."""

    name: str
    url: str
    status: int
    html: bytes
    level: str | None = None
    rules: list = field(default_factory=list)
    violations: list = field(default_factory=list)
    axe_report: str = ""
    #: (viewport, scrollWidth, clientWidth) wherever the page scrolls sideways
    overflow: list = field(default_factory=list)
    small_targets: list = field(default_factory=list)
    #: for results: the PDF's page count, and what the print stylesheet got wrong
    printed_pages: int | None = None
    print_problems: dict = field(default_factory=dict)
    #: what the browser's console said was wrong (a script error, a CSP violation)
    console_errors: list = field(default_factory=list)


class Tour:
    def __init__(self, page, lang, artifacts, clinic=None):
        self.person = Person(page, lang)
        self.page, self.lang, self.artifacts, self.clinic = page, lang, artifacts, clinic
        self.visits: list[Visit] = []
        self.last = None
        self.console_errors = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _console(self, message):
        # An error page's own status (404, 400) is logged too; that is no fault of the page.
        own_status = message.location.get("url") == self.page.url and message.text.startswith(
            "Failed to load resource: the server responded with a status of 4"
        )
        if message.type == "error" and not own_status:
            self.console_errors.append(message.text)

    def visit(self, name, response, pictures=False):
        page = self.page
        page.wait_for_load_state()
        results = AXE.run(page, options=AXE_OPTIONS)
        visit = Visit(
            name=f"{self.lang} {name}",
            url=page.url,
            status=response.status,
            html=response.body(),
            level=self.level(),
            rules=page.locator("[data-rule]").evaluate_all("ns => ns.map(n => n.dataset.rule)"),
            violations=results.response["violations"],
            axe_report=results.generate_report() if results.violations_count else "",
            console_errors=self.console_errors,
        )
        self.console_errors = []
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        for size, viewport in (("320x640", PHONE), ("zoomed", ZOOMED)):
            page.set_viewport_size(viewport)
            measured = page.evaluate(_MEASURE, TARGETS)
            if measured["scrollWidth"] > measured["clientWidth"]:
                visit.overflow.append((size, measured["scrollWidth"], measured["clientWidth"]))
            if viewport is PHONE:
                visit.small_targets = measured["small"]
                if pictures:
                    self.screenshot(f"{slug}-320x640")
        if pictures:  # a phone zoomed to 200%, dark mode and forced colours, to look at
            page.set_viewport_size(PHONE_ZOOMED)
            self.screenshot(f"{slug}-phone-200-percent")
            page.set_viewport_size(PHONE)
            for media, value, back in (
                ("color_scheme", "dark", "light"),
                ("forced_colors", "active", "none"),
            ):
                page.emulate_media(**{media: value})
                self.screenshot(f"{slug}-320x640-{value}")
                page.emulate_media(**{media: back})
        page.set_viewport_size(DESKTOP)
        if pictures:
            self.screenshot(f"{slug}-1280x800")
        if visit.level:
            self.print_result(visit, slug)
        self.visits.append(visit)

    def screenshot(self, name):
        self.page.screenshot(path=self.artifacts / f"{self.lang}-{name}.png", full_page=True)

    def print_result(self, visit, slug):
        page = self.page
        page.emulate_media(media="print")
        visit.print_problems = {k: v for k, v in page.evaluate(_PRINTED).items() if v}
        pdf = page.pdf(format="Letter")
        page.emulate_media(media="screen")
        (self.artifacts / f"{self.lang}-{slug}.pdf").write_bytes(pdf)
        visit.printed_pages = len(PdfReader(BytesIO(pdf)).pages)

    def questions_and_their_errors(self):
        person = self.person
        while (question_id := person.question_id) is not None:
            first = len(self.visits) == 1
            self.visit(f"question {question_id}", self.last, pictures=first)
            error = person.click(self._continue())
            self.visit(f"question {question_id} with an error", error)
            person.tick(question_id, EVERY_QUESTION[question_id])
            self.last = person.click(self._continue())

    def _continue(self):
        return self.person.button("Continue")

    def result_after_changing(self, question_id, answer):
        """Back from the result to the check page, change one answer, and see the result. An
        emergency result has no check page behind it: its "Change my answers" link leads to
        the question where the questionnaire stopped."""
        person = self.person
        change_mine = person.link("Change my answers")
        if change_mine.count():
            response = person.change(question_id, answer, link=change_mine)
        else:
            self.page.go_back()
            assert person.path.endswith("/check"), self.page.url
            response = person.change(question_id, answer)
        if person.path.endswith("/check"):
            response = person.see_result()
        self.visit(f"result {self.level()} after {question_id}", response, pictures=True)

    def level(self):
        return self.page.locator("main").get_attribute("data-level")

    def run(self):
        person, lang = self.person, self.lang
        query = f"?clinic={self.clinic}" if self.clinic else ""
        self.visit("start", self.page.goto(f"/{lang}/{query}"), pictures=True)
        self.last = person.click(self.page.get_by_role("button", name=person.words("Start now")))
        self.questions_and_their_errors()
        self.visit("check", self.last)
        response = person.see_result()
        self.visit(f"result {self.level()}", response, pictures=True)
        for question_id, answer in CHANGES:
            self.result_after_changing(question_id, answer)
        resources = person.click(person.link("All back pain resources"))
        self.visit("resources", resources)
        about = person.click(person.link("How this guide works and your privacy"))
        self.visit("about", about)
        self.visit("not found", self.page.goto(f"/{lang}/no-such-page"))
        # A form sent after the session ended: the friendly "open for too long" page.
        self.page.context.clear_cookies()
        self.page.goto(f"/{lang}/q/emergency_signs")
        self.page.context.clear_cookies()
        person.tick("emergency_signs", ())
        self.visit("session expired", person.click(self._continue()))
        return self.visits


def take_tour(app_url, lang, artifacts, clinic=None):
    """One language's tour (as a visitor from ``clinic``, if given) in a browser of its own:
    Playwright's sync API is one per thread.

    Returns the visits and every (resource type, URL) the browser asked for on the way."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = new_context(browser, app_url, lang)
            requests = []
            context.on("request", lambda r: requests.append((r.resource_type, r.url)))
            return Tour(context.new_page(), lang, artifacts, clinic).run(), requests
        finally:
            browser.close()
