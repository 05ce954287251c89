"""A test client that behaves like a browser of its own."""

from flask.testing import FlaskClient


class Visitor(FlaskClient):
    """Each request in an app context of its own, as in production.

    pytest-flask pushes one request context for the whole test (for ``url_for`` and ``session``
    in the test itself), and its ``client`` fixture enters the client to keep each request's
    context afterwards. Every request made inside would share that test's app context, and so
    its ``g``: Flask-WTF's CSRF token would pass from one request, and one visitor, to the next.
    Here each request gets a fresh app context, as a real server gives it.
    """

    def open(self, *args, **kwargs):
        # A kept context would be pushed again on top of the fresh one, inside it.
        self.preserve_context = False
        with self.application.app_context():
            return super().open(*args, **kwargs)
