"""Templates are compiled once per language, with their fixed sentences already translated.

The compiled page must say exactly what Jinja's own newstyle gettext would have said at run
time, from the real Spanish catalog.
"""

import pytest
from jinja2 import Environment

SOURCE = """\
<p>{{ _("Back") }}</p>
<p>{{ _("Question %(number)s of %(total)s", number=number, total=total) }}</p>
<p>{{ _("Back to %(clinic)s", clinic=clinic) }}</p>
<p>{{ _(title) }}</p>
<p>{{ _("The API's addresses are listed in %(openapi)s.", openapi=address) }}</p>
<p>{{ _("A sentence that is in no catalog, 100%% made up") }}</p>
"""
VALUES = {
    "number": 3,
    "total": 12,
    "clinic": "<b>Dr & Co</b>",
    "title": "How old are you?",
    "address": "<code>/api</code>",
}


def stock_jinja(translations, autoescape):
    """Jinja's own i18n extension, translating at run time."""
    environment = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    environment.install_gettext_translations(translations, newstyle=True)
    return environment


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_compiled_translations_match_jinja_at_run_time(app, language, autoescape):
    with app.test_request_context(f"/{language}/"):
        ours = app.jinja_env.for_language(language)
        expected = stock_jinja(ours.translations, autoescape).from_string(SOURCE).render(VALUES)
        ours = ours.overlay(autoescape=autoescape)
        assert ours.from_string(SOURCE).render(VALUES) == expected


def test_fixed_sentences_are_translated_when_compiled(app):
    with app.test_request_context("/es/"):
        spanish = app.jinja_env.for_language("es")
        code = spanish.compile(SOURCE, raw=True)
    assert "Atrás" in code and "Pregunta %(number)s de %(total)s" in code
    assert "'Back'" not in code  # no run-time look-up left for a literal sentence
    assert "How old are you?" not in code  # a question's own text is looked up when shown


def test_each_page_is_rendered_by_its_own_language(client):
    english = client.get("/en/resources").text
    spanish = client.get("/es/resources").text
    assert "Skip to main content" in english and "Skip to main content" not in spanish
    assert "Saltar al contenido principal" in spanish
    assert client.get("/en/resources").text == english  # not the other language's compiled copy
