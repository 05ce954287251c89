"""The session cookie's policy: what it holds, how long it lives, and its attributes.

It carries only answer codes, the CSRF secret and the clinic id (``web/answers.py`` knows the
layout). It is sealed (encrypted and authenticated: nothing in it can be read or changed without
the secret key), HttpOnly, ``SameSite=Lax``, Secure whenever the request came over HTTPS, and
short-lived: it ends ``PERMANENT_SESSION_LIFETIME`` (an hour) after the last request, and
``SESSION_ABSOLUTE_LIFETIME`` (four hours) after its first write however often it is used; the
server checks both from inside the sealed payload. How it is sealed, cheaply, is
``cookie_sealing.py``'s business.
"""

from datetime import UTC, datetime

from flask import Flask, request
from flask.sessions import SessionMixin

from backcare import cookie_sealing
from backcare.clinics import framing_clinic
from backcare.cookie_sealing import SealedCookies, seconds
from backcare.web import answers


class SessionInterface(SealedCookies):
    def valid_data(self, data) -> bool:
        return answers.valid_layout(data)

    def get_cookie_secure(self, app: Flask) -> bool:
        # ProxyFix makes request.is_secure true behind a TLS-terminating proxy.
        return request.is_secure or super().get_cookie_secure(app)

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
