"""Fragments: the pieces of a page that are the same for everyone, rendered once.

Most of a page does not depend on who is answering: a question's choices, the words of each
answer, each reason with its sources, each reading-list link, the header and footer. Each such
piece is a macro of ``templates/fragments.html``, declared here under the macro's name with the
keys it is rendered for (its key space). They are rendered for every key at once, per language,
clinic, reader (who is answering: the person with back pain, or someone for them), embedding
(inside a clinic's portal or not: ``embedding.py``) and address prefix (at start-up in
production: :func:`prerender`), and kept as ``Markup``. Page templates look them up by name and
key, ``{{ fragments.choice[question.id, option.code, checked] }}`` (a key of one value is that
value; a fragment without a key is the fragment itself), and do their own loops and layout.

What is kept says nothing about anyone's answers: every key is rendered, whoever asks. The
tables hold every language and configured clinic at the site's address and never drop what
start-up rendered; a page reached under another address prefix (a proxy's ``SCRIPT_NAME``)
gets tables of its own from a separate, bounded cache.
"""

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import Flask, current_app, request
from markupsafe import Markup

from backcare.clinic_profiles import Clinic
from backcare.clinics import active_clinic, emergency_number
from backcare.embedding import embedded
from backcare.i18n import page_language
from backcare.templating import templates
from backcare.triage import QUESTIONS, QUESTIONS_BY_ID
from backcare.triage.catalog import CATALOG, Section
from backcare.triage.levels import ACTIONS, CARE_ACTIONS, LEVEL_TITLES, Care, Level
from backcare.triage.rules import ADVICE_RULES, LEVEL_RULES, RULES_BY_ID
from backcare.triage.text import LANGUAGES, AnsweringFor
from backcare.web.answers import answer_codes, answering_for

Key = tuple


@dataclass(frozen=True)
class Fragment:
    """The macro ``name`` of ``templates/fragments.html``, rendered once for each key of
    ``keys(language)``; the macro takes the key as its arguments. A fragment that shows the
    visiting clinic (its name, phone or emergency number) is rendered per clinic, one whose
    words speak to "you" or about "them" per reader, one with links out of the page (which
    leave a clinic's frame) embedded and not; the others are shared."""

    name: str
    keys: Callable[[str], Iterable[Key]]
    by_clinic: bool = False
    by_reader: bool = False
    by_embedding: bool = False


def _each(*values) -> Callable[[str], Iterable[Key]]:
    return lambda language: [(value,) for value in values]


def _once(language: str) -> Iterable[Key]:
    return [()]


def _texts(rules) -> Callable[[str], Iterable[Key]]:
    """A rule's reason, and each of its variants' (a finding names the one that applies)."""
    return lambda language: [
        (rule.id, reason)
        for rule in rules
        for reason in (rule.reason, *(variant.reason for variant in rule.variants))
    ]


def _cares(language: str) -> Iterable[Key]:
    """Each level with no care, and each care with its level."""
    return [(level, None) for level in Level] + [(care.level, care) for care in Care]


_SECTIONS = {section.id: section for section in CATALOG}
_RESOURCES = {resource.id: resource for section in CATALOG for resource in section.resources}

FRAGMENTS: tuple[Fragment, ...] = (
    Fragment("head", _once),
    Fragment("header", _once, by_clinic=True, by_embedding=True),
    Fragment("footer", _once),
    Fragment("question_title", _each(*QUESTIONS_BY_ID), by_reader=True),
    Fragment("question_hint", _each(*QUESTIONS_BY_ID), by_reader=True),
    Fragment(
        "question_number",
        lambda language: [
            (number, total)
            for total in range(1, len(QUESTIONS) + 1)
            for number in range(1, total + 1)
        ],
    ),
    Fragment("back_link", _each("web.start", "web.check", *QUESTIONS_BY_ID)),
    Fragment(
        "choice",
        lambda language: [
            (question.id, option.code, checked)
            for question in QUESTIONS
            for option in question.options
            for checked in (False, True)
        ],
        by_reader=True,
    ),
    Fragment("summary_label", _each(*QUESTIONS_BY_ID)),
    Fragment("change_link", _each(*QUESTIONS_BY_ID)),
    Fragment(
        "answer",
        lambda language: [(q.id, option.code) for q in QUESTIONS for option in q.options],
        by_reader=True,
    ),
    Fragment("level_heading", _each(*Level), by_reader=True),
    Fragment("care_card", _cares, by_clinic=True, by_reader=True, by_embedding=True),
    Fragment("reason", _texts(LEVEL_RULES), by_clinic=True, by_reader=True, by_embedding=True),
    Fragment("advice", _texts(ADVICE_RULES), by_clinic=True, by_reader=True, by_embedding=True),
    Fragment(
        "section_heading",
        lambda language: [
            (section.id, level, anchor)
            for section in CATALOG
            for level in (2, 3)
            for anchor in ("", "-more")
        ],
    ),
    Fragment(
        "published_by",
        lambda language: {(r.localise(language).organization,) for r in _RESOURCES.values()},
    ),
    Fragment(
        "resource",
        lambda language: [(rid, named) for rid in _RESOURCES for named in (False, True)],
        by_embedding=True,
    ),
)

