"""The one place that sets security headers: the fixed set, the CSP (whose frame-ancestors depend
on the visiting clinic), and ``Cache-Control: no-store`` for what shows a person's answers."""

import functools
import re

from flask import Flask, Response, make_response

from backcare.clinics import framing_clinic


def no_store(page) -> Response:
    """A page or response that shows a person's answers: never kept by a browser or proxy."""
    response = make_response(page)
    response.headers["Cache-Control"] = "no-store"
    return response


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
    clinic = framing_clinic()
    return " ".join(clinic.frame_ancestors) if clinic else app.config["FRAME_ANCESTORS"]


def check_frame_ancestors(app: Flask) -> None:
    """Refuse to start with a source that would end the directive and add others to the CSP."""
    clinics = app.extensions.get("backcare_clinics", {}).values()
    for sources in (app.config["FRAME_ANCESTORS"].split(), *(c.frame_ancestors for c in clinics)):
        for source in sources:
            if not re.fullmatch(r"'none'|'self'|[^\s;,'\"]+", source):
                raise ValueError(f"frame ancestor {source!r} is not a single CSP source")


def secure(response: Response, app: Flask) -> Response:
    """Give a response the security headers, once. Never fails: if the visiting clinic cannot be
    read (an error page about that very failure), the page may not be framed at all."""
    if getattr(response, "secured", False):
        return response
    try:
        ancestors = frame_ancestors(app)
    except Exception:
        ancestors = "'none'"
    # Added, not set: nothing else sets these, and Headers.set searches the list each time.
    headers = response.headers
    headers.add("Content-Security-Policy", content_security_policy(ancestors))
    headers.extend(FIXED_HEADERS)
    response.secured = True
    return response


def init_app(app: Flask) -> None:
    check_frame_ancestors(app)

    @app.after_request
    def set_headers(response):
        return secure(response, app)
