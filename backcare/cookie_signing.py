"""The session cookie's speed work, kept apart from its policy (``session_cookie.py``).

Flask's signed cookie session did three costly things on every request: it built a new
serializer (with a trial JSON dump) twice, derived the signing key from the secret again for
every signature, and re-signed and re-sent an unchanged cookie. Together they were about a fifth
of a page's time (``bench/README.md``). :class:`FastSigning` keeps what Flask does, without that.
"""

import functools
import hmac
import json
from datetime import timedelta

from flask import Flask
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer

#: An unchanged cookie is signed and sent again at most this often to slide its expiry.
SESSION_RENEW_AFTER = timedelta(minutes=1)


class PlainJSON:
    """Compact JSON of strings, lists, dicts and booleans: the cookie holds nothing else, and
    Flask's tagged JSON (tuples, bytes, dates) costs twice as much."""

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


class FastSigning(SecureCookieSessionInterface):
    """Flask's signed cookie session, with one serializer kept per set of keys, the signing
    key derived once, and an unchanged cookie renewed once every ``SESSION_RENEW_AFTER``."""

    serializer = PlainJSON()

    def get_signing_serializer(self, app: Flask):
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
        """Send the cookie when it changed, or to slide its expiry at most once a minute."""
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
