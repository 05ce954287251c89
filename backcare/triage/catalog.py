"""The seed page's resource links (``catalog.toml``) and which of them fit a person's answers.

``CATALOG`` is every link of the MedlinePlus "Back Pain" page, grouped by its sections in page
order. ``match_resources`` picks the links that fit one assessment, following the table in
QUESTIONNAIRE.md v2 ("Resource sections"), kept here as data: ``SHOW`` rows add links by tag,
``HIDE`` rows take links away, ``HIDE`` always wins, and links tagged ``CATALOG_ONLY`` are never
matched. The matches are split into the few shown at once and the rest ("more").
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from types import MappingProxyType
from typing import Any

from backcare.triage.conditions import (
    CHILD,
    COULD_BE_PREGNANT,
    FIRST_PAIN_AFTER_50,
    NOT_EMERGENCY,
    Answers,
    Condition,
    Facts,
    all_of,
    any_of,
    has,
    has_none,
    is_,
    is_not,
    level_in,
    pain_type_is,
    unless,
)
from backcare.triage.levels import Level, PainType
from backcare.triage.text import LANGUAGES


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")


@dataclass(frozen=True)
class LocalisedResource:
    """A resource as shown on a page in one language."""

    id: str
    title: str
    url: str
    organization: str
    #: The language of the page behind ``url`` (for ``hreflang`` and ``lang``).
    language: str
    #: True when a Spanish page shows the English link because the seed gives no Spanish one:
    #: the page marks it "(en inglés)".
    fallback: bool


@dataclass(frozen=True)
class Resource:
    """One link of the seed page. ``title_es`` and ``url_es`` only where it is "Also in Spanish"."""

    id: str
    title_en: str
    organization: str
    url_en: str
    tags: frozenset[str] = frozenset()
    title_es: str | None = None
    url_es: str | None = None
    #: The publisher's name in Spanish, from ``catalog.toml``'s ``organizations_es`` table.
    organization_es: str | None = None

    def localise(self, lang: str) -> LocalisedResource:
        """This link for a page in ``lang``: Spanish where the seed gives it, else English."""
        _check_lang(lang)
        organization = (lang == "es" and self.organization_es) or self.organization
        if lang == "es" and self.url_es is not None and self.title_es is not None:
            return LocalisedResource(
                self.id, self.title_es, self.url_es, organization, "es", fallback=False
            )
        return LocalisedResource(
            self.id, self.title_en, self.url_en, organization, "en", fallback=lang != "en"
        )


@dataclass(frozen=True)
class Section:
    """A section of the seed page (or, from ``match_sections``, the part of it that matched)."""

    id: str
    title_en: str
    title_es: str
    resources: tuple[Resource, ...]

    def title(self, lang: str) -> str:
        """The section's heading in ``lang``."""
        _check_lang(lang)
        return self.title_es if lang == "es" else self.title_en


def _load(text: str) -> tuple[Section, ...]:
    """Build the catalog from the TOML text, checking what the matching relies on."""
    by_id: dict[str, Resource] = {}
    by_url: dict[str, str] = {}
    sections: list[Section] = []
    data = tomllib.loads(text)
    organizations_es = data.get("organizations_es", {})
    for raw_section in data["sections"]:
        entries: list[Resource] = []
        for raw in raw_section["resources"]:
            if "same_as" in raw:
                if set(raw) != {"same_as"} or raw["same_as"] not in by_id:
                    raise ValueError(f"bad same_as entry in {raw_section['id']}: {raw}")
                entries.append(by_id[raw["same_as"]])
                continue
            resource = _resource(raw, organizations_es)
            for url in filter(None, (resource.url_en, resource.url_es)):
                if url in by_url:
                    raise ValueError(f"{url} is in {by_url[url]} and {resource.id}: use same_as")
                by_url[url] = resource.id
            if resource.id in by_id:
                raise ValueError(f"duplicate resource id {resource.id!r}")
            by_id[resource.id] = resource
            entries.append(resource)
        sections.append(
            Section(
                raw_section["id"], raw_section["title_en"], raw_section["title_es"], tuple(entries)
            )
        )
    if len({section.id for section in sections}) != len(sections):
        raise ValueError("duplicate section id")
    return tuple(sections)


