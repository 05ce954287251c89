"""Errors as RFC 9457 ``application/problem+json``, in the language the request asked for."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from flask import Response, current_app, json
from flask_babel import LazyString, force_locale
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from backcare.errors import log_unhandled
from backcare.i18n import preferred_language

PROBLEM_JSON = "application/problem+json"
#: Problem type URIs are identifiers, not links. backcare.example is a reserved name
#: (RFC 2606): backcare owns no domain, and each deployment has its own host.
INVALID_REQUEST = "https://backcare.example/problems/invalid-request"
INVALID_JSON = "https://backcare.example/problems/invalid-json"

TITLES = {
    400: _l("The request could not be read"),
    404: _l("There is nothing at this address"),
    405: _l("This address does not take that method"),
    413: _l("The request body is too large"),
    415: _l("The request body must be JSON"),
    500: _l("Something went wrong on our side"),
}


class ErrorKind(StrEnum):
    """What is wrong with one part of a request."""

    MISSING = "missing"
    NOT_ASKED = "not_asked"
    UNKNOWN_CODE = "unknown_code"
    WRONG_TYPE = "wrong_type"
    REPEATED_CODE = "repeated_code"
    REPEATED_QUESTION = "repeated_question"
    UNKNOWN_QUESTION = "unknown_question"
    UNKNOWN_MEMBER = "unknown_member"


@dataclass(frozen=True)
class InputError:
    """One problem with a request, for the ``errors`` member of a 400.

    ``question`` names the question it is about, ``pointer`` (a JSON Pointer, RFC 6901) the
    place in the request body; a problem has one or both. ``kind`` is a stable code for
    programs, ``detail`` a sentence for people.
    """

    kind: ErrorKind
    detail: str | LazyString
    question: str | None = None
    pointer: str | None = None

    def as_json(self) -> dict[str, str]:
        where = {"question": self.question, "pointer": self.pointer}
        named = {key: value for key, value in where.items() if value is not None}
        return {**named, "kind": str(self.kind), "detail": str(self.detail)}


@dataclass
class ApiError(Exception):
    """Raised in an API view; turned into a problem+json response by ``render``."""

    status: int
    title: str | LazyString
    detail: str | LazyString | None = None
    type: str = "about:blank"
    errors: tuple[InputError, ...] = ()
    #: The language asked for in the request, when it gave a valid one.
    lang: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


def render(problem: ApiError) -> Response:
    """The problem as an ``application/problem+json`` response."""
    with force_locale(preferred_language(problem.lang)):
        body: dict[str, object] = {
            "type": problem.type,
            "title": str(problem.title),
            "status": problem.status,
        }
        errors = [error.as_json() for error in problem.errors]
        if problem.detail is not None:
            body["detail"] = str(problem.detail)
        elif errors:  # every problem in one sentence, for clients that show only "detail"
            body["detail"] = " ".join(error["detail"] for error in errors)
        if errors:
            body["errors"] = errors
    response = current_app.response_class(
        json.dumps(body), status=problem.status, mimetype=PROBLEM_JSON
    )
    response.headers.update(problem.headers)
    return response


def invalid_request(errors: Iterable[InputError], lang: str | None) -> ApiError:
    """A 400 listing every problem found in the request."""
    return ApiError(
        400,
        _l("The request does not fit the questionnaire"),
        type=INVALID_REQUEST,
        errors=tuple(errors),
        lang=lang,
    )


def from_http_exception(error: HTTPException) -> Response:
    """Werkzeug's errors inside the API (a body too large, say) as problem+json too."""
    code = error.code or 500
    headers = dict(error.get_headers())
    headers.pop("Content-Type", None)
    return render(ApiError(code, TITLES.get(code, TITLES[400]), headers=headers))


def from_unexpected(error: Exception) -> Response:
    """An unexpected error: logged without the body (it holds answers), answered as a 500."""
    log_unhandled(error)
    return render(ApiError(500, TITLES[500]))
