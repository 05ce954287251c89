"""CORS for the API, opt-in per clinic (``api_origins``): a preflight answered, and
``Access-Control-Allow-Origin`` given, for exactly those origins; never credentials, as the API
takes no cookies. ``schemas/cors.py`` describes it in the OpenAPI document."""

from flask import Response, current_app, request

from backcare.clinics import api_origins

ALLOWED_METHODS = "GET, POST"
ALLOWED_HEADERS = "Content-Type, Accept"
#: Seconds a browser may keep a preflight's answer.
MAX_AGE = 600


def _allowed_origin() -> str | None:
    origin = request.headers.get("Origin")
    return origin if origin in api_origins() else None


def preflight() -> Response | None:
    """Answer a browser's preflight for a clinic's origin; other origins get nothing."""
    origin = _allowed_origin()
    if request.method != "OPTIONS" or not origin:
        return None
    if "Access-Control-Request-Method" not in request.headers:
        return None
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = str(MAX_AGE)
    return response


def add_headers(response: Response) -> Response:
    if api_origins():
        response.vary.add("Origin")
    origin = _allowed_origin()
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
    return response
