"""Checks every rendered page in the tests must pass (after GOV.UK Notify's client_request)."""

from collections import Counter
from html.parser import HTMLParser

from bs4 import BeautifulSoup

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Balance(HTMLParser):
    """Finds tags closed out of order or never closed: the page must parse cleanly."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def result_facts(soup):
    """The result page's public contract: data-level, data-pain-type, data-care,
    data-rules-version and each data-rule."""
    main = soup.find("main")
    rules = [item["data-rule"] for item in soup.select("[data-rule]")]
    marks = ("data-level", "data-pain-type", "data-care", "data-rules-version")
    return (*(main.get(mark) for mark in marks), rules)


def check_page_quality(response):
    html = response.text
    soup = BeautifulSoup(html, "html.parser")
    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"{len(h1s)} h1 elements"
    title = soup.title.get_text(" ", strip=True)
    heading = h1s[0].get_text(" ", strip=True)
    assert title.removeprefix("Error: ").startswith(heading), (title, heading)
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {ids}"
    assert soup.html.get("lang") in ("en", "es")
    assert not soup.find(attrs={"required": True}), "no required attributes (GOV.UK guidance)"
    assert "<!--" not in html, "no HTML comments reach patients"
    for script in soup.find_all("script"):
        if script.get("type") == "application/json":  # data a script reads, never run
            continue
        assert script.get("src", "").startswith("/static/"), "scripts only from the app"
    balance = _Balance()
    balance.feed(html)
    assert not balance.problems and not balance.stack, (balance.problems, balance.stack)
