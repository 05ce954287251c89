"""CORS in the OpenAPI description (``api/cors.py`` answers it): the ``Origin`` a browser sends,
the ``Access-Control-*`` headers of the answer, and the preflight (``OPTIONS``)."""

from typing import Any

from backcare.api.cors import ALLOWED_HEADERS, ALLOWED_METHODS, MAX_AGE

Schema = dict[str, Any]

#: The origin the description's examples use; a deployment answers its clinics' ``api_origins``.
EXAMPLE_ORIGIN = "https://portal.clinic.example"

ORIGIN = {
    "name": "Origin",
    "in": "header",
    "required": False,
    "description": "Sent by a browser. An origin one of the deployment's clinic profiles lists in "
    "`api_origins` gets CORS headers back; any other gets none.",
    "schema": {"type": "string"},
    "example": EXAMPLE_ORIGIN,
}

HEADERS: dict[str, Schema] = {
    "AccessControlAllowOrigin": {
        "description": "The request's `Origin`, only when a clinic's `api_origins` lists it. "
        "Never `*`, and never with credentials: the API takes no cookies.",
        "schema": {"type": "string", "pattern": "^https?://[^/]+$"},
    },
    "AccessControlAllowMethods": {
        "description": "The methods a listed origin may use.",
        "schema": {"const": ALLOWED_METHODS},
    },
    "AccessControlAllowHeaders": {
        "description": "The request headers a listed origin may send.",
        "schema": {"const": ALLOWED_HEADERS},
    },
    "AccessControlMaxAge": {
        "description": "How long, in seconds, a browser may keep the preflight's answer.",
        "schema": {"type": "integer", "const": MAX_AGE},
    },
    "Vary": {
        "description": "Names `Origin` once any clinic lists `api_origins`: the answer depends "
        "on it.",
        "schema": {"type": "string"},
    },
}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/headers/{name}"}


def _required(name: str) -> Schema:
    return {**HEADERS[name], "required": True}


def response_headers() -> dict[str, Schema]:
    """The CORS headers of any answer to a request with an ``Origin``."""
    return {"Access-Control-Allow-Origin": _ref("AccessControlAllowOrigin"), "Vary": _ref("Vary")}


def preflight(operation_id: str, *path_parameters: Schema) -> Schema:
    """The ``OPTIONS`` operation of one address: a browser's preflight (whatever the values of
    its ``path_parameters``: a browser asks before it knows the answer)."""
    return {
        "operationId": operation_id,
        "summary": "CORS preflight, for a clinic's origin",
        "description": "A browser asks before a cross-origin call. For an origin a clinic "
        "profile lists in `api_origins`, with `Access-Control-Request-Method`: 204 and the "
        "`Access-Control-*` headers. For any other origin, or without that header: an empty "
        "200, without them.",
        "parameters": [
            *path_parameters,
            ORIGIN,
            {
                "name": "Access-Control-Request-Method",
                "in": "header",
                "required": False,
                "schema": {"type": "string"},
                "example": "POST",
            },
            {
                "name": "Access-Control-Request-Headers",
                "in": "header",
                "required": False,
                "schema": {"type": "string"},
                "example": "content-type",
            },
        ],
        "responses": {
            "204": {
                "description": "The preflight of a listed origin, answered.",
                "headers": {
                    "Access-Control-Allow-Origin": _required("AccessControlAllowOrigin"),
                    "Access-Control-Allow-Methods": _required("AccessControlAllowMethods"),
                    "Access-Control-Allow-Headers": _required("AccessControlAllowHeaders"),
                    "Access-Control-Max-Age": _required("AccessControlMaxAge"),
                    "Vary": _required("Vary"),
                },
            },
            "200": {
                "description": "Not a preflight of a listed origin: an empty answer, with no "
                "`Access-Control-Allow-Methods`, so the browser makes no cross-origin call.",
                "headers": response_headers(),
            },
        },
    }
