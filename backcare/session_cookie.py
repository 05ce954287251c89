"""The session cookie's policy: what it holds, how long it lives, and its attributes.

It carries only answer codes, the CSRF secret, the clinic id and an embedding flag
(``web/answers.py`` knows the layout). It is sealed (encrypted and authenticated: nothing in it
can be read or changed without the secret key), HttpOnly, ``SameSite=Lax``, Secure whenever the
request came over HTTPS, and short-lived: it ends ``PERMANENT_SESSION_LIFETIME`` (an hour)
after the last request, and ``SESSION_ABSOLUTE_LIFETIME`` (four hours) after its first write
however often it is used; the server checks both from inside the sealed payload. How it is
sealed, cheaply, is ``cookie_sealing.py``'s business.
"""

from datetime import UTC, datetime

from flask import Flask, request
from flask.sessions import SessionMixin

from backcare import cookie_sealing
from backcare.clinics import framing_clinic
from backcare.cookie_sealing import SealedCookies, seconds
from backcare.web import answers

HOST_PREFIX = "__Host-"


class SessionInterface(SealedCookies):
    def valid_data(self, data) -> bool:
        return answers.valid_layout(data)

    def get_cookie_secure(self, app: Flask) -> bool:
        # ProxyFix makes request.is_secure true behind a TLS-terminating proxy; in production
        # the setting makes it Secure even if the proxy forgot the header (config.py).
        return request.is_secure or super().get_cookie_secure(app)

    def get_cookie_name(self, app: Flask) -> str:
        # A Secure cookie is a __Host- one: the browser then takes it only from HTTPS, for this
        # host alone (no Domain) and the whole site (Path=/), so no subdomain can plant one.
        name = super().get_cookie_name(app)
        return f"{HOST_PREFIX}{name}" if self.get_cookie_secure(app) else name

    def get_cookie_domain(self, app: Flask) -> str | None:
        return None if self.get_cookie_secure(app) else super().get_cookie_domain(app)

    def get_cookie_path(self, app: Flask) -> str:
        return "/" if self.get_cookie_secure(app) else super().get_cookie_path(app)

    def cookie_value(self, app: Flask, request) -> str | None:
        """The cookie, or over HTTPS the one named without the prefix by earlier releases
        (rewritten under the new name)."""
        value = super().cookie_value(app, request)
        if value is None and self.get_cookie_secure(app):
            value = request.cookies.get(super().get_cookie_name(app))
            if value is not None:
                request.session_was_renamed = True
        return value

    def open_session(self, app: Flask, request):
        session = super().open_session(app, request)
        if session and getattr(request, "session_was_renamed", False):
            session.modified = True
        return session

    def get_cookie_samesite(self, app: Flask) -> str | None:
        # A Lax cookie is not sent inside another site's frame, so every answer would fail
        # its CSRF check: a clinic that embeds backcare gets a partitioned SameSite=None one.
        return "None" if _framed_by_clinic() else super().get_cookie_samesite(app)

    def get_cookie_partitioned(self, app: Flask) -> bool:
        # Partitioned (CHIPS): the cookie lives only under that clinic's portal.
        return _framed_by_clinic() or super().get_cookie_partitioned(app)

    def get_expiration_time(self, app: Flask, session: SessionMixin) -> datetime:
        """An hour from now, but never past the absolute end of the session."""
        now = cookie_sealing.now()
        sliding = now + seconds(app.permanent_session_lifetime)
        created = getattr(session, "created_at", None) or now
        absolute = created + seconds(app.config["SESSION_ABSOLUTE_LIFETIME"])
        return datetime.fromtimestamp(min(sliding, absolute), UTC)


def _framed_by_clinic() -> bool:
    """A visit from a clinic whose portal may frame the pages, over HTTPS."""
    return request.is_secure and framing_clinic() is not None


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
