"""The session cookie: signed, short-lived, Secure behind HTTPS, and cheap to read.

It carries only answer codes, the CSRF token and the clinic id (see ``web/answers.py`` for the
layout), so plain JSON is enough: Flask's tagged JSON, which also round-trips tuples, bytes and
dates, costs twice as much on every request.
"""

import functools
import hmac
import json
from datetime import UTC, datetime, timedelta

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer

from backcare.clinics import framing_clinic

SESSION_RENEW_AFTER = timedelta(minutes=1)


class _PlainJSON:
    """Compact JSON of strings, lists, dicts and booleans."""

    @staticmethod
    def dumps(value) -> str:
        return json.dumps(value, separators=(",", ":"))

    loads = staticmethod(json.loads)


class _Signer(TimestampSigner):
    """itsdangerous derives the signing key from the secret again for every signature."""

    def derive_key(self, secret_key=None) -> bytes:
        if self.key_derivation != "hmac":
            return super().derive_key(secret_key)
        secret = self.secret_keys[-1] if secret_key is None else secret_key
        return _hmac_key(secret, self.salt, self.digest_method)


@functools.lru_cache(maxsize=8)
def _hmac_key(secret: str | bytes, salt: bytes, digest_method) -> bytes:
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, salt, digestmod=digest_method).digest()


class SessionInterface(SecureCookieSessionInterface):
    """The signed cookie session, marked Secure whenever the request came over HTTPS, and
    always short-lived: from its first write (the CSRF token alone) it ends after
    PERMANENT_SESSION_LIFETIME without a request, and the signature's age is checked too."""

    serializer = _PlainJSON()

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

    def get_signing_serializer(self, app: Flask):
        """Flask builds a new serializer, with a trial JSON dump, each time it is asked, twice
        a request; it depends only on the keys, so one is kept until they change."""
        if not app.secret_key:
            return None
        keys = (*(app.config["SECRET_KEY_FALLBACKS"] or ()), app.secret_key)  # current key last
        if getattr(self, "_serializer_keys", None) != keys:
            self._serializer = URLSafeTimedSerializer(
                list(keys),
                salt=self.salt,
                serializer=self.serializer,
                signer=_Signer,
                signer_kwargs={
                    "key_derivation": self.key_derivation,
                    "digest_method": self.digest_method,
                },
            )
            self._serializer_keys = keys
        return self._serializer

    def get_expiration_time(self, app: Flask, session: SessionMixin) -> datetime:
        return datetime.now(UTC) + app.permanent_session_lifetime

    def open_session(self, app: Flask, request) -> SessionMixin | None:
        """The session, remembering when its cookie was signed (for ``should_set_cookie``)."""
        serializer = self.get_signing_serializer(app)
        cookie = request.cookies.get(self.get_cookie_name(app))
        if serializer is None or not cookie:
            return super().open_session(app, request)
        lifetime = int(app.permanent_session_lifetime.total_seconds())
        try:
            data, signed_at = serializer.loads(cookie, max_age=lifetime, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        session = self.session_class(data)
        session.signed_at = signed_at
        return session

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        """Send the cookie when it changed, or to slide its expiry; re-signing it on every page
        cost a third of a page's time, so an unchanged cookie is renewed once a minute."""
        if session.modified:
            return True
        if not app.config["SESSION_REFRESH_EACH_REQUEST"]:
            return False
        signed_at = getattr(session, "signed_at", None)
        if signed_at is None:
            return True
        now = self.get_signing_serializer(app).make_signer().get_timestamp()  # the signer's clock
        return now - signed_at.timestamp() >= SESSION_RENEW_AFTER.total_seconds()

    def save_session(self, app: Flask, session: SessionMixin, response) -> None:
        # Flask works out every cookie attribute before it asks whether to send the cookie.
        if session and not self.should_set_cookie(app, session):
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)


def _framed_by_clinic() -> bool:
    """A visit from a clinic whose portal may frame the pages, over HTTPS."""
    return request.is_secure and framing_clinic() is not None
