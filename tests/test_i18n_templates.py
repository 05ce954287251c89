"""Each language has its own Jinja environment (backcare/templating.py), made with public APIs,
whose ``_()`` must say exactly what Jinja's own newstyle gettext says with the real catalog."""

import pytest
from flask.templating import Environment as FlaskEnvironment
from flask_babel import get_translations
from jinja2 import Environment

from backcare.templating import templates

SOURCE = """\
<p>{{ _("Back") }}</p>
<p>{{ _("Question %(number)s of %(total)s", number=number, total=total) }}</p>
<p>{{ _("Back to %(clinic)s", clinic=clinic) }}</p>
<p>{{ _(title) }}</p>
<p>{{ _("A sentence that is in no catalog, 100%% made up") }}</p>
"""
VALUES = {"number": 3, "total": 12, "clinic": "<b>Dr & Co</b>", "title": "How old are you?"}


def stock_jinja(translations):
    """Jinja's own i18n extension, translating at run time."""
    environment = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    environment.install_gettext_translations(translations, newstyle=True)
    return environment


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_language_translates_like_jinja_itself(app, language):
    ours = templates(app).environments[language]
    with app.test_request_context(f"/{language}/"):
        translations = get_translations()  # Flask-Babel's catalog for the page's language
    expected = stock_jinja(translations).from_string(SOURCE).render(VALUES)
    assert ours.from_string(SOURCE).render(VALUES) == expected
    if language == "es":
        assert "Atrás" in expected and "Pregunta 3 de 12" in expected
        assert "&lt;b&gt;Dr &amp; Co&lt;/b&gt;" in expected


def test_the_environments_are_flasks_own_kind(app):
    for environment in templates(app).environments.values():
        assert type(environment) is FlaskEnvironment  # nothing of Jinja's overridden


def test_each_page_is_rendered_by_its_own_language(client):
    english = client.get("/en/resources").text
    spanish = client.get("/es/resources").text
    assert "Skip to main content" in english and "Skip to main content" not in spanish
    assert "Saltar al contenido principal" in spanish
    assert client.get("/en/resources").text == english


def test_fixed_sentences_are_translated_when_compiled(app):
    code = templates(app).environments["es"].compile(SOURCE, raw=True)
    assert "Atrás" in code  # a literal sentence: translated once, in the compiled template
    assert "'Back'" not in code
    assert "Pregunta %(number)s de %(total)s" not in code  # with values: run-time gettext
    assert "How old are you?" not in code  # a question's own text is looked up when shown
