"""The WSGI layers around the Flask app, in one list, outermost first."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from backcare.api import without_cookies
from backcare.hardening import escape_raw_query


def init_app(app: Flask) -> None:
    """Wrap ``app.wsgi_app`` in every layer. A request passes them in this order."""
    layers = (
        # The API is stateless: its requests lose their cookies before anything reads them.
        without_cookies,
        # Werkzeug cannot read a query string that is not UTF-8: percent-encode it first.
        escape_raw_query,
        # The client's address and scheme as the one trusted proxy saw them.
        lambda inner: ProxyFix(
            inner, x_for=app.config["PROXY_FIX_X_FOR"], x_proto=app.config["PROXY_FIX_X_PROTO"]
        ),
    )
    for layer in reversed(layers):
        app.wsgi_app = layer(app.wsgi_app)
