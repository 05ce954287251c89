"""Parts of pages that are the same for everyone, rendered once per language, clinic and
address prefix.

Most of a page does not depend on who is answering: a question's choices, the label of each
answer, each reason with its sources, the card of each level, each link of the catalog, the
header and footer. Rendering them through Jinja on every request took most of each page's time
(``bench/README.md``). Here the macros of ``templates/parts.html`` are rendered for every
question, answer, rule and section at once (at start-up, see :func:`render_all`), so what is
kept says nothing about what anyone answered. A page then joins the parts that fit the person's
own answers.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flask import Flask, current_app, request
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from backcare.clinics import Clinic, active_clinic, emergency_number
from backcare.i18n import LANGUAGE_NAMES, other_language
from backcare.triage import QUESTIONS
from backcare.triage.assessment import ACTIONS, Finding
from backcare.triage.catalog import CATALOG, Section
from backcare.triage.levels import Level
from backcare.triage.questions import Answers
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES
from backcare.triage.text import LANGUAGES
from backcare.web.links import external_link

#: Where a part leaves room for what a page puts in it (answers, links): a NUL, which no
#: question, translation or catalog entry contains.
_HOLE = Markup("\x00")

#: More keys than a table of :func:`kept` holds in any real deployment: past it the table
#: starts again, so odd address prefixes sent by a proxy cannot grow it without end.
_MAX_KEYS = 64
T = TypeVar("T")


#: Markup that is already safe, kept as a plain ``str`` in the tables below: joining
#: ``Markup`` escapes each piece again, which made a summary cost 55 µs instead of 12.
Html = str


def _split(part: str) -> tuple[Html, Html]:
    """A part rendered around ``_HOLE`` as the markup before and after it."""
    before, hole, after = str(part).partition(_HOLE)  # Markup's would give Markup back
    if not hole or _HOLE in after:
        raise ValueError(f"a part must hold its hole once: {part[:80]!r}")
    return before, after


@dataclass(frozen=True)
class PageParts:
    language: str
    emergency_number: str
    other_language: str
    other_language_name: str
    head: Markup
    header_links: Markup
    footer: Markup
    #: (question id, code, checked) → the choice's markup
    choices: dict[tuple[str, str, bool], Html]
    #: (question id, with a Change link) → the row's markup before and after its answer
    summary_rows: dict[tuple[str, bool], tuple[Html, Html]]
    #: (question id, code) → the answer in words, escaped
    answer_labels: dict[tuple[str, str], Html]
    none_of_these: Html
    level_headings: dict[str, Markup]
    care_cards: dict[str, Markup]
    #: (rule id, stressed) → the list item of a reason or of advice
    reasons: dict[tuple[str, bool], Html]
    advice: dict[tuple[str, bool], Html]
    #: (section id, heading level, publisher named once for the section) → before and after
    sections: dict[tuple[str, int, str], tuple[Html, Html]]
    section_titles: dict[str, str]
    #: (resource id, its publisher named beside it) → the list item
    resources: dict[tuple[str, bool], Html]
    organizations: dict[str, str]

    def choice_list(self, question, chosen: tuple[str, ...]) -> Markup:
        """Every choice of ``question``, with the ``chosen`` codes checked."""
        parts = self.choices
        return Markup(
            "\n".join(
                parts[question.id, option.code, option.code in chosen]
                for option in question.options
            )
        )

    def summary(self, answers: Answers, change_links: bool = False) -> Markup:
        """The rows of an answers summary, in the order the answers were given."""
        rows = []
        for question_id, answer in answers.items():
            before, after = self.summary_rows[question_id, change_links]
            codes = (answer,) if isinstance(answer, str) else answer
            labels = "<br>".join([self.answer_labels[question_id, code] for code in codes])
            rows.append(before + (labels or self.none_of_these) + after)
        return Markup("\n".join(rows))

    def reason_list(self, findings: tuple[Finding, ...]) -> Markup:
        """The reasons for the level, as list items."""
        return Markup("\n".join([self.reasons[f.rule.id, f.stressed] for f in findings]))

    def advice_list(self, findings: tuple[Finding, ...]) -> Markup:
        """The advice, as list items."""
        return Markup("\n".join([self.advice[f.rule.id, f.stressed] for f in findings]))

    def resource_sections(
        self, sections: tuple[Section, ...], level: int = 2, publishers: bool = True
    ) -> Markup:
        """Catalog sections with their links. A publisher shared by all of a section's links
        is named once under its heading, else beside each link (``publishers``); never when it
        is the section's own name."""
        shown = []
        for section in sections:
            title = self.section_titles[section.id]
            names = [self.organizations[resource.id] for resource in section.resources]
            shared = names[0] if publishers and len(names) > 1 and len(set(names)) == 1 else ""
            before, after = self.sections[section.id, level, shared if shared != title else ""]
            links = "\n".join(
                [
                    self.resources[resource.id, publishers and not shared and name != title]
                    for resource, name in zip(section.resources, names, strict=True)
                ]
            )
            shown.append(before + links + after)
        return Markup("\n".join(shown))


