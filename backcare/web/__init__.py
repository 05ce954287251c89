"""The questionnaire pages a person walks through."""

from flask import Flask

from backcare.clinic_profiles import tel_href
from backcare.triage.levels import LEVEL_TITLES
from backcare.web import fragments
from backcare.web.links import NEW_TAB, external_link, new_tab_words, source_link


def init_app(app: Flask) -> None:
    from backcare.web.views import bp

    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        level_titles=LEVEL_TITLES,
        external_link=external_link,
        new_tab=NEW_TAB,
        new_tab_words=new_tab_words,
        source_link=source_link,
        tel_href=tel_href,
    )
    fragments.init_app(app)
