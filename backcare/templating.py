"""Templates compiled once per language, with their fixed sentences already translated.

Flask renders every template through :class:`LocalizedEnvironment`, which hands it to the
environment of the page's language. There every ``_("fixed sentence")`` is translated once, when
the template is compiled, and ``_(question.title)`` goes straight to that language's catalog:
no look-ups on each call, and the fixed sentences cost nothing per page. Its twin in the tests,
``tests/test_i18n_templates.py``, checks the output against Jinja's own run-time gettext.
"""

from babel.support import Translations
from flask import has_request_context
from flask.templating import Environment
from flask_babel import force_locale, get_locale, get_translations
from jinja2 import nodes, pass_eval_context
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from backcare.triage.text import LANGUAGES


class LocalizedEnvironment(Environment):
    """The app's Jinja environment; each language gets an overlay of it (``for_language``).

    The overlays copy the app's template globals when they are made, on the first page of their
    language: every global must be set before then (``create_app`` sets them all).
    """

    language: str | None = None

    def for_language(self, language: str) -> "LocalizedEnvironment":
        environments = self.__dict__.setdefault("_by_language", {})
        if language not in environments:
            with force_locale(language):
                translations = get_translations()
            environment = self.overlay()  # its own template cache; loader and filters shared
            environment.language = language
            environment.translations = translations
            # Compiled code holds one language's sentences; Jinja's bytecode cache keys would not
            # say which.
            environment.bytecode_cache = None
            # A copy, not a ChainMap: Jinja walks every layer on each render.
            environment.globals = {
                **self.globals,
                **_gettext_callables(translations),
                "language": language,
            }
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
    newstyle gettext does at run time (Markup under autoescape, always formatted). Templates
    never bind ``_`` or ``gettext`` to anything else."""

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
