"""The one place that picks the locale: the ``/<lang>/`` URL prefix, and the language switch."""

import functools
import gettext
from datetime import date
from urllib.parse import quote

from babel.dates import format_date
from flask import Blueprint, Flask, g, redirect, request, url_for
from flask_babel import Babel, get_locale
from werkzeug.routing import BaseConverter

from backcare.clinics import link_arguments
from backcare.triage.text import LANGUAGES

LANGUAGE_NAMES = {"en": "English", "es": "Español"}


class LangConverter(BaseConverter):
    """Matches only the languages backcare speaks, so ``/fr/`` is a plain 404."""

    regex = "|".join(LANGUAGES)


def select_locale() -> str:
    """The URL's language; on pages without one (errors, /), the browser's preference."""
    if g.get("lang"):
        return g.lang
    prefix = request.path.split("/")[1]
    if prefix in LANGUAGES:  # an unknown page under /es/ still answers in Spanish
        return prefix
    return preferred_language()


def localized_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose every URL starts with ``/<lang>/`` (Flask's i18n URL pattern)."""
    blueprint = Blueprint(name, import_name, url_prefix="/<lang:lang>")

    @blueprint.url_value_preprocessor
    def pull_lang(endpoint, values):
        g.lang = values.pop("lang")

    @blueprint.url_defaults
    def add_lang(endpoint, values):
        values.setdefault("lang", g.get("lang") or select_locale())

    return blueprint


def preferred_language(asked: str | None = None) -> str:
    """``asked`` when it is one of ours, else ``Accept-Language`` (any Spanish → es), else
    English. ``/`` asks with ``?lang=``; the API with its body's ``lang``."""
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES) or LANGUAGES[0]


def switch_url() -> str:
    """The same page in the other language: only the language in its address changes. The
    answers are in the session, so they carry over."""
    other = other_language()
    current = request._get_current_object()  # one context look-up, not one per attribute
    rule = current.url_rule
    # A page reached by a form (say, "Start again" refused for its CSRF token) has no GET twin.
    if rule is None or "lang" not in rule.arguments or "GET" not in (rule.methods or ()):
        return url_for("web.start", lang=other)
    rest = current.path.split("/", 2)[2]  # what follows "/<lang>/"
    # Only a question page has a "change" form; elsewhere the flag means nothing.
    query = "?change=1" if current.endpoint == "web.question" and current.args.get("change") else ""
    return f"{current.script_root}/{other}/{quote(rest)}{query}"


def page_language() -> str:
    """The language of this request's page, as a code: the one in its address, else Flask-Babel's
    choice (:func:`select_locale`). The address is read first because it costs nothing, where
    Flask-Babel parses a ``Locale`` for the request."""
    return g.get("lang") or str(get_locale())


def other_language(language: str | None = None) -> str:
    """The language a page's switch offers: the one that is not ``language`` (or the page's)."""
    language = language or page_language()
    return next(other for other in LANGUAGES if other != language)


def long_date(day: date) -> str:
    """``day`` written out in the page's language ("December 2, 2026", "2 de diciembre de
    2026"): what Flask-Babel's ``dateformat("long")`` gives, remembered for the day."""
    return _long_date(day, page_language())


@functools.lru_cache(maxsize=8)
def _long_date(day: date, language: str) -> str:
    return format_date(day, "long", locale=language)


def require_catalogs(app: Flask) -> None:
    """Refuse to start without a compiled catalog for each language but the source one: Flask-Babel
    would otherwise serve English under ``/es/``, ``lang="es"`` and all, without a word."""
    directories = app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")
    domain = app.config.get("BABEL_DOMAIN", "messages")
    source = app.config["BABEL_DEFAULT_LOCALE"]
    for language in LANGUAGES:
        if language == source or any(gettext.find(domain, d, [language]) for d in directories):
            continue
        raise RuntimeError(
            f"backcare has no compiled {LANGUAGE_NAMES[language]} catalog: "
            f"{language}/LC_MESSAGES/{domain}.mo is in none of {directories}, so its "
            f"/{language}/ pages would be in English. In a checkout, run `make i18n-compile`; "
            "a wheel built with `python -m build` or `pip wheel` compiles it (setup.py)."
        )


def init_app(app: Flask) -> None:
    require_catalogs(app)
    app.url_map.converters["lang"] = LangConverter
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals.update(switch_url=switch_url, long_date=long_date)

    @app.get("/")
    def choose_language():
        lang = preferred_language(request.args.get("lang"))
        return redirect(url_for("web.start", lang=lang, **link_arguments()))