#: What the macros may look things up in, besides the app's template globals.
_LOOK_UPS = {
    "questions": QUESTIONS_BY_ID,
    "rules": RULES_BY_ID,
    "actions": ACTIONS,
    "care_actions": CARE_ACTIONS,
    "level_titles": LEVEL_TITLES,
    "sections": _SECTIONS,
    "resources": _RESOURCES,
}


class Fragments:
    """Every fragment of one language, clinic, reader, embedding and address prefix, each as an
    attribute named after its macro: ``fragments.choice[key]``, or ``fragments.head`` for one
    without a key. Plain attributes and dicts, because a page looks up dozens of them. Also
    keeps the pages that are the same for everyone there (``pages``)."""

    def __init__(
        self, tables: dict[str, dict[Key, Markup]], clinic: Clinic | None, reader, embedded: bool
    ):
        self.tables = tables
        for name, table in tables.items():
            setattr(self, name, _unpacked(table))
        self.answer = AnswerWords(tables["answer"])
        self.clinic = clinic
        self.reader = reader
        self.embedded = embedded
        self.emergency_number = emergency_number(clinic)
        self.pages: dict[str, str] = {}


class AnswerWords(dict):
    """An answer in words, ``fragments.answer[question_id, answer]``: a radio answer (a code) is
    its fragment; a checkbox answer (a tuple of codes) is one line a code, "None of these" for no
    signs, joined for the page that asks and never stored, so the table keeps only what was
    rendered for everyone."""

    def __missing__(self, key: tuple[str, tuple[str, ...]]) -> Markup:
        question_id, codes = key
        if isinstance(codes, str):  # a code with no fragment: not an answer
            raise KeyError(key)
        return Markup("<br>").join([self[question_id, code] for code in answer_codes(codes)])


def _unpacked(table: dict[Key, Markup]) -> Markup | dict:
    """A table as pages look it up: one value without a key, a value by itself as a key."""
    if list(table) == [()]:
        return table[()]
    if all(len(key) == 1 for key in table):
        return {key[0]: value for key, value in table.items()}
    return table


def _render(
    language: str,
    clinic: Clinic | None,
    reader: AnsweringFor,
    embedded: bool,
    made: dict | None,
) -> Fragments:
    """Render every fragment for ``language``, ``clinic``, ``reader`` and ``embedded`` (inside
    the clinic's portal) in the current request context. ``made``: tables already rendered for
    this language and address, by fragment and the clinic, reader and embedding it depends on;
    new ones are added to it."""
    macros = templates().get("fragments.html", language)
    context = {
        **_LOOK_UPS,
        "clinic": clinic,
        "clinic_name": clinic.name_in(language) if clinic else "",
        "emergency_number": emergency_number(clinic),
        "reader": reader,
        "embedded": embedded,
    }
    module = macros.make_module(context)
    made = {} if made is None else made
    tables = {}
    for fragment in FRAGMENTS:
        key = (
            fragment.name,
            clinic.id if clinic and fragment.by_clinic else None,
            reader if fragment.by_reader else None,
            embedded and fragment.by_embedding,
        )
        if key not in made:
            macro = getattr(module, fragment.name)
            made[key] = {args: macro(*args) for args in fragment.keys(language)}
        tables[fragment.name] = made[key]
    return Fragments(tables, clinic, reader, embedded)


