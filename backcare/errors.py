"""Friendly error pages in the person's language, with a way back; never a stack trace."""

import logging
import traceback

from flask import Flask, Response, current_app, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from backcare.cross_site import CrossSiteError
from backcare.headers import secure
from backcare.templating import render_page
from backcare.triage import QUESTIONS_BY_ID

TITLES = {
    400: _l("Something was wrong with what was sent"),
    403: _l("You cannot open this page"),
    404: _l("Page not found"),
    405: _l("This page cannot be used that way"),
    413: _l("What was sent is too large"),
    500: _l("Sorry, something went wrong"),
}


def _back_to_page() -> str | None:
    """For a form page, a link back to the same page, rebuilt from our own routes only."""
    if (
        request.url_rule is None
        or request.blueprint != "web"
        or request.endpoint == "web.start_again"
    ):
        return None
    question_id = (request.view_args or {}).get("question_id")
    if question_id is not None and question_id not in QUESTIONS_BY_ID:
        return None
    return url_for(request.endpoint, **(request.view_args or {}))


def _own_description(error: HTTPException) -> str | None:
    """A 400's description when we wrote it (already translated), never Werkzeug's English one."""
    if error.code != 400 or error.description == BadRequest.description:
        return None
    return error.description


#: The last resort, when even the friendly page cannot be rendered: both languages, no links.
#: Its sentences are the 500 page's, in the catalog's Spanish.
PLAIN_PAGE = """<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Sorry, something went wrong</title>
<h1>Sorry, something went wrong</h1>
<p>The problem is on our side. Your answers are safe. Please try again in a moment.</p>
<p lang="es"><strong>Lo sentimos, algo salió mal.</strong> El problema es nuestro.
Sus respuestas están a salvo. Inténtelo otra vez en un momento.</p>
</html>
"""


def render_error(error: HTTPException):
    code = error.code or 500
    try:
        page = render_page(
            "errors/error.html",
            code=code,
            title=TITLES.get(code, TITLES[500]),
            description=_own_description(error),
            back=_back_to_page() if code in (400, 405) else None,
        )
    except Exception as failure:  # a broken template or translation: never a traceback
        log_unhandled(failure)
        page = PLAIN_PAGE
    # Werkzeug's own headers for the error, such as a 405's Allow, but not its content type.
    response = Response(page, code, mimetype="text/html")
    response.headers.extend(
        (name, value) for name, value in error.get_headers() if name != "Content-Type"
    )
    # The security headers now, not only after the request: an error page may be answering a
    # failure of the after-request hooks themselves, which then fail again.
    return secure(response, current_app)


class WithoutExceptionMessages(logging.Filter):
    """On the app's logger: a record that carries an exception (Flask's own, when an error
    handler or an after-request hook fails in turn) keeps its type and place, never its
    message, which may hold answers."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            where = "".join(traceback.format_tb(error.__traceback__))
            record.msg = f"{record.getMessage()}: {type(error).__name__}\n{where}"
            record.args = None
            record.exc_info = record.exc_text = None
        return True


def log_unhandled(error: Exception) -> None:
    """Log where a request failed, but not the message, form, body or query: they may hold
    answers. In debug mode the error goes on to the debugger instead."""
    if current_app.debug:
        raise error
    current_app.logger.error(
        "Unhandled %s on %s %s\n%s",
        type(error).__name__,
        request.method,
        request.path,
        "".join(traceback.format_tb(error.__traceback__)),
    )


def init_app(app: Flask) -> None:
    app.logger.addFilter(WithoutExceptionMessages())

    @app.errorhandler(CSRFError)
    def csrf_expired(error):
        # A post from another site's page: say so (its cookie may not even have come with it).
        # Else no CSRF secret in the session: the cookie itself is gone (it ends an hour after
        # the last page), and the answers with it. Say so, rather than "still saved".
        other_site = isinstance(error, CrossSiteError)
        cleared = not other_site and "csrf_token" not in session
        page = render_page(
            "errors/csrf.html", back=_back_to_page(), cleared=cleared, other_site=other_site
        )
        return page, 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        return render_error(error)

    @app.errorhandler(Exception)
    def unexpected(error):
        log_unhandled(error)
        return render_error(InternalServerError())
