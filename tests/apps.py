"""The app as the tests build it."""

from flask import Flask

from backcare import create_app

from .visitor import Visitor


def build_app(config: dict | None = None) -> Flask:
    """backcare in testing mode with a test key, whose test clients are :class:`Visitor`s."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", **(config or {})})
    app.test_client_class = Visitor
    return app