class FragmentStore:
    """The fragments of every audience (language, clinic, reader, embedding, address prefix) of
    one app. Only a clinic that may frame the pages has an embedded audience."""

    def __init__(self, app: Flask):
        clinics = app.extensions["backcare_clinics"]
        #: Each clinic (or none), and whether its pages show in its portal.
        self.audiences = [(None, False)] + [
            (clinic_id, embedded)
            for clinic_id, clinic in clinics.items()
            for embedded in ((False, True) if clinic.frame_ancestors else (False,))
        ]
        #: At the site's own address: every language, clinic, reader and embedding, never dropped.
        self.at_root: dict[tuple[str, str | None, str, bool], Fragments] = {}
        #: The tables behind them, by language, fragment, and the audience it needs.
        self.made: dict[str, dict] = {language: {} for language in LANGUAGES}
        #: Under any other address prefix: at most as many again, the oldest dropped first.
        self.elsewhere: OrderedDict[tuple, Fragments] = OrderedDict()
        self.elsewhere_limit = len(LANGUAGES) * len(self.audiences) * len(AnsweringFor)

    def get(
        self,
        language: str,
        clinic: Clinic | None,
        reader: AnsweringFor,
        embedded: bool,
        script_root: str,
    ) -> Fragments:
        clinic_id = clinic.id if clinic else None
        if current_app.debug:  # edited templates show at once
            return _render(language, clinic, reader, embedded, None)
        if not script_root:
            key = (language, clinic_id, reader, embedded)
            if key not in self.at_root:
                made = self.made[language]
                self.at_root[key] = _render(language, clinic, reader, embedded, made)
            return self.at_root[key]
        key = (script_root, language, clinic_id, reader, embedded)
        if key in self.elsewhere:
            self.elsewhere.move_to_end(key)
        else:
            self.elsewhere[key] = _render(language, clinic, reader, embedded, None)
            while len(self.elsewhere) > self.elsewhere_limit:
                self.elsewhere.popitem(last=False)
        return self.elsewhere[key]


def store(app: Flask | None = None) -> FragmentStore:
    return (app or current_app).extensions["backcare_fragments"]


def for_request() -> Fragments:
    """The fragments for this request's language, clinic, reader, embedding and address."""
    return store().get(
        page_language(), active_clinic(), answering_for(), embedded(), request.script_root
    )


def prerender(app: Flask) -> None:
    """Render every language's and clinic's fragments now, at the site's root address: a
    fragment that cannot be rendered (a broken translation, say) stops the app from starting,
    rather than taking every page down, error pages included."""
    fragments = store(app)
    for language in LANGUAGES:
        for clinic_id, inside_portal in fragments.audiences:
            for reader in AnsweringFor:
                with app.test_request_context(f"/{language}/"):
                    clinic = app.extensions["backcare_clinics"].get(clinic_id)
                    fragments.get(language, clinic, reader, inside_portal, "")


@functools.lru_cache(maxsize=1024)
def _publishers(
    section_id: str, resource_ids: tuple[str, ...], language: str, publishers: bool
) -> tuple[str, tuple[tuple[str, bool], ...]]:
    title = _SECTIONS[section_id].title(language)
    names = [_RESOURCES[rid].localise(language).organization for rid in resource_ids]
    shared = names[0] if publishers and len(names) > 1 and len(set(names)) == 1 else ""
    links = tuple(
        (rid, publishers and not shared and name != title)
        for rid, name in zip(resource_ids, names, strict=True)
    )
    return (shared if shared != title else ""), links


def section_publishers(
    section: Section, language: str, publishers: bool = True
) -> tuple[str, tuple[tuple[str, bool], ...]]:
    """Who to name for a section's links: a publisher shared by all of them (more than one)
    once under the heading, else each beside its link (``publishers``); never when it is the
    section's own name. Returns the shared name (or "") and each link's resource id with
    whether to name its publisher beside it."""
    resource_ids = tuple(resource.id for resource in section.resources)
    return _publishers(section.id, resource_ids, language, publishers)


def init_app(app: Flask) -> None:
    app.extensions["backcare_fragments"] = FragmentStore(app)
    app.jinja_env.globals.update(section_publishers=section_publishers)

    @app.context_processor
    def fragment_context():
        fragments = for_request()
        return {
            "fragments": fragments,
            "clinic": fragments.clinic,
            "reader": fragments.reader,
            "emergency_number": fragments.emergency_number,
            "embedded": fragments.embedded,
        }
