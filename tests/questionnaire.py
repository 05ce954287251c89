"""A questionnaire walker for the tests: answers through real HTTP and reads pages as HTML."""

from bs4 import BeautifulSoup

from backcare.triage import QUESTIONS_BY_ID
from backcare.triage.questions import NONE, Kind

from .pages import check_page_quality


class Questionnaire:
    """Answers questions through real HTTP, the way a browser sends the forms."""

    def __init__(self, client, lang="en"):
        self.client = client
        self.lang = lang

    def get(self, path, **kwargs):
        response = self.client.get(path, **kwargs)
        if response.status_code == 200 and response.mimetype == "text/html":
            check_page_quality(response)
        return response

    def soup(self, path):
        response = self.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return BeautifulSoup(response.text, "html.parser")

    def token(self, path=None):
        soup = self.soup(path or f"/{self.lang}/q/emergency_signs")
        return soup.find("input", {"name": "csrf_token"})["value"]

    def post(self, path, data, token=True):
        data = dict(data)
        if token:
            data.setdefault("csrf_token", self.token())
        return self.client.post(path, data=data)

    def answer(self, question_id, value, change=False):
        """Post one answer; ``value`` is a code, or a list of codes for checkboxes."""
        query = "?change=1" if change else ""
        return self.post(f"/{self.lang}/q/{question_id}{query}", {question_id: value})

    def walk(self, answers, start=None):
        """Follow the redirects from question to question, answering from ``answers``.

        Starts at the first question, or at ``start`` (a path). Returns the parsed result page.
        Fails if a page asks a question not in ``answers``.
        """
        path = start or f"/{self.lang}/q/emergency_signs"
        for _ in range(20):
            if path.endswith("/check"):
                self.get(path)
                response = self.post(path, {})
            elif path.endswith("/result"):
                return self.soup(path)
            else:
                question_id = path.rsplit("/", 1)[1].split("?")[0]
                assert question_id in answers, f"asked {question_id}, not in {answers}"
                response = self.answer(question_id, form_value(question_id, answers[question_id]))
            assert response.status_code == 302, (path, response.status_code, response.text[:500])
            path = response.headers["Location"]
        raise AssertionError("the questionnaire never reached a result")


def form_value(question_id, answer):
    """An answer as codes, as the form would send it."""
    if QUESTIONS_BY_ID[question_id].kind is Kind.RADIO:
        return answer
    return list(answer) or [NONE]
