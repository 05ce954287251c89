"""The questionnaire pages a person walks through."""

from flask import Flask

from backcare.clinics import active_clinic, emergency_number, tel_href
from backcare.triage import QUESTIONS_BY_ID
from backcare.web.links import section_links, source_link


def init_app(app: Flask) -> None:
    from backcare.web.views import bp

    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        questions_by_id=QUESTIONS_BY_ID,
        source_link=source_link,
        section_links=section_links,
        tel_href=tel_href,
    )

    @app.context_processor
    def page_globals():
        return {
            "clinic": active_clinic(),
            "emergency_number": emergency_number(),
        }
