"""Links to other sites, in the page's language: the catalog's links and the rules' sources."""

from flask_babel import gettext as _
from markupsafe import Markup

from backcare.triage.sources import Source

# No rel="noreferrer" on each link: the Referrer-Policy header (headers.py) and the page's
# referrer meta (fragments.html, head) already send no address to other sites, for every link.
_LINK = Markup('<a href="{}">{}</a>')
_ENGLISH_LINK = Markup('<a href="{}" hreflang="en" lang="en">{}</a> {}')


def external_link(title: str, url: str, english: bool, lang: str) -> Markup:
    """A link that opens in the same tab; an English page on a Spanish page says so."""
    if english and lang != "en":
        return _ENGLISH_LINK.format(url, title, _("(in English)"))
    return _LINK.format(url, title)


def source_link(source: Source, lang: str) -> Markup:
    """A rule's source: its Spanish page on a Spanish page where there is one."""
    page = source.localise(lang)
    return external_link(page.title, page.url, page.language == "en", lang)
