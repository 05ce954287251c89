"""Request hardening: malformed requests become 4xx answers, not crashes; redirects stay on
this site; every form post comes from this site's own pages (``cross_site``) and carries a CSRF
token (Flask-WTF)."""

from urllib.parse import urlsplit, urlunsplit

from flask import Blueprint, Flask, Response, abort, current_app, redirect, request
from flask.globals import request_ctx
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException

from backcare import cross_site

csrf = CSRFProtect()


def open_to_other_systems(app: Flask, blueprint: Blueprint) -> None:
    """A blueprint other systems and other sites' pages call by design (the API): no CSRF token
    and no origin check."""
    csrf.exempt(blueprint)
    cross_site.open_to_other_sites(app, blueprint)


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
    """A Host header that TRUSTED_HOSTS does not list is refused (400, Werkzeug's SecurityError)
    but leaves nothing to build the error page's links with. They are paths, so any host name
    will do."""
    if request_ctx.url_adapter is None:
        request_ctx.url_adapter = current_app.url_map.bind("invalid", request.script_root or None)


def refuse_a_malformed_host() -> None:
    """A Host header that is not a host name or address with an optional port (spaces, slashes,
    a port over 65535) is a 400. Werkzeug reads it as no host at all and would answer 200."""
    if request.headers.get("Host") and not request.host:
        abort(400)


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
    app.before_request(bind_urls_despite_a_bad_host)  # before anything renders a page
    app.before_request(refuse_a_malformed_host)
    app.before_request(read_streamed_body)  # before CSRFProtect reads the form
    app.before_request(cross_site.refuse_posts_from_other_sites)  # before the token
    csrf.init_app(app)

    @app.after_request
    def redirect_on_site(response):
        keep_on_site(response)
        return response