def _resource(raw: Mapping[str, Any], organizations_es: Mapping[str, str]) -> Resource:
    resource = Resource(
        **{
            **raw,
            "tags": frozenset(raw.get("tags", ())),
            "organization_es": organizations_es.get(raw.get("organization", "")),
        }
    )
    if (resource.title_es is None) != (resource.url_es is None):
        raise ValueError(f"{resource.id}: title_es and url_es go together")
    return resource


#: The whole catalog, in the seed page's order.
CATALOG: tuple[Section, ...] = _load(
    resources.files(__package__).joinpath("catalog.toml").read_text(encoding="utf-8")
)

#: Every distinct resource by id, in the order the page first lists it.
RESOURCES: Mapping[str, Resource] = MappingProxyType(
    {resource.id: resource for section in CATALOG for resource in section.resources}
)


@dataclass(frozen=True)
class Show:
    """A row of the table: when ``when`` holds, links with any of ``tags`` fit.

    ``at_once`` rows are the ones shown first (the handout for the pain type, home care, the
    activity pages, Start Here); the other matches go under "more".
    """

    when: Condition
    tags: tuple[str, ...]
    at_once: bool = False


@dataclass(frozen=True)
class Hide:
    """A safety exclusion: when ``when`` holds, no link with any of ``tags`` is shown."""

    when: Condition
    tags: tuple[str, ...]


#: An adult who answered the age question (an unanswered age counts as a child: fail safe).
_ADULT = is_("age", "18_to_50", "51_to_70", "over_70")
#: Self care or soon, and "None of these" for both warning signs and health.
_CALM = all_of(level_in(Level.SELF_CARE, Level.SOON), has_none("warning_signs"), has_none("health"))

#: The rows in order of fit, best first, and the tags within a row too: a link ranks by the
#: first row and tag that picks it, and a section by its best link.
SHOW: tuple[Show, ...] = (
    # Shown at once, in this order.
    Show(pain_type_is(PainType.CHRONIC), ("chronic",), at_once=True),
    Show(all_of(_CALM, pain_type_is(PainType.ACUTE)), ("acute",), at_once=True),
    Show(_CALM, ("home-care",), at_once=True),
    Show(has("activities", "desk_work"), ("office", "posture", "return-to-work"), at_once=True),
    Show(
        has("activities", "manual_work"),
        ("return-to-work", "lifting", "strengthening"),
        at_once=True,
    ),
    Show(
        has("activities", "sports"),
        ("sports", "return-to-sports", "strengthening", "active-living"),
        at_once=True,
    ),
    Show(NOT_EMERGENCY, ("start",), at_once=True),
    # More pages that fit.
    Show(level_in(Level.URGENT, Level.SOON), ("visit", "expert")),
    Show(COULD_BE_PREGNANT, ("pregnancy",)),
    Show(has("leg_symptoms"), ("leg",)),
    Show(is_not("injury", "none"), ("injury", "return-to-sports")),
    Show(pain_type_is(PainType.CHRONIC), ("chronic-care",)),
    Show(_CALM, ("prevention", "complementary", "hands-on")),
)

#: Safety exclusions. An unanswered question counts as the unsafe answer, so a missing answer
#: can never let these links through.
HIDE: tuple[Hide, ...] = (
    # Massage, manipulation, chiropractic and acupressure: not for children, in a possible
    # pregnancy, for first back pain after 50, or with any warning sign or health item.
    Hide(
        any_of(
            unless(_ADULT),
            CHILD,
            COULD_BE_PREGNANT,
            FIRST_PAIN_AFTER_50,
            unless(has_none("warning_signs")),
            unless(has_none("health")),
        ),
        ("hands-on",),
    ),
    Hide(unless(_ADULT), ("adult-only",)),
)

#: Tags whose links are in the catalog only, never matched to answers (invasive treatments and
#: the narcotics handout: NICE NG59; Diagnosis and Tests carries no tag at all).
CATALOG_ONLY: frozenset[str] = frozenset({"invasive"})

#: At most this many links are shown at once.
MAX_AT_ONCE = 6


