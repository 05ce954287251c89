"""Links to other sites, in the page's language: the catalog's links and the rules' sources."""

from flask_babel import gettext as _
from markupsafe import Markup

from backcare.triage.sources import Source

# No rel="noreferrer" on each link: the Referrer-Policy header (headers.py) and the page's
# referrer meta (fragments.html, head) already send no address to other sites, for every link.
_LINK = Markup('<a href="{}"{}>{}</a>{}')
_ENGLISH = Markup(' hreflang="en" lang="en"')
#: Inside a clinic's portal (embedding.py), another site opens in a new tab, and says so.
NEW_TAB = Markup(' target="_blank" rel="noopener"')
_NEW_TAB_WORDS = Markup('<span class="visually-hidden"{}> {}</span>')


def new_tab_words(lang: str | None = None) -> Markup:
    """What a screen reader hears after a link that opens in a new tab; ``lang``: the page's
    language, inside a link marked as being in another one."""
    marked = Markup(' lang="{}"').format(lang) if lang else Markup("")
    return _NEW_TAB_WORDS.format(marked, _("(opens in a new tab)"))


def external_link(title: str, url: str, english: bool, lang: str, new_tab: bool = False) -> Markup:
    """A link to another site: in the same tab, or with ``new_tab`` in a new one (saying so);
    an English page on a Spanish page says so."""
    attributes = Markup("")
    text = Markup.escape(title)
    foreign = english and lang != "en"
    if new_tab:
        attributes += NEW_TAB
        text += new_tab_words(lang if foreign else None)
    after = Markup("")
    if foreign:
        attributes += _ENGLISH
        after = Markup(" ") + _("(in English)")
    return _LINK.format(url, attributes, text, after)


def source_link(source: Source, lang: str, new_tab: bool = False) -> Markup:
    """A rule's source: its Spanish page on a Spanish page where there is one."""
    page = source.localise(lang)
    return external_link(page.title, page.url, page.language == "en", lang, new_tab)