def kept(table: str, key: tuple, make: Callable[[], T]) -> T:
    """``make()``, kept by the app in ``table`` under ``key``, which must hold everything the
    result depends on. In debug mode it is made again each time, so edited templates show."""
    app = current_app._get_current_object()
    made = app.extensions.setdefault(table, {})
    if key not in made or app.debug:
        if len(made) >= _MAX_KEYS:
            made.clear()
        made[key] = make()
    return made[key]


def audience() -> tuple[str, str | None, str]:
    """What a part or page that is the same for everyone depends on: the language, the visiting
    clinic and the address prefix."""
    clinic = active_clinic()
    return str(get_locale()), clinic.id if clinic else None, request.script_root


def page_parts() -> PageParts:
    """The parts for this request's language, clinic and address prefix."""
    key = audience()
    return kept("backcare_page_parts", key, lambda: _render(key[0], active_clinic()))


def render_all(app: Flask) -> None:
    """Render every language's and clinic's parts now, at the site's root address: a part that
    cannot be rendered (a broken translation, say) stops the app from starting, rather than
    taking every page down, error pages included."""
    clinics = [None, *app.extensions["backcare_clinics"]]
    for language in LANGUAGES:
        for clinic in clinics:
            query = f"?clinic={clinic}" if clinic else ""
            with app.test_request_context(f"/{language}/{query}"):
                page_parts()


def _render(language: str, clinic: Clinic | None) -> PageParts:
    with force_locale(language):  # every look-up below, templates included, in ``language``
        return _render_in_locale(language, clinic)


def _render_in_locale(language: str, clinic: Clinic | None) -> PageParts:
    macros = current_app.jinja_env.for_language(language).get_template("parts.html").module
    number = emergency_number(clinic)
    other = other_language(language)
    localised = {r.id: r.localise(language) for s in CATALOG for r in s.resources}
    section_titles = {s.id: s.title(language) for s in CATALOG}
    publishers = {s.id: {"", *(localised[r.id].organization for r in s.resources)} for s in CATALOG}
    return PageParts(
        language=language,
        emergency_number=number,
        other_language=other,
        other_language_name=LANGUAGE_NAMES[other],
        head=macros.head(),
        header_links=macros.header_links(clinic),
        footer=macros.footer(),
        choices={
            (q.id, o.code, checked): str(macros.choice(q, o, checked))
            for q in QUESTIONS
            for o in q.options
            for checked in (False, True)
        },
        summary_rows={
            (q.id, change): _split(macros.summary_row(q, change, _HOLE))
            for q in QUESTIONS
            for change in (False, True)
        },
        answer_labels={
            (q.id, o.code): str(Markup.escape(_(o.label))) for q in QUESTIONS for o in q.options
        },
        none_of_these=str(Markup.escape(_("None of these"))),
        level_headings={level.value: macros.level_heading(level.value) for level in Level},
        care_cards={
            level.value: macros.care_card(level.value, ACTIONS[level], clinic, number)
            for level in Level
        },
        reasons={
            (rule.id, stressed): str(macros.reason(rule, text, number))
            for rule in LEVEL_RULES
            for stressed, text in _texts(rule)
        },
        advice={
            (rule.id, stressed): str(macros.advice(rule, text, stressed, number))
            for rule in ADVICE_RULES
            for stressed, text in _texts(rule)
        },
        sections={
            (s.id, level, publisher): _split(
                macros.section(s.id, section_titles[s.id], level, publisher, _HOLE)
            )
            for s in CATALOG
            for level in (2, 3)
            for publisher in publishers[s.id]
        },
        section_titles=section_titles,
        resources={
            (link.id, named): str(
                macros.resource(
                    external_link(link.title, link.url, link.fallback, language),
                    link.organization if named else "",
                )
            )
            for link in localised.values()
            for named in (False, True)
        },
        organizations={rid: link.organization for rid, link in localised.items()},
    )


def _texts(rule):
    """A rule's reason, and its stressed reason when it has one, by ``stressed``."""
    yield False, rule.reason
    if rule.stressed_reason:
        yield True, rule.stressed_reason
