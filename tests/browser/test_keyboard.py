"""The whole questionnaire by keyboard alone (Tab, Space, arrows, Enter), with a focus that can
be seen on everything that takes it, and the error summary taking focus when a page has one."""

from backcare.triage import QUESTIONS_BY_ID
from backcare.triage.questions import Kind

from ..answers import with_answers
from .person import Person, codes, input_id

#: What makes a focus visible: outline, shadow, background and colour.
_LOOK = """e => { const s = getComputedStyle(e);
  return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow, s.backgroundColor, s.color]
    .join(" | "); }"""


def look(page, selector):
    return page.locator(selector).first.evaluate(_LOOK)


def focused_look(page):
    return page.evaluate(f"({_LOOK})(document.activeElement)")


def tab_and_see_focus(person, selector):
    """Tab to ``selector`` and check that its look changed when it took the focus."""
    before = look(person.page, selector)
    person.tab_to(selector)
    after = focused_look(person.page)
    assert after != before, f"no visible focus on {selector}: {after}"


def choose_by_keyboard(person, question_id, answer):
    page = person.page
    question = QUESTIONS_BY_ID[question_id]
    if question.kind is Kind.CHECKBOX:
        for code in codes(question_id, answer):
            tab_and_see_focus(person, f"#{input_id(question_id, code)}")
            page.keyboard.press("Space")
    else:
        # Tab enters the group on its first radio; the arrow keys move the choice.
        tab_and_see_focus(person, f"input[name='{question_id}']")
        index = [option.code for option in question.options].index(answer)
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    assert page.locator(f"#{input_id(question_id, codes(question_id, answer)[-1])}").is_checked()


def press_enter_on(person, selector):
    tab_and_see_focus(person, selector)
    return person.navigate(lambda: person.page.keyboard.press("Enter"))


def test_the_whole_questionnaire_by_keyboard_alone(contexts):
    page = contexts.page("en")
    person = Person(page, "en")
    answers = with_answers(injury="strain")
    page.goto("/en/")
    # The first Tab shows the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0
    press_enter_on(person, ".button--start")

    # Continue with no answer: the error summary takes the focus, visibly.
    press_enter_on(person, "main form .button")
    page.wait_for_function("document.activeElement.matches('[data-error-summary]')")
    focused = focused_look(page)
    page.evaluate("document.activeElement.blur()")
    assert look(page, "[data-error-summary]") != focused, "no visible focus on the error summary"
    tab_and_see_focus(person, ".error-summary a")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "emergency_signs"

    while (question_id := person.question_id) is not None:
        choose_by_keyboard(person, question_id, answers[question_id])
        press_enter_on(person, "main form .button")
    assert person.path == "/en/check"
    tab_and_see_focus(person, ".summary__action a")
    press_enter_on(person, "main form .button")
    assert person.result()[0] == "soon"
    tab_and_see_focus(person, ".header__lang")
