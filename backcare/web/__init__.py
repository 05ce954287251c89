"""The questionnaire pages a person walks through."""

from flask import Flask

from backcare.clinics import tel_href
from backcare.web.links import source_link
from backcare.web.parts import page_parts


def init_app(app: Flask) -> None:
    from backcare.web.views import bp

    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        source_link=source_link,
        tel_href=tel_href,
    )

    @app.context_processor
    def page_globals():
        return {"parts": page_parts()}
