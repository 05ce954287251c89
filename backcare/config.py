"""Configuration: defaults here, then ``instance/config.py``, then ``BACKCARE_*`` variables."""

import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask

#: The gettext catalogs live in the package, so an installed wheel carries them: the .po files
#: are the committed source, the .mo files are compiled by the build (setup.py) or by
#: `make i18n-compile` in a checkout, and never committed.
TRANSLATIONS = Path(__file__).resolve().parent / "translations"


class Defaults:
    SECRET_KEY = None  # never a fallback: see require_secret_key
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(TRANSLATIONS)
    # The answers live only in this cookie, so it is kept small, private and short-lived.
    SESSION_COOKIE_NAME = "backcare"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Secure, and named __Host-backcare, in production whatever the proxy says; also whenever
    # the request came over HTTPS. None: off in debug and testing only. Set it to false
    # (BACKCARE_SESSION_COOKIE_SECURE=false) only to serve production settings over plain HTTP
    # on one's own machine.
    SESSION_COOKIE_SECURE = None
    PERMANENT_SESSION_LIFETIME = timedelta(hours=1)  # from the last request
    SESSION_ABSOLUTE_LIFETIME = timedelta(hours=4)  # from the first write, however it is used
    SESSION_REFRESH_EACH_REQUEST = True
    # The CSRF token lives as long as the session, so a slow reader is never turned away.
    WTF_CSRF_TIME_LIMIT = None
    # Flask-WTF's HTTPS check wants a Referer from this site, which privacy tools strip: posts
    # from other sites are refused on Sec-Fetch-Site and Origin instead (cross_site.py).
    WTF_CSRF_SSL_STRICT = False
    #: The host names this deployment answers to (Flask's own setting), for example
    #: ["backcare.example"]; ".example.org" takes every subdomain. Another Host gets a 400.
    #: None: any well-formed Host (a malformed one is a 400 either way).
    TRUSTED_HOSTS = None
    # WTForms' own messages never reach a person (each question has its own translated message,
    # and codes are checked first); loading its catalog cost 0.3 ms on every form.
    WTF_I18N_ENABLED = False
    MAX_CONTENT_LENGTH = 16 * 1024
    MAX_FORM_MEMORY_SIZE = 16 * 1024
    MAX_FORM_PARTS = 50
    EMERGENCY_NUMBER = "911"
    FRAME_ANCESTORS = "'none'"
    #: The start of the FHIR canonical URLs (Questionnaire, code systems): an identifier, not
    #: a link. The default's reserved name (RFC 2606) stands for whichever host serves the app.
    FHIR_BASE_URL = "https://backcare.example/fhir"
    PROXY_FIX_X_FOR = 1
    PROXY_FIX_X_PROTO = 1


def load(app: Flask, test_config: dict | None) -> None:
    """Fill ``app.config`` in order: defaults, instance file, environment, then tests' overrides."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("BACKCARE")
    if test_config:
        app.config.update(test_config)
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = not (app.debug or app.testing)
    require_secret_key(app)


def require_secret_key(app: Flask) -> None:
    """Refuse to start in production without a shared secret key; debug gets a random one."""
    if app.config.get("SECRET_KEY"):
        return
    if app.debug or app.testing:
        app.config["SECRET_KEY"] = secrets.token_hex(32)
        return
    raise RuntimeError(
        "backcare needs a secret key: set BACKCARE_SECRET_KEY to a long random string "
        "(for example the output of `python -c 'import secrets; print(secrets.token_hex(32))'`). "
        "Every gunicorn worker and every machine must share the same key."
    )
