"""The one place that picks the locale: the ``/<lang>/`` URL prefix, the language switch, and
templates compiled once per language."""

from urllib.parse import quote

from babel.support import Translations
from flask import Blueprint, Flask, g, has_request_context, redirect, request, url_for
from flask.templating import Environment
from flask_babel import Babel, force_locale, get_locale, get_translations
from jinja2 import nodes, pass_eval_context
from jinja2.visitor import NodeTransformer
from markupsafe import Markup
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
    """The same page in the other language: only the language in its address changes. The
    answers are in the session, so they carry over."""
    other = other_language()
    current = request._get_current_object()  # one context look-up, not one per attribute
    rule = current.url_rule
    # A page reached by a form (say, "Start again" refused for its CSRF token) has no GET twin.
    if rule is None or "lang" not in rule.arguments or "GET" not in (rule.methods or ()):
        return url_for("web.start", lang=other)
    rest = current.path.split("/", 2)[2]  # what follows "/<lang>/"
    query = "?change=1" if current.args.get("change") else ""
    return f"{current.script_root}/{other}/{quote(rest)}{query}"


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


class LocalizedEnvironment(Environment):
    """The app's Jinja environment, which hands each template to the environment of the page's
    language. There, every ``_("fixed sentence")`` is translated once, when the template is
    compiled, and ``_(question.title)`` goes straight to that language's catalog: no look-ups
    on each call, and the fixed sentences cost nothing per page."""

    language: str | None = None

    def for_language(self, language: str) -> "LocalizedEnvironment":
        environments = self.__dict__.setdefault("_by_language", {})
        if language not in environments:
            with force_locale(language):
                translations = get_translations()
            environment = self.overlay()  # its own template cache; loader and filters shared
            environment.language = language
            environment.translations = translations
            # A copy, not a ChainMap: Jinja walks every layer on each render. The app's globals
            # are all set before the first page is rendered.
            environment.globals = {**self.globals, **_gettext_callables(translations)}
            environments[language] = environment
        return environments[language]

    def _load_template(self, name, globals):
        if self.language is None:
            language = str(get_locale()) if has_request_context() else LANGUAGES[0]
            return self.for_language(language)._load_template(name, globals)
        return super()._load_template(name, globals)

    def make_globals(self, d):
        # Jinja copies a template's globals into every render's context; through its ChainMap
        # that cost a third of a small page. Nothing changes them once pages are served.
        if self.language is None:
            return super().make_globals(d)
        return {**self.globals, **(d or {})}

    def _parse(self, source, name, filename):
        template = super()._parse(source, name, filename)
        if self.language is None:
            return template
        return _TranslateFixedSentences(self.translations).visit(template)


class _TranslateFixedSentences(NodeTransformer):
    """``_("text", **values)`` with a literal text becomes ``"texto" % values``: what Jinja's
    newstyle gettext does at run time (Markup under autoescape, always formatted)."""

    def __init__(self, translations: Translations):
        self.translations = translations

    def visit_Call(self, node: nodes.Call) -> nodes.Node:  # noqa: N802 (Jinja's visitor name)
        node = self.generic_visit(node)
        if not (
            isinstance(node.node, nodes.Name)
            and node.node.name in ("_", "gettext")
            and len(node.args) == 1
            and isinstance(node.args[0], nodes.Const)
            and isinstance(node.args[0].value, str)
            and node.dyn_args is None
            and node.dyn_kwargs is None
        ):
            return node
        translated = self.translations.ugettext(node.args[0].value)
        values = [nodes.Pair(nodes.Const(kw.key), kw.value) for kw in node.kwargs]
        return nodes.Mod(
            nodes.MarkSafeIfAutoescape(nodes.Const(translated)),
            nodes.Dict(values),
            lineno=node.lineno,
        )


def _gettext_callables(translations: Translations) -> dict:
    """Newstyle gettext and ngettext bound to one language's catalog."""

    @pass_eval_context
    def gettext(eval_context, message, **values):
        text = translations.ugettext(message)
        return (Markup(text) if eval_context.autoescape else text) % values

    @pass_eval_context
    def ngettext(eval_context, singular, plural, num, **values):
        text = translations.ungettext(singular, plural, num)
        return (Markup(text) if eval_context.autoescape else text) % {"num": num, **values}

    return {"gettext": gettext, "ngettext": ngettext}


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
