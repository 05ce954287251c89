"""Every page a person can meet in one language, fetched through the test client."""

from backcare.triage import Journey

from .answers import EVERY_QUESTION, with_answers
from .questionnaire import Questionnaire

#: Answer sets that between them reach every question page and every kind of result.
ANSWER_SETS = (
    EVERY_QUESTION,  # asks every question
    with_answers(injury="strain"),
    with_answers(severity="severe"),
    {"emergency_signs": ("chest_pain",)},
    with_answers(pregnant="yes", pregnancy_signs=("contractions",)),  # stops early, maternity
)


def every_page(app, lang: str, clinic: str | None = None, embed: bool = False) -> dict[str, object]:
    """``{label: response}`` for the start, catalog and about pages, each question page (fresh,
    filled in, changing, with an error), the check page, each kind of result, and the error
    pages a person can reach. With ``clinic``, the visit starts from that clinic's link (with
    ``embed``, a link for pages in its portal)."""
    link = f"/{lang}/?clinic={clinic}" + ("&embed=1" if embed else "")
    pages = {}
    walker = Questionnaire(app.test_client(), lang)
    if clinic:
        walker.get(link)
    for path in (f"/{lang}/", f"/{lang}/resources", f"/{lang}/about", f"/{lang}/q/emergency_signs"):
        pages[path] = walker.get(path)
    pages["question with an error"] = walker.post(f"/{lang}/q/emergency_signs", {})
    pages["tampered form"] = walker.post(f"/{lang}/q/emergency_signs", {"emergency_signs": "x"})
    pages["expired form"] = walker.post(f"/{lang}/q/emergency_signs", {}, token=False)
    pages["not found"] = walker.get(f"/{lang}/no-such-page")
    pages["wrong method"] = walker.get(f"/{lang}/start-again")
    pages["too large"] = walker.post(f"/{lang}/q/emergency_signs", {"x": "x" * 20_000})
    for number, answers in enumerate(ANSWER_SETS):
        walker = Questionnaire(app.test_client(), lang)
        if clinic:
            walker.get(link)
        walker.walk(answers)
        pages[f"result ({number})"] = walker.get(f"/{lang}/result")
        for question in Journey.of(answers).asked if number == 0 else ():
            for query in ("", "?change=1"):
                path = f"/{lang}/q/{question.id}{query}"
                response = walker.get(path)
                if response.status_code == 200:
                    pages[f"{path} ({number})"] = response
        check = walker.get(f"/{lang}/check")
        if check.status_code == 200:
            pages[f"check ({number})"] = check
    return pages
