"""Parts of pages that are the same for everyone, rendered once per language and clinic.

Most of a page does not depend on who is answering: a question's choices, the label of each
answer, each reason with its sources, the card of each level, each link of the catalog, the
header and footer. Rendering them through Jinja on every request took most of each page's time
(``bench/README.md``). Here the macros of ``templates/parts.html`` are rendered for every
question, answer, rule and section at once, the first time a page is shown in a language to a
clinic's visitors (or to everyone else), so what is kept says nothing about what anyone
answered. A page then joins the parts that fit the person's own answers.
"""

from dataclasses import dataclass

from flask import current_app, get_template_attribute, request
from flask_babel import get_locale
from markupsafe import Markup

from backcare.clinics import Clinic, active_clinic, emergency_number
from backcare.i18n import LANGUAGE_NAMES, other_language
from backcare.i18n import request_gettext as _
from backcare.triage import QUESTIONS
from backcare.triage.assessment import ACTIONS, Finding
from backcare.triage.catalog import CATALOG, Section
from backcare.triage.levels import Level
from backcare.triage.questions import Answers
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES
from backcare.web.links import external_link

#: Where a part leaves room for what a page puts in it (answers, links). It cannot come from a
#: catalog or translation: Jinja would keep a NUL only if one were written there.
_HOLE = Markup("\x00")


#: Markup that is already safe, kept as a plain ``str`` in the tables below: joining
#: ``Markup`` escapes each piece again, which made a summary cost 50 µs instead of 3.
Html = str


def _split(part: str) -> tuple[Html, Html]:
    """A part rendered around ``_HOLE`` as the markup before and after it."""
    before, after = str(part).split(_HOLE)  # Markup.split would give Markup back
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

    def findings(self, findings: tuple[Finding, ...], table: str) -> Markup:
        """Reasons (``table="reasons"``) or advice (``"advice"``) as list items."""
        items = getattr(self, table)
        return Markup("\n".join([items[f.rule.id, f.stressed] for f in findings]))

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


def page_parts() -> PageParts:
    """The parts for this request's language and clinic, rendered on first use."""
    clinic = active_clinic()
    key = (str(get_locale()), clinic.id if clinic else None, request.script_root)
    built = current_app.extensions.setdefault("backcare_page_parts", {})
    if key not in built or current_app.debug:  # `make run` shows edited templates at once
        built[key] = _render(key[0], clinic)
    return built[key]


def _render(language: str, clinic: Clinic | None) -> PageParts:
    def macro(name):
        return get_template_attribute("parts.html", name)

    number = emergency_number()
    choice, summary_row, section, resource = (
        macro(name) for name in ("choice", "summary_row", "section", "resource")
    )
    level_heading, care_card, reason, advice = (
        macro(name) for name in ("level_heading", "care_card", "reason", "advice")
    )
    localised = {r.id: r.localise(language) for s in CATALOG for r in s.resources}
    section_titles = {s.id: s.title(language) for s in CATALOG}
    publishers = {s.id: {"", *(localised[r.id].organization for r in s.resources)} for s in CATALOG}
    return PageParts(
        language=language,
        emergency_number=number,
        other_language=other_language(),
        other_language_name=LANGUAGE_NAMES[other_language()],
        head=macro("head")(),
        header_links=macro("header_links")(clinic),
        footer=macro("footer")(),
        choices={
            (q.id, o.code, checked): str(choice(q, o, checked))
            for q in QUESTIONS
            for o in q.options
            for checked in (False, True)
        },
        summary_rows={
            (q.id, change): _split(summary_row(q, change, _HOLE))
            for q in QUESTIONS
            for change in (False, True)
        },
        answer_labels={
            (q.id, o.code): str(Markup.escape(_(o.label))) for q in QUESTIONS for o in q.options
        },
        none_of_these=str(Markup.escape(_("None of these"))),
        level_headings={level.value: level_heading(level.value) for level in Level},
        care_cards={
            level.value: care_card(level.value, ACTIONS[level], clinic, number) for level in Level
        },
        reasons={
            (rule.id, stressed): str(reason(rule, text, number))
            for rule in LEVEL_RULES
            for stressed, text in _texts(rule)
        },
        advice={
            (rule.id, stressed): str(advice(rule, text, stressed, number))
            for rule in ADVICE_RULES
            for stressed, text in _texts(rule)
        },
        sections={
            (s.id, level, publisher): _split(
                section(s.id, section_titles[s.id], level, publisher, _HOLE)
            )
            for s in CATALOG
            for level in (2, 3)
            for publisher in publishers[s.id]
        },
        section_titles=section_titles,
        resources={
            (link.id, named): str(
                resource(
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
