"""The questionnaire pages a person walks through."""

from flask import Flask

from backcare.triage import QUESTIONS_BY_ID


def init_app(app: Flask) -> None:
    from backcare.web.views import bp

    app.register_blueprint(bp)

    @app.context_processor
    def page_globals():
        return {
            "emergency_number": app.config["EMERGENCY_NUMBER"],
            "questions_by_id": QUESTIONS_BY_ID,
        }
