"""backcare: back-pain guidance from the MedlinePlus rules, in English and Spanish."""

from typing import ClassVar

from flask import Flask

from backcare.templating import LocalizedEnvironment


class Backcare(Flask):
    jinja_environment = LocalizedEnvironment
    # Small pages: no blank lines or indentation left behind by template tags.
    jinja_options: ClassVar[dict] = {"trim_blocks": True, "lstrip_blocks": True}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: configuration first, then each part in its own ``init_app``."""
    app = Backcare(__name__, instance_relative_config=True)

    from backcare import api, assets, clinics, config, errors, i18n, security, web

    config.load(app, test_config)
    assets.init_app(app)
    clinics.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    web.init_app(app)
    api.init_app(app)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    if not (app.debug or app.testing):  # tests and `make run` render them on first use
        web.parts.render_all(app)
    return app
