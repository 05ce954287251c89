"""The one place that sets security headers, CSRF protection and the proxy set-up."""

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from backcare.clinics import active_clinic

csrf = CSRFProtect()


class SessionInterface(SecureCookieSessionInterface):
    """The signed cookie session, marked Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        # ProxyFix makes request.is_secure true behind a TLS-terminating proxy.
        return request.is_secure or super().get_cookie_secure(app)


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


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


def frame_ancestors(app: Flask) -> str:
    """Who may frame the page: a visiting clinic's configured portals, else the default."""
    clinic = active_clinic() if request.blueprint == "web" else None
    if clinic and clinic.frame_ancestors:
        return " ".join(clinic.frame_ancestors)
    return app.config["FRAME_ANCESTORS"]


def init_app(app: Flask) -> None:
    app.wsgi_app = ProxyFix(
        app.wsgi_app,
        x_for=app.config["PROXY_FIX_X_FOR"],
        x_proto=app.config["PROXY_FIX_X_PROTO"],
    )
    csrf.init_app(app)
    app.session_interface = SessionInterface()

    @app.after_request
    def set_headers(response):
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy(frame_ancestors(app))
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "same-origin"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Cross-Origin-Resource-Policy"] = "same-origin"
        return response
