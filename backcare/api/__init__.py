"""The JSON + FHIR + OpenAPI blueprint at ``/api/v1``: stateless, no cookie, no CSRF token."""

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask

PREFIX = "/api/"


def init_app(app: Flask) -> None:
    from backcare.api.views import bp
    from backcare.hardening import open_to_other_systems

    # Other systems call the API without a browser session, so there is no token to check, and
    # clinics' pages may call it from their own origins (CORS).
    open_to_other_systems(app, bp)
    app.register_blueprint(bp)


def without_cookies(wsgi_app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """Drop the cookies of API requests before Flask opens the session (a layer of
    ``backcare/wsgi.py``).

    The API is stateless: with no cookie read, its session is always new and empty, and an
    empty session is never saved, so no API response sets a cookie (not even the refresh of a
    questionnaire session that a browser happens to send along).
    """

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").startswith(PREFIX):
            environ.pop("HTTP_COOKIE", None)
        return wsgi_app(environ, start_response)

    return app
