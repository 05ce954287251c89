"""Templates: one Jinja environment per language, built with public Jinja and Flask APIs.

Every page is rendered with :func:`render_page`, which picks the environment of the request's
language and hands its ``Template`` to Flask's ``render_template`` (which accepts one). Each
environment is the app's own (``Flask.create_jinja_environment``) with Jinja's i18n extension
and that language's catalog installed once, so ``_("...")`` is a direct look-up in the right
catalog instead of asking Flask-Babel for the locale on every call. The extension
:class:`FixedSentences` goes one step further for a literal ``_("fixed sentence")``: it is
translated once, when the template is compiled.
"""

from flask import Flask, current_app, render_template
from flask_babel import force_locale, get_translations
from jinja2 import Environment, Template
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from backcare.i18n import LANGUAGE_NAMES, other_language, page_language
from backcare.triage.text import LANGUAGES

_EXTENSION_KEY = "backcare_templates"


class PageTemplates:
    """The templates of every language. Made once the app is complete (see :func:`init_app`):
    each environment copies the app's template globals and filters when it is made."""

    def __init__(self, app: Flask):
        self.environments = {language: _environment(app, language) for language in LANGUAGES}

    def get(self, name: str, language: str) -> Template:
        return self.environments[language].get_template(name)


class FixedSentences(Extension):
    """Translates each ``_("fixed sentence")`` when its template is compiled.

    A call of ``_`` whose only argument is a string literal becomes the translated literal
    marked safe, ``"frase fija"|safe``: what newstyle gettext gives at run time (the
    translation as Markup, formatted with no values, so ``%%`` reads ``%``), folded by Jinja
    into the template's text. Calls with values, or with anything but a literal, are left to
    run-time gettext. The environment names its catalog with ``extend(fixed_sentences=...)``.
    """

    def __init__(self, environment: Environment):
        super().__init__(environment)
        environment.extend(fixed_sentences=None)

    def filter_stream(self, stream: TokenStream):
        tokens = list(stream)
        translations = self.environment.fixed_sentences
        position = 0
        while position < len(tokens):
            token = tokens[position]
            call = tokens[position : position + 4]
            if (
                translations is not None
                and [t.type for t in call] == ["name", "lparen", "string", "rparen"]
                and token.value == "_"
                and (position == 0 or tokens[position - 1].type != "dot")
            ):
                translated = translations.ugettext(call[2].value) % {}
                yield Token(token.lineno, "string", translated)
                yield Token(token.lineno, "pipe", "|")
                yield Token(token.lineno, "name", "safe")
                position += 4
                continue
            yield token
            position += 1


def _environment(app: Flask, language: str) -> Environment:
    environment = app.create_jinja_environment()
    # What Flask's extensions and our init_app functions added to the app's environment.
    environment.globals.update(app.jinja_env.globals)
    environment.filters.update(app.jinja_env.filters)
    environment.add_extension("jinja2.ext.i18n")
    environment.add_extension(FixedSentences)
    with app.app_context(), force_locale(language):
        translations = get_translations()
    environment.install_gettext_translations(translations, newstyle=True)
    environment.fixed_sentences = translations
    other = other_language(language)
    environment.globals.update(
        # ``_`` straight to this language's gettext, not through the extension's alias.
        _=environment.globals["gettext"],
        language=language,
        other_language=other,
        other_language_name=LANGUAGE_NAMES[other],
    )
    return environment


def templates(app: Flask | None = None) -> PageTemplates:
    return (app or current_app).extensions[_EXTENSION_KEY]


def render_page(name: str, **context) -> str:
    """The template ``name`` in the request's language, rendered by Flask (so context
    processors and template signals apply as usual)."""
    return render_template(templates().get(name, page_language()), **context)


def init_app(app: Flask) -> None:
    """Build every language's environment: call it after every other ``init_app``."""
    app.extensions[_EXTENSION_KEY] = PageTemplates(app)
