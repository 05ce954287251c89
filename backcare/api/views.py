"""The API's routes: assessments (JSON or FHIR in, JSON out), the FHIR questionnaire, OpenAPI."""

import json

from flask import Blueprint, Response, current_app, jsonify, request
from flask.blueprints import BlueprintSetupState
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Rule

from backcare.api import cors, problems
from backcare.api.fhir import FHIR_JSON
from backcare.api.fhir.questionnaire import build_questionnaire
from backcare.api.fhir.response import as_assessed, read_questionnaire_response
from backcare.api.fhir.results import (
    CODE_SYSTEMS,
    assessment_bundle,
    build_code_system,
    questionnaire_response,
)
from backcare.api.problems import ApiError
from backcare.api.results import assessment_json
from backcare.api.schemas.openapi import openapi_document
from backcare.api.validation import check, emergency_assessment, read_json
from backcare.clinics import emergency_number
from backcare.headers import no_store
from backcare.i18n import LANGUAGES
from backcare.triage import assess

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.register_error_handler(ApiError, problems.render)
bp.register_error_handler(HTTPException, problems.from_http_exception)
bp.register_error_handler(Exception, problems.from_unexpected)

READERS = {"application/json": read_json, FHIR_JSON: read_questionnaire_response}


# CORS, opt-in per clinic (``api_origins``).
bp.before_request(cors.preflight)
bp.after_request(cors.add_headers)


@bp.post("/assessments")
def assessments() -> Response:
    """Assess answers sent as JSON or as a FHIR QuestionnaireResponse, in the language asked."""
    reader = READERS.get(request.mimetype)
    if reader is None:
        raise ApiError(
            415,
            problems.TITLES[415],
            _l(
                "Send the answers as application/json, or a FHIR QuestionnaireResponse as "
                "application/fhir+json."
            ),
            headers={"Accept-Post": ", ".join(READERS)},
        )
    body = _json_body()
    reading = reader(body)
    # An emergency first: it is never held up by what is missing, extra or invalid.
    assessment = emergency_assessment(reading) or assess(check(reading))
    lang = reading.lang or LANGUAGES[0]
    # No clinic visits the API: the deployment's number.
    number = emergency_number(None)
    if request.accept_mimetypes.best_match(["application/json", FHIR_JSON]) == FHIR_JSON:
        sent = isinstance(body, dict) and body.get("resourceType") == "QuestionnaireResponse"
        if sent:
            response = as_assessed(body, assessment.answers)
        else:
            response = questionnaire_response(assessment.answers, lang)
        bundle = assessment_bundle(response, assessment, lang, number)
        return no_store(_fhir(bundle))
    return no_store(jsonify(assessment_json(assessment, lang, number)))


def _fhir(resource: dict) -> Response:
    return current_app.response_class(json.dumps(resource, ensure_ascii=False), mimetype=FHIR_JSON)


def _query_lang() -> str:
    """``?lang=``: en or es (English by default); a 400 problem for anything else."""
    langs = request.args.getlist("lang") or [LANGUAGES[0]]
    lang = langs[0]
    if len(langs) > 1 or lang not in LANGUAGES:
        raise ApiError(
            400, problems.TITLES[400], _l("“%(member)s” must be “en” or “es”.", member="lang")
        )
    return lang


def _json_body() -> object:
    """The body parsed as JSON; a 400 problem when it is not JSON at all."""
    try:
        return json.loads(request.get_data())
    except json.JSONDecodeError as error:
        detail = _l(
            "The body could not be read as JSON (line %(line)d, column %(column)d).",
            line=error.lineno,
            column=error.colno,
        )
    except (ValueError, RecursionError):  # not UTF-8, a number too long, nesting too deep
        detail = _l("The body could not be read as JSON.")
    raise ApiError(400, _l("The request body is not valid JSON"), detail, problems.INVALID_JSON)


@bp.get("/questionnaire")
def questionnaire() -> Response:
    """The questionnaire as a FHIR R4 Questionnaire in ``?lang=`` (English by default)."""
    return _fhir(build_questionnaire(_query_lang()))


@bp.get("/fhir/CodeSystem/<code_system_id>")
def code_system(code_system_id: str) -> Response:
    """backcare's own code systems (levels, care, rules) as FHIR R4 CodeSystems."""
    if code_system_id not in CODE_SYSTEMS:
        raise ApiError(
            404,
            problems.TITLES[404],
            _l("The code systems are: %(ids)s.", ids=", ".join(CODE_SYSTEMS)),
        )
    return _fhir(build_code_system(code_system_id, _query_lang(), emergency_number(None)))


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document())


@bp.record
def add_fallback_rules(state: BlueprintSetupState) -> None:
    """Rules for every other address and method under the prefix. Flask's ``route`` needs a
    list of methods; a bare Werkzeug rule has none, so it matches any method, even one Flask
    has never heard of (``QUERY``): an API client gets a problem, never the HTML error page."""
    prefix = state.url_prefix or ""
    state.app.url_map.add(Rule(f"{prefix}/", endpoint="api.fallback", defaults={"path": ""}))
    state.app.url_map.add(Rule(f"{prefix}/<path:path>", endpoint="api.fallback"))
    state.app.view_functions["api.fallback"] = fallback


def fallback(path: str) -> Response:
    """A 404, or a 405 with ``Allow`` for a method one of our addresses does not take (Werkzeug
    tries our own routes first, so they come here only for a method they lack)."""
    allowed = sorted(
        method
        for rule in current_app.url_map.iter_rules()
        if rule.endpoint != request.endpoint and rule.rule == request.path
        for method in rule.methods or ()
    )
    if allowed:
        raise ApiError(
            405,
            problems.TITLES[405],
            _l("Use one of: %(methods)s.", methods=", ".join(allowed)),
            headers={"Allow": ", ".join(allowed)},
        )
    raise ApiError(
        404,
        problems.TITLES[404],
        _l("The API's addresses are listed in %(openapi)s.", openapi="/api/v1/openapi.json"),
    )
