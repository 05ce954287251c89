"""The one place that sets security headers, CSRF protection and the proxy set-up; that keeps
redirects on this site; and that turns malformed requests into 4xx answers, not crashes."""

import functools
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, abort, current_app, make_response, redirect, request
from flask.globals import request_ctx
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from flask_wtf.csrf import CSRFProtect
from itsdangerous import BadSignature
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from backcare.clinics import active_clinic

csrf = CSRFProtect()
SESSION_RENEW_AFTER = timedelta(minutes=1)


class SessionInterface(SecureCookieSessionInterface):
    """The signed cookie session, marked Secure whenever the request came over HTTPS, and
    always short-lived: from its first write (the CSRF token alone) it ends after
    PERMANENT_SESSION_LIFETIME without a request, and the signature's age is checked too."""

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
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if getattr(self, "_serializer_keys", None) != keys:
            self._serializer = super().get_signing_serializer(app)
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


def no_store(page) -> Response:
    """A page or response that shows a person's answers: never kept by a browser or proxy."""
    response = make_response(page)
    response.headers["Cache-Control"] = "no-store"
    return response


def _framed_by_clinic() -> bool:
    """A visit from a clinic whose portal may frame the pages, over HTTPS."""
    if not request.is_secure or request.blueprint != "web":
        return False
    clinic = active_clinic()
    return clinic is not None and bool(clinic.frame_ancestors)


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)


@functools.cache
def content_security_policy(frame_ancestors: str) -> str:
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


#: The headers every response carries, whatever the page (the CSP depends on the clinic).
FIXED_HEADERS = (
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)


def frame_ancestors(app: Flask) -> str:
    """Who may frame the page: a visiting clinic's configured portals, else the default."""
    clinic = active_clinic() if request.blueprint == "web" else None
    if clinic and clinic.frame_ancestors:
        return " ".join(clinic.frame_ancestors)
    return app.config["FRAME_ANCESTORS"]


def check_frame_ancestors(app: Flask) -> None:
    """Refuse to start with a source that would end the directive and add others to the CSP."""
    clinics = app.extensions.get("backcare_clinics", {}).values()
    for sources in (app.config["FRAME_ANCESTORS"].split(), *(c.frame_ancestors for c in clinics)):
        for source in sources:
            if not re.fullmatch(r"'none'|'self'|[^\s;,'\"]+", source):
                raise ValueError(f"frame ancestor {source!r} is not a single CSP source")


def on_site(location: str) -> str:
    """A redirect target as a path on this site. backcare never redirects elsewhere, and
    Werkzeug's own redirects (a missing slash) are absolute URLs built from the Host header."""
    parts = urlsplit(location.strip())
    # Browsers read "\" as "/" and drop tabs and newlines: no "//host" can be left at the start.
    path = "/" + parts.path.lstrip("/\\\t\r\n ")
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def keep_on_site(response: Response) -> None:
    """Point a redirect at its path on this site, in its header and in Werkzeug's page."""
    location = response.headers.get("Location")
    target = on_site(location) if location else location
    if target != location:
        response.headers["Location"] = target
        if 300 <= response.status_code < 400:
            response.set_data(redirect(target, response.status_code).get_data())


def escape_raw_query(wsgi_app):
    """Percent-encode bytes a browser would have encoded in the query string: Werkzeug cannot
    read ``request.args`` at all when the raw query is not UTF-8 (a 500 on every page)."""

    def escaped(environ, start_response):
        query = environ.get("QUERY_STRING", "")
        if not query.isascii():  # one character per byte (PEP 3333)
            environ["QUERY_STRING"] = "".join(c if c.isascii() else f"%{ord(c):02X}" for c in query)
        return wsgi_app(environ, start_response)

    return escaped


def bind_urls_despite_a_bad_host() -> None:
    """A Host header Werkzeug cannot read is refused (400, BadHost) but leaves nothing to build
    the error page's links with. They are paths, so any host name will do."""
    if request_ctx.url_adapter is None:
        request_ctx.url_adapter = current_app.url_map.bind("invalid", request.script_root or None)


def read_streamed_body() -> None:
    """Read a body sent without Content-Length (chunked) before anything uses it. Werkzeug
    would cut one over MAX_CONTENT_LENGTH short silently: refuse it with 413, like a body whose
    Content-Length is too large. A broken one fails in the server's reader: that is a 400."""
    if request.content_length is not None or not request.headers.get("Transfer-Encoding"):
        return
    try:
        body = request.get_data(cache=True)
    except HTTPException:
        raise
    except Exception:  # such as gunicorn's InvalidChunkSize
        abort(400)
    if request.max_content_length and len(body) >= request.max_content_length:
        abort(413)


def init_app(app: Flask) -> None:
    check_frame_ancestors(app)
    app.wsgi_app = escape_raw_query(
        ProxyFix(
            app.wsgi_app,
            x_for=app.config["PROXY_FIX_X_FOR"],
            x_proto=app.config["PROXY_FIX_X_PROTO"],
        )
    )
    app.before_request(bind_urls_despite_a_bad_host)  # before anything renders a page
    app.before_request(read_streamed_body)  # before CSRFProtect reads the form
    csrf.init_app(app)
    app.session_interface = SessionInterface()

    @app.after_request
    def set_headers(response):
        # Added, not set: nothing else sets these, and Headers.set searches the list each time.
        headers = response.headers
        headers.add("Content-Security-Policy", content_security_policy(frame_ancestors(app)))
        headers.extend(FIXED_HEADERS)
        keep_on_site(response)
        return response
