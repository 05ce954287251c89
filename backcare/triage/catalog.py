"""The seed page's resource links (``catalog.toml``) and which of them fit a person's answers.

``CATALOG`` is every link of the MedlinePlus "Back Pain" page, grouped by its sections in page
order. ``match_sections`` picks the links that fit one assessment, following the table in
QUESTIONNAIRE.md ("Resource sections"), kept here as data: ``SHOW`` rows add links by tag,
``HIDE`` rows take links away, and ``HIDE`` always wins.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from types import MappingProxyType
from typing import Any

from backcare.triage.conditions import (
    Condition,
    Facts,
    all_of,
    answered_not,
    has,
    is_,
    level_in,
    pain_type_is,
)
from backcare.triage.levels import Level, PainType
from backcare.triage.questions import Answers
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


def _none_of_these(question: str) -> Condition:
    """A checkbox question was answered with "None of these" (not merely left unanswered)."""
    return lambda facts: question in facts.answers and not facts.answers[question]


def _unless(condition: Condition) -> Condition:
    return lambda facts: not condition(facts)


MAYBE_PREGNANT = ("yes", "not_sure")
_CALM = all_of(level_in(Level.SELF_CARE, Level.SOON), _none_of_these("warning_signs"))

#: (condition, tags): when the condition holds, links with any of the tags are shown. Rows are in
#: order of relevance, and so are the tags within a row: a link ranks by the first row and tag
#: that picks it, and a section by its best link.
SHOW: tuple[tuple[Condition, tuple[str, ...]], ...] = (
    (level_in(Level.URGENT, Level.SOON), ("visit", "expert")),
    (is_("pregnant", *MAYBE_PREGNANT), ("pregnancy",)),
    (has("leg_symptoms"), ("leg",)),
    (answered_not("injury", "none"), ("injury", "return-to-sports")),
    (pain_type_is(PainType.CHRONIC), ("chronic", "chronic-care", "invasive")),
    (all_of(_CALM, pain_type_is(PainType.ACUTE)), ("acute",)),
    (all_of(_CALM, pain_type_is(PainType.CHRONIC)), ("chronic",)),
    (_CALM, ("home-care", "prevention", "hands-on")),
    (has("activities", "desk_work"), ("office", "posture", "return-to-work")),
    (has("activities", "manual_work"), ("return-to-work", "lifting", "strengthening")),
    (has("activities", "sports"), ("sports", "return-to-sports", "strengthening", "active-living")),
    # Last: the general overviews matter less than anything picked for this person.
    (level_in(Level.SELF_CARE, Level.SOON, Level.URGENT), ("start",)),
)

#: (condition, tags): safety exclusions. When the condition holds, no link with any of the tags
#: is shown, whatever ``SHOW`` says. An unanswered question counts as the unsafe answer, so a
#: missing answer can never let these links through.
HIDE: tuple[tuple[Condition, tuple[str, ...]], ...] = (
    # Massage, manipulation and the like are not for someone with a warning sign.
    # (QUESTIONNAIRE.md's chronic row still shows the overview of complementary practices.)
    (_unless(_none_of_these("warning_signs")), ("hands-on",)),
    # Injections, surgery and narcotics are not for children or in a possible pregnancy.
    (
        _unless(all_of(is_("age", "18_to_50", "over_50"), is_("pregnant", "no"))),
        ("invasive",),
    ),
)


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


def match_sections(
    answers: Answers, level: Level, pain_type: PainType | None
) -> tuple[Section, ...]:
    """The catalog sections that fit these answers, each holding only its matching links.

    ``answers`` maps question ids to codes (a tuple for checkbox questions, empty for "None of
    these"); ``level`` and ``pain_type`` come from the assessment. Sections come most relevant
    first, each once, with the best-fitting links first; a link the page lists in two sections
    is shown once, in the first. The emergency result shows no resources, so it gets none.
    """
    if level == Level.EMERGENCY:
        return ()
    facts = Facts(answers, level, pain_type)
    hidden = {tag for when, tags in HIDE if when(facts) for tag in tags}
    rank_of: dict[tuple[int, int], tuple[int, int]] = {}  # link's place on the page → best rank
    for row, (when, tags) in enumerate(SHOW):
        if when(facts):
            for position, tag in enumerate(tags):
                for place in _PLACES_BY_TAG.get(tag, ()):
                    rank_of.setdefault(place, (row, position))  # rows come best first

    shown: set[str] = set()
    picked: dict[int, list[tuple[tuple[int, int], Resource]]] = {}
    for place in sorted(rank_of):  # page order
        section_order, order = place
        resource = CATALOG[section_order].resources[order]
        if resource.tags & hidden or resource.id in shown:
            continue
        shown.add(resource.id)
        picked.setdefault(section_order, []).append((rank_of[place], resource))
    ranked = []
    for section_order, links in picked.items():
        links.sort(key=lambda item: item[0])  # stable: page order among equals
        matched = replace(CATALOG[section_order], resources=tuple(r for _, r in links))
        ranked.append((links[0][0], section_order, matched))
    ranked.sort(key=lambda item: item[:2])
    return tuple(section for _, _, section in ranked)


def _places_by_tag() -> dict[str, tuple[tuple[int, int], ...]]:
    """tag → where its links sit on the page: (the section's place, the link's place in it)."""
    places: dict[str, list[tuple[int, int]]] = {}
    for section_order, section in enumerate(CATALOG):
        for order, resource in enumerate(section.resources):
            for tag in resource.tags:
                places.setdefault(tag, []).append((section_order, order))
    return {tag: tuple(found) for tag, found in places.items()}


_PLACES_BY_TAG = _places_by_tag()