@dataclass(frozen=True)
class Resources:
    """The links that fit one assessment, as sections, each link once.

    ``first``: the few shown at once (at most ``MAX_AT_ONCE`` links); ``more``: the other
    matches, for a "More pages that fit your answers" part. ``sections`` is all of them together,
    best first. A section can appear in both ``first`` and ``more`` with different links.
    """

    first: tuple[Section, ...] = ()
    more: tuple[Section, ...] = ()
    sections: tuple[Section, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sections)


def listed_once(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The sections with each resource only where the page first lists it.

    The seed repeats its handouts under Medical Encyclopedia; a reader needs each address once.
    """
    seen: set[str] = set()
    kept = []
    for section in sections:
        fresh = tuple(r for r in section.resources if r.id not in seen)
        seen.update(r.id for r in fresh)
        if fresh:
            kept.append(replace(section, resources=fresh))
    return tuple(kept)


def match_resources(answers: Answers, level: Level, pain_type: PainType | None) -> Resources:
    """The catalog links that fit these answers, split into ``first`` and ``more``.

    ``answers`` maps question ids to codes (a tuple for checkbox questions, empty for "None of
    these"); ``level`` and ``pain_type`` come from the assessment. Links come best-fitting first;
    a link the page lists in two sections is shown once, in the first. The emergency result
    shows no resources, so it gets none.
    """
    if level == Level.EMERGENCY:
        return Resources()
    facts = Facts(answers, level, pain_type)
    hidden = CATALOG_ONLY | {tag for row in HIDE if row.when(facts) for tag in row.tags}
    rank_of: dict[tuple[int, int], tuple[int, int]] = {}  # link's place on the page → best rank
    for row_number, row in enumerate(SHOW):
        if row.when(facts):
            for position, tag in enumerate(row.tags):
                for place in _PLACES_BY_TAG.get(tag, ()):
                    rank_of.setdefault(place, (row_number, position))  # rows come best first
    shown: set[str] = set()
    links: list[tuple[tuple[int, int], tuple[int, int], Resource]] = []
    for place in sorted(rank_of):  # page order: a link twice on the page is kept where first
        resource = CATALOG[place[0]].resources[place[1]]
        if resource.tags & hidden or resource.id in shown:
            continue
        shown.add(resource.id)
        links.append((rank_of[place], place, resource))
    links.sort(key=lambda link: link[:2])
    at_once = [link for link in links if SHOW[link[0][0]].at_once][:MAX_AT_ONCE]
    more = [link for link in links if link not in at_once]
    return Resources(_grouped(at_once), _grouped(more), _grouped(links))


def match_sections(
    answers: Answers, level: Level, pain_type: PainType | None
) -> tuple[Section, ...]:
    """Every matching section, best first (``match_resources(...).sections``)."""
    return match_resources(answers, level, pain_type).sections


def _grouped(
    links: list[tuple[tuple[int, int], tuple[int, int], Resource]],
) -> tuple[Section, ...]:
    """Ranked links as sections: a section where its best link ranks, its links in rank order."""
    by_section: dict[int, list[Resource]] = {}
    for _, (section_order, _), resource in links:
        by_section.setdefault(section_order, []).append(resource)
    sections = [(CATALOG[order], resources) for order, resources in by_section.items()]
    # The constructor, not dataclasses.replace: a result page builds a dozen of these.
    return tuple(Section(s.id, s.title_en, s.title_es, tuple(links)) for s, links in sections)


def _places_by_tag() -> dict[str, tuple[tuple[int, int], ...]]:
    """tag → where its links sit on the page: (the section's place, the link's place in it)."""
    places: dict[str, list[tuple[int, int]]] = {}
    for section_order, section in enumerate(CATALOG):
        for order, resource in enumerate(section.resources):
            for tag in resource.tags:
                places.setdefault(tag, []).append((section_order, order))
    return {tag: tuple(found) for tag, found in places.items()}


_PLACES_BY_TAG = _places_by_tag()


def _check_table() -> None:
    shown_tags = {tag for row in SHOW for tag in row.tags}
    if shown_tags & CATALOG_ONLY:
        raise ValueError(f"catalog-only tags in SHOW: {sorted(shown_tags & CATALOG_ONLY)}")


_check_table()
