"""A person using the guide in a real browser: reading the words of their language, clicking
labels and buttons, or using the keyboard alone."""

import re
from urllib.parse import urlencode

from babel.support import Translations

from backcare.config import TRANSLATIONS
from backcare.triage import QUESTIONS, QUESTIONS_BY_ID
from backcare.triage.questions import NONE, Kind

CATALOGS = {lang: Translations.load(str(TRANSLATIONS), [lang]) for lang in ("en", "es")}


def words(lang: str, message: str, **values) -> str:
    """``message`` as the app shows it in ``lang`` (from the same compiled catalog)."""
    text = CATALOGS[lang].gettext(message)
    return text % values if values else text


def input_id(question_id: str, code: str) -> str:
    """The id the question page gives the input of one option (the first takes the bare id)."""
    question = QUESTIONS_BY_ID[question_id]
    return question_id if question.options[0].code == code else f"{question_id}-{code}"


def codes(question_id: str, answer) -> list[str]:
    """An answer as the options to tick: a radio code, or checkbox codes ("none" for none)."""
    if QUESTIONS_BY_ID[question_id].kind is Kind.RADIO:
        return [answer]
    return list(answer) or [NONE]


class Person:
    """Drives one page; every navigating action returns the server's response to it."""

    def __init__(self, page, lang="en"):
        self.page, self.lang = page, lang

    def words(self, message: str, **values) -> str:
        return words(self.lang, message, **values)

    @property
    def path(self) -> str:
        """The current path, without the query or fragment."""
        return "/" + self.page.url.split("/", 3)[3].split("?")[0].split("#")[0]

    @property
    def question_id(self) -> str | None:
        path = self.path
        return path.rsplit("/", 1)[1] if "/q/" in path else None

    def navigate(self, action):
        """Run ``action`` (a click or a key press) and wait for the page it leads to."""
        with self.page.expect_navigation() as navigation:
            action()
        return navigation.value

    def click(self, locator):
        return self.navigate(locator.click)

    def button(self, message: str):
        return self.page.get_by_role("button", name=self.words(message), exact=True)

    def link(self, message: str):
        return self.page.get_by_role("link", name=self.words(message), exact=True)

    def start(self):
        self.page.goto(f"/{self.lang}/")
        return self.click(self.page.get_by_role("button", name=self.words("Start now")))

    def tick(self, question_id: str, answer) -> None:
        """Click the label of each chosen option, as a person taps the words."""
        for code in codes(question_id, answer):
            self.page.locator(f"label[for='{input_id(question_id, code)}']").click()

    def answer(self, question_id: str, answer):
        assert self.question_id == question_id, (self.page.url, question_id)
        self.tick(question_id, answer)
        return self.click(self.button("Continue"))

    def answer_all(self, answers: dict) -> None:
        """Answer each question the pages ask, from ``answers``, until they stop asking."""
        while (question_id := self.question_id) is not None:
            assert question_id in answers, f"asked {question_id}, not in {answers}"
            self.answer(question_id, answers[question_id])

    def see_result(self):
        assert self.path == f"/{self.lang}/check", self.page.url
        return self.click(self.button("See what to do"))

    def walk(self, answers: dict):
        """From the start page to the result page."""
        self.start()
        self.answer_all(answers)
        if self.path.endswith("/check"):
            self.see_result()
        assert self.path == f"/{self.lang}/result", self.page.url

    def result(self) -> tuple[str, str | None, list[str]]:
        """The result page's public contract: level, pain type and the rules that fired."""
        main = self.page.locator("main")
        rules = self.page.locator("[data-rule]").evaluate_all(
            "nodes => nodes.map(n => n.dataset.rule)"
        )
        return main.get_attribute("data-level"), main.get_attribute("data-pain-type"), rules

    def change(self, question_id: str, answer, link=None):
        """From the check page (or through ``link``), change one answer and come back."""
        self.click(link or self.page.locator(f"main a[href$='/q/{question_id}?change=1']"))
        assert self.question_id == question_id, self.page.url
        for ticked in self.page.locator("input[type=checkbox]:checked").all():
            self.page.locator(f"label[for='{ticked.get_attribute('id')}']").click()
        return self.answer(question_id, answer)

    def prefill(self, answers: dict) -> None:
        """Send ``answers`` through the same forms, with the browser's own cookie, to set up a
        test quickly; the pages under test are then used as a person uses them."""
        request = self.page.context.request
        page = request.get(f"/{self.lang}/q/{QUESTIONS[0].id}").text()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        for question in QUESTIONS:
            if question.id in answers:
                fields = [(question.id, code) for code in codes(question.id, answers[question.id])]
                response = request.post(
                    f"/{self.lang}/q/{question.id}",
                    data=urlencode([*fields, ("csrf_token", token)]),
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                    max_redirects=0,
                )
                assert response.status == 302, (question.id, response.status)

    def tab_to(self, selector: str, limit: int = 40) -> None:
        """Press Tab until the focused element matches ``selector``: the keyboard alone."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector} on {self.page.url}")
