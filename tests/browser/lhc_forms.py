"""The portal page (portal.html) driven with Playwright: the app's Questionnaire rendered by
LHC-Forms, answered through its widgets, and its QuestionnaireResponse sent to the API.

The selectors are LHC-Forms 40.1.3's own ids: ``item-{linkId}/1`` for a shown item,
``{linkId}/1|{system}|{code}`` for an answer's label, ``help-button-{linkId}/1`` and
``help-content-{linkId}/1`` for a question's help.
"""

from backcare.api.fhir import answer_system
from backcare.triage import QUESTIONS
from backcare.triage.questions import NONE

#: The ids of the shown items, once they are the expected ones or after five seconds.
_SHOWN = """async expected => {
  const ids = () => [...document.querySelectorAll("lhc-item")].map(item => item.id);
  const end = Date.now() + 5000;
  while (JSON.stringify(ids()) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return ids();
}"""


class RenderedForm:
    """The app's Questionnaire in ``lang``, rendered afresh by LHC-Forms in ``page``."""

    def __init__(self, page, lang: str):
        self.page = page
        self.questionnaire = page.evaluate("lang => loadQuestionnaire(lang)", lang)

    def item_text(self, link_id: str) -> str:
        """The text of the item ``link_id`` in the Questionnaire the portal loaded."""
        return next(i for i in self.questionnaire["item"] if i["linkId"] == link_id)["text"]

    def option(self, question_id: str, code: str):
        """The label of one answer: what a person clicks."""
        locator = f"{question_id}/1|{answer_system(question_id)}|{code}"
        return self.page.locator(f'[id="{locator}"]')

    def answer(self, answers: dict) -> None:
        """Click each answer in questionnaire order; an empty tick-all question gets "None of
        these", as a person ticks it. Playwright waits for an item the branching shows."""
        for question in QUESTIONS:
            if question.id not in answers:
                continue
            value = answers[question.id]
            for code in [value] if isinstance(value, str) else list(value) or [NONE]:
                self.option(question.id, code).click()

    def shown(self, expected: list[str]) -> list[str]:
        """The linkIds of the items the form shows (LHC-Forms leaves hidden ones out), once
        they are ``expected`` or a few seconds have passed: it updates after each answer."""
        ids = self.page.evaluate(_SHOWN, [f"item-{link_id}/1" for link_id in expected])
        return [i.removeprefix("item-").removesuffix("/1") for i in ids]

    def help_text(self, question_id: str) -> str:
        """The help a question shows when its help button is pressed (then closed again)."""
        button = self.page.locator(f'[id="help-button-{question_id}/1"]')
        button.click()
        text = self.page.locator(f'[id="help-content-{question_id}/1"]').inner_text()
        button.click()
        return text

    def is_valid(self) -> bool:
        """Whether LHC-Forms lets the form be sent (no required item left, nothing invalid)."""
        return self.page.evaluate("LForms.Util.checkValidity(form)") is None

    def send(self, query: str = "", headers: dict | None = None) -> dict:
        """Export the QuestionnaireResponse and POST it to the API from the page (CORS):
        ``{"questionnaireResponse": ..., "status": ..., "body": ...}``."""
        return self.page.evaluate(
            "([query, headers]) => sendResponse(query, headers)", [query, headers or {}]
        )
