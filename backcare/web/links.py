"""Links to other sites, in the person's language, built in Python.

A page holds dozens of these; as Jinja macros they cost about 10 µs each, here a fraction.
"""

from dataclasses import dataclass

from flask_babel import get_locale
from markupsafe import Markup

from backcare.i18n import request_gettext as _
from backcare.triage.catalog import Section
from backcare.triage.sources import Source

_LINK = Markup('<a href="{}" rel="noopener noreferrer">{}</a>')
_ENGLISH_LINK = Markup('<a href="{}" rel="noopener noreferrer" hreflang="en" lang="en">{}</a> {}')


def external_link(title: str, url: str, english: bool, lang: str | None = None) -> Markup:
    """A link that opens in the same tab; an English page on a Spanish page says so."""
    lang = lang or str(get_locale())
    if english and lang != "en":
        return _ENGLISH_LINK.format(url, title, _("(in English)"))
    return _LINK.format(url, title)


def source_link(source: Source, lang: str | None = None) -> Markup:
    """A rule's source: its Spanish page on a Spanish page where there is one."""
    lang = lang or str(get_locale())
    if lang == "es" and source.url_es and source.title_es:
        return external_link(source.title_es, source.url_es, False, lang)
    return external_link(source.title_en, source.url_en, True, lang)


@dataclass(frozen=True)
class SectionLinks:
    id: str
    title: str
    #: The one publisher of every link, named once for the section ("" when they differ).
    publisher: str
    #: (link, its publisher where it is named beside the link)
    links: tuple[tuple[Markup, str], ...]


def section_links(sections: tuple[Section, ...], publishers: bool = True) -> list[SectionLinks]:
    """Catalog sections ready to show: localised links, and who published them where useful."""
    lang = str(get_locale())
    shown = []
    for section in sections:
        title = section.title(lang)
        links = [resource.localise(lang) for resource in section.resources]
        names = {link.organization for link in links}
        shared = names.pop() if publishers and len(links) > 1 and len(names) == 1 else ""
        shown.append(
            SectionLinks(
                section.id,
                title,
                shared if shared != title else "",
                tuple(
                    (
                        external_link(link.title, link.url, link.fallback, lang),
                        link.organization
                        if publishers and not shared and link.organization != title
                        else "",
                    )
                    for link in links
                ),
            )
        )
    return shown
