"""backcare: back-pain guidance from the MedlinePlus rules, in English and Spanish."""

import os
from typing import ClassVar

from flask import Flask
from jinja2 import StrictUndefined


class Backcare(Flask):
    jinja_options: ClassVar[dict] = {
        # Small pages: no blank lines or indentation left behind by template tags.
        "trim_blocks": True,
        "lstrip_blocks": True,
        # A misspelt name in a template is an error, not an empty string.
        "undefined": StrictUndefined,
    }


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: configuration first, then each part in its own ``init_app``."""
    # An installed package's instance folder would be <prefix>/var/backcare-instance: the variable
    # names the one holding config.py (`make serve` gives the checkout's instance/).
    instance_path = os.environ.get("BACKCARE_INSTANCE_PATH") or None
    app = Backcare(__name__, instance_path=instance_path, instance_relative_config=True)

    from backcare import (
        api,
        assets,
        clinics,
        config,
        embedding,
        errors,
        hardening,
        headers,
        i18n,
        session_cookie,
        templating,
        web,
        wsgi,
    )

    config.load(app, test_config)
    assets.init_app(app)
    clinics.init_app(app)
    i18n.init_app(app)
    headers.init_app(app)
    embedding.init_app(app)
    hardening.init_app(app)
    session_cookie.init_app(app)
    errors.init_app(app)
    web.init_app(app)
    api.init_app(app)
    wsgi.init_app(app)
    templating.init_app(app)  # last: each language's templates copy every template global

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    if not (app.debug or app.testing):  # tests and `make run` render them on first use
        web.fragments.prerender(app)
    return app
