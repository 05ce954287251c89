"""Built for a person in pain on a cheap phone: what the accessibility engines miss, checked in
Chromium in both languages (issue "Built for a person in pain")."""

import pytest

from backcare.triage.rules import RULES

from ..answers import EVERY_QUESTION, with_answers
from .person import Person

LANGS = ("en", "es")
PHONE = {"width": 320, "height": 640}

_BOUNDARY = """() => [...document.querySelectorAll(".button")]
  .filter(b => b.getClientRects().length)
  .map(b => { const s = getComputedStyle(b);
    return [b.textContent.trim(), s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor,
            s.backgroundColor]; })"""


@pytest.mark.parametrize("lang", LANGS)
def test_buttons_keep_a_visible_boundary_in_forced_colours(contexts, lang):
    page = contexts.page(lang, forced_colors="active")
    person = Person(page, lang)
    page.goto(f"/{lang}/")
    person.start()
    person.answer("emergency_signs", ("chest_pain",))
    for path in (f"/{lang}/", f"/{lang}/result"):
        page.goto(path)
        buttons = page.evaluate(_BOUNDARY)
        assert buttons, path
        for text, style, width, color, _ in buttons:
            assert style == "solid" and width >= 1, (path, text, style, width)
            assert color not in ("rgba(0, 0, 0, 0)", "transparent"), (path, text, color)


@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_call_is_one_large_button_whose_number_never_wraps(contexts, lang):
    page = contexts.page(lang, viewport=PHONE)
    person = Person(page, lang)
    person.start()
    person.answer("emergency_signs", ("chest_pain",))
    call = page.locator("a.button--call")
    box = call.bounding_box()
    room = call.locator("xpath=..").bounding_box()  # all the width the card gives it
    assert call.get_attribute("href") == "tel:911"
    assert box["height"] >= 44 and box["width"] >= room["width"] - 1
    number = call.locator(".nowrap")
    assert number.inner_text() == "911"
    assert len(number.evaluate("n => [...n.getClientRects()]")) == 1  # on one line
    # The action comes first, "Change my answers" right below it, the lists after.
    order = page.evaluate(
        """() => [...document.querySelectorAll("main a, main button, main h2")]
              .map(e => e.matches(".button--call") ? "call"
                       : e.textContent.trim())"""
    )
    assert order.index("call") < order.index(person.words("Change my answers"))
    assert order.index(person.words("Change my answers")) < order.index(
        person.words("What to tell them")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_error_summary_link_brings_the_question_into_view(contexts, lang):
    page = contexts.page(lang, viewport=PHONE)
    person = Person(page, lang)
    person.start()
    person.click(person.button("Continue"))  # no answer: the error summary at the top
    page.locator(".error-summary a").click()
    legend = page.locator("legend").bounding_box()
    error = page.locator(".error-message").bounding_box()
    assert legend["y"] >= -1 and error["y"] + error["height"] <= PHONE["height"], (legend, error)
    assert page.evaluate("document.activeElement.name") == "emergency_signs"


@pytest.mark.parametrize("lang", LANGS)
def test_print_and_start_again_come_before_the_reading_list(contexts, lang):
    page = contexts.page(lang)
    person = Person(page, lang)
    person.prefill(with_answers(injury="strain", activities=("desk_work",)))
    page.goto(f"/{lang}/result")
    stops = page.evaluate(
        """() => [...document.querySelectorAll("main a, main button")]
              .filter(e => e.getClientRects().length)
              .map(e => e.closest(".read-more") ? "reading" : e.textContent.trim())"""
    )
    assert stops.index(person.words("Start again")) < stops.index("reading")
    shown = page.locator(".read-more ul.resources a").filter(visible=True)
    assert 1 <= shown.count() <= 6  # the rest wait in "More pages that fit"


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_sits_in_a_landmark(contexts, lang):
    page = contexts.page(lang)
    person = Person(page, lang)
    person.start()
    outside = page.evaluate(
        """() => [...document.querySelectorAll("a")]
              .filter(a => !a.closest("header, nav, main, footer") && !a.matches(".skip-link"))
              .map(a => a.outerHTML)"""
    )
    assert outside == []
    assert page.locator("nav .back-link").count() == 1
    assert page.locator("header nav a.header__lang").count() == 1


#: A 375 px phone zoomed to 200% lays pages out in about 188 CSS pixels.
PHONE_ZOOMED = {"width": 188, "height": 333}
_SPLIT_WORDS = """() => {
  const split = [];
  for (const element of document.querySelectorAll("h1, h2, h3, label, legend, dt, .button")) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = [...range.getClientRects()].filter(rect => rect.width > 0).length;
        if (lines > 1) split.push(`${element.tagName}: ${match[0]}`);
      }
    }
  }
  return split;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_words_wrap_whole_at_200_percent_zoom_on_a_phone(contexts, lang):
    """Every question page, the start page and the result: no heading, label or button breaks a
    word across lines, and nothing scrolls sideways."""
    page = contexts.page(lang, viewport=PHONE_ZOOMED)
    person = Person(page, lang)
    page.goto(f"/{lang}/")
    seen = {"start": (page.evaluate(_SPLIT_WORDS), page.evaluate(_SCROLL))}
    person.start()
    while (question_id := person.question_id) is not None:
        seen[question_id] = (page.evaluate(_SPLIT_WORDS), page.evaluate(_SCROLL))
        person.answer(question_id, EVERY_QUESTION[question_id])
    if person.path.endswith("/check"):
        seen["check"] = (page.evaluate(_SPLIT_WORDS), page.evaluate(_SCROLL))
        person.see_result()
    seen["result"] = (page.evaluate(_SPLIT_WORDS), page.evaluate(_SCROLL))
    assert len(seen) >= 19  # the start page, all 17 questions, the result
    assert {name: found for name, found in seen.items() if found != ([], False)} == {}


_SCROLL = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.mark.parametrize("lang", LANGS)
def test_the_about_page_reads_the_rules_to_a_patient_without_their_codes(contexts, lang):
    """What Chromium renders (and a screen reader reads) of the about page has every rule in
    words and no rule code; the codes show only once a clinic opens their part."""
    page = contexts.page(lang)
    page.goto(f"/{lang}/about")
    shown = page.locator("main").inner_text()
    assert len(page.locator("main .rules li").all()) == len(RULES)
    assert not [rule.id for rule in RULES if rule.id in shown]
    page.locator("main details.rule-codes summary").click()
    opened = page.locator("main details.rule-codes").inner_text()
    assert [rule.id for rule in RULES if rule.id not in opened] == []
