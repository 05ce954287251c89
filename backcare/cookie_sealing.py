"""The session cookie's sealing and its speed work, kept apart from its policy
(``session_cookie.py``).

The session is sealed with authenticated encryption, AES-256-GCM from the ``cryptography``
library (a well-kept implementation, not crypto of our own): whoever holds the cookie can neither
read what a person answered nor change it. Its key is derived from ``SECRET_KEY`` with HKDF (a
fixed salt and info, so every process derives the same one); the keys in
``SECRET_KEY_FALLBACKS`` still open cookies sealed before a change of key, and new cookies are
always sealed with the current key.

The cookie's value is ``base64url(nonce || ciphertext || tag)``: no dot, unlike the signed
cookies (``payload.timestamp.signature``) of earlier releases, which are read once and rewritten
sealed. The sealed JSON holds the session (``s``), when it was first written (``c``) and when
this copy was written (``w``), in whole seconds of :func:`now`. It is padded to a multiple of
64 bytes, so the cookie's length says little about the answers. It is never compressed: with
encryption, compression would leak the content through the length.

Speed: one cipher per key is built when the set of keys changes, not per request, and an
unchanged cookie is sealed and sent again at most once every ``SESSION_RENEW_AFTER``.
"""

import base64
import binascii
import json
import os
import time
from datetime import timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from itsdangerous import BadSignature

#: An unchanged cookie is sealed and sent again at most this often to slide its expiry.
SESSION_RENEW_AFTER = timedelta(minutes=1)

_HKDF_SALT = b"backcare session cookie"
_HKDF_INFO = b"backcare session cookie, AES-256-GCM, v1"
#: Bound to every sealed cookie: a value sealed for anything else does not open as a session.
_ASSOCIATED_DATA = b"backcare session v1"
_NONCE_BYTES = 12  # random: far below the 2**32 seals per key that random GCM nonces allow
_TAG_BYTES = 16
_PAD_TO = 64


def now() -> int:
    """The clock every lifetime is measured by (tests move it)."""
    return int(time.time())


def derive_key(secret: str | bytes) -> bytes:
    secret = secret.encode() if isinstance(secret, str) else secret
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=_HKDF_SALT, info=_HKDF_INFO)
    return hkdf.derive(secret)


class Sealer:
    """Seals with the first key and opens with any of them."""

    def __init__(self, secrets: tuple[str | bytes, ...]):
        self.ciphers = tuple(AESGCM(derive_key(secret)) for secret in secrets)

    def seal(self, payload: dict) -> str:
        text = json.dumps(payload, separators=(",", ":")).encode()
        text += b" " * (-len(text) % _PAD_TO)  # JSON ignores trailing blanks
        nonce = os.urandom(_NONCE_BYTES)
        sealed = nonce + self.ciphers[0].encrypt(nonce, text, _ASSOCIATED_DATA)
        return base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")

    def open(self, value: str) -> dict | None:
        """The payload, or None for anything not sealed by one of the keys."""
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except (binascii.Error, ValueError):
            return None
        if len(raw) < _NONCE_BYTES + _TAG_BYTES:
            return None
        nonce, sealed = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:]
        for cipher in self.ciphers:
            try:
                text = cipher.decrypt(nonce, sealed, _ASSOCIATED_DATA)
            except InvalidTag:
                continue
            try:
                payload = json.loads(text)
            except ValueError:
                return None
            return payload if isinstance(payload, dict) else None
        return None


def seconds(lifetime: timedelta | int) -> int:
    return int(lifetime.total_seconds()) if isinstance(lifetime, timedelta) else int(lifetime)


class SealedCookies(SecureCookieSessionInterface):
    """Flask's cookie session, sealed instead of signed, with an absolute lifetime
    (``SESSION_ABSOLUTE_LIFETIME`` from the first write) on top of the sliding one
    (``PERMANENT_SESSION_LIFETIME`` from the last)."""

    def sealer(self, app: Flask) -> Sealer | None:
        if not app.secret_key:
            return None
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))  # current key first
        if getattr(self, "_sealer_keys", None) != keys:
            self._sealer = Sealer(keys)
            self._sealer_keys = keys
        return self._sealer

    def valid_data(self, data) -> bool:
        """Whether opened session data has the session's shape (the policy narrows it)."""
        return isinstance(data, dict)

    def cookie_value(self, app: Flask, request) -> str | None:
        return request.cookies.get(self.get_cookie_name(app))

    def open_session(self, app: Flask, request) -> SessionMixin | None:
        sealer = self.sealer(app)
        if sealer is None:
            return None
        value = self.cookie_value(app, request)
        if not value:
            return self.session_class()
        if "." in value:
            return self._open_signed(app, value)
        payload = sealer.open(value)
        if payload is None:
            return self.session_class()
        data, created, written = payload.get("s"), payload.get("c"), payload.get("w")
        if not (self.valid_data(data) and type(created) is int and type(written) is int):
            return self.session_class()
        if not self._alive(app, created, written):
            return self.session_class()
        session = self.session_class(data)
        session.created_at, session.written_at = created, written
        return session

    def _alive(self, app: Flask, created: int, written: int) -> bool:
        age, idle = now() - created, now() - written
        return (
            0 <= idle <= seconds(app.permanent_session_lifetime)
            and 0 <= age <= seconds(app.config["SESSION_ABSOLUTE_LIFETIME"])
            and created <= written
        )

    def _open_signed(self, app: Flask, value: str) -> SessionMixin:
        """A signed cookie of an earlier release: read once, and rewritten sealed. Its first
        write is unknown, so its absolute lifetime runs from when it was last signed."""
        serializer = self.get_signing_serializer(app)
        lifetime = seconds(app.permanent_session_lifetime)
        try:
            data, signed_at = serializer.loads(value, max_age=lifetime, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if not self.valid_data(data):
            return self.session_class()
        session = self.session_class(data)
        session.created_at = int(signed_at.timestamp())
        session.modified = True
        return session

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        """Send the cookie when it changed, or to slide its expiry at most once a minute."""
        if session.modified:
            return True
        if not app.config["SESSION_REFRESH_EACH_REQUEST"]:
            return False
        written = getattr(session, "written_at", None)
        return written is None or now() - written >= SESSION_RENEW_AFTER.total_seconds()

    def save_session(self, app: Flask, session: SessionMixin, response) -> None:
        name = self.get_cookie_name(app)
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:  # emptied: remove the cookie
                response.delete_cookie(name, **self._attributes(app))
                response.vary.add("Cookie")
            return
        if not self.should_set_cookie(app, session):
            return
        written = now()
        created = getattr(session, "created_at", None) or written
        session.created_at, session.written_at = created, written
        value = self.sealer(app).seal({"s": dict(session), "c": created, "w": written})
        response.set_cookie(
            name,
            value,
            expires=self.get_expiration_time(app, session),
            **self._attributes(app),
        )
        response.vary.add("Cookie")

    def _attributes(self, app: Flask) -> dict:
        return {
            "domain": self.get_cookie_domain(app),
            "path": self.get_cookie_path(app),
            "secure": self.get_cookie_secure(app),
            "partitioned": self.get_cookie_partitioned(app),
            "samesite": self.get_cookie_samesite(app),
            "httponly": self.get_cookie_httponly(app),
        }
