"""The one place that picks the locale: the ``/<lang>/`` URL prefix, and the language switch."""

from babel.support import Translations
from flask import Blueprint, Flask, g, redirect, request, url_for
from flask_babel import Babel, get_locale, get_translations
from werkzeug.routing import BaseConverter

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
    """The same page in the other language; the answers are in the session, so they carry over."""
    other = other_language()
    rule = request.url_rule
    # A page reached by a form (say, "Start again" refused for its CSRF token) has no GET twin.
    if rule is not None and "lang" in rule.arguments and "GET" in (rule.methods or ()):
        args = dict(request.view_args or {}, lang=other)
        if request.args.get("change"):
            args["change"] = 1
        return url_for(request.endpoint, **args)
    return url_for("web.start", lang=other)


def other_language() -> str:
    return "es" if str(get_locale()) == "en" else "en"


def request_translations() -> Translations:
    """This request's catalog, looked up once.

    Flask-Babel finds it again on every call (locale, domain and context look-ups, about 20 µs),
    and a page makes dozens of calls. Templates are never rendered inside ``force_locale``.
    """
    translations = g.get("_translations")
    if translations is None:
        translations = g._translations = get_translations()
    return translations


def request_gettext(message: str) -> str:
    """``gettext`` through :func:`request_translations`, for code that runs once per link."""
    return request_translations().ugettext(message)


def init_app(app: Flask) -> None:
    app.url_map.converters["lang"] = LangConverter
    Babel(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(
        gettext=request_gettext,
        ngettext=lambda s, p, n: request_translations().ungettext(s, p, n),
        newstyle=True,
    )
    app.jinja_env.globals.update(
        get_locale=get_locale,
        switch_url=switch_url,
        other_language=other_language,
        language_names=LANGUAGE_NAMES,
    )

    @app.get("/")
    def choose_language():
        return redirect(url_for("web.start", lang=preferred_language(request.args.get("lang"))))
