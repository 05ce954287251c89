"""The session cookie's policy: what it holds, how long it lives, and its attributes.

It carries only answer codes, the CSRF token and the clinic id (``web/answers.py`` knows the
layout). It is signed, HttpOnly, ``SameSite=Lax``, Secure whenever the request came over HTTPS,
and short-lived: from its first write it ends after ``PERMANENT_SESSION_LIFETIME`` without a
request, and the signature's age is checked too. How it is signed cheaply is
``cookie_signing.py``'s business.
"""

from datetime import UTC, datetime

from flask import Flask, request
from flask.sessions import SessionMixin

from backcare.clinics import framing_clinic
from backcare.cookie_signing import FastSigning


class SessionInterface(FastSigning):
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
        return datetime.now(UTC) + app.permanent_session_lifetime


def _framed_by_clinic() -> bool:
    """A visit from a clinic whose portal may frame the pages, over HTTPS."""
    return request.is_secure and framing_clinic() is not None


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
