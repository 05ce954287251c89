"""Pages inside a clinic's portal: when they count as embedded, and where their messages go.

A page is embedded when the visit's clinic may frame it (``frame_ancestors``) and the browser
says the page is loading in a frame (``Sec-Fetch-Dest: iframe``), or the clinic's link said so
with ``?embed=1`` (kept in the session for the visit, like the clinic). An embedded page's
"Back to" link leaves the frame, its links to other sites open in a new tab, and ``embed.js``
posts the page's height, and on the result the assessment, to the parent window.

Messages go to one origin only, never ``*``: the origin of the clinic's ``portal_url``, which
``frame_ancestors`` must list (checked at start-up). A page framed anywhere else sends nothing
that arrives. The assessment is built here, in the person's own page, for their own parent
window: the server keeps and sends nothing.
"""

from typing import Any

from flask import Flask, Response, request, session

from backcare.api.fhir.results import questionnaire_response
from backcare.api.results import assessment_json
from backcare.clinics import framing_clinic
from backcare.triage import Assessment

SESSION_KEY = "embed"
ASSESSMENT_MESSAGE = "backcare.assessment"


def record_embedding() -> None:
    """Before a page: ``?embed=1`` from a clinic that may frame the pages, kept for the visit."""
    if request.args.get("embed") == "1" and framing_clinic() and not session.get(SESSION_KEY):
        session[SESSION_KEY] = True


def embedded() -> bool:
    """Whether this page shows inside the portal of the visit's clinic."""
    if framing_clinic() is None:
        return False
    return request.headers.get("Sec-Fetch-Dest") == "iframe" or session.get(SESSION_KEY) is True


def assessment_message(assessment: Assessment, lang: str, emergency_number: str) -> dict[str, Any]:
    """What the result posts to the portal: the API's JSON assessment and the FHIR
    QuestionnaireResponse of the answers, both from the API's own builders."""
    return {
        "type": ASSESSMENT_MESSAGE,
        "assessment": assessment_json(assessment, lang, emergency_number),
        "questionnaireResponse": questionnaire_response(assessment.answers, lang),
    }


def check_message_origins(app: Flask) -> None:
    """Refuse to start when a clinic that may frame the pages has no portal origin to post to."""
    for clinic in app.extensions["backcare_clinics"].values():
        if not clinic.frame_ancestors:
            continue
        if not clinic.portal_url:
            raise ValueError(
                f"clinic {clinic.id!r}: portal_url is needed with frame_ancestors: embedded "
                "pages post their messages to the portal's origin alone"
            )
        if clinic.portal_origin not in clinic.frame_ancestors:
            raise ValueError(
                f"clinic {clinic.id!r}: frame_ancestors must list {clinic.portal_origin}, the "
                "origin of portal_url: embedded pages post their messages to it alone"
            )


def _vary(response: Response) -> Response:
    # The same address gives another page inside the frame: caches must tell them apart.
    if request.blueprint == "web" and framing_clinic():
        response.vary.add("Sec-Fetch-Dest")
    return response


def init_app(app: Flask) -> None:
    check_message_origins(app)
    # Only a clinic that may frame the pages embeds them: with none, no request pays for this.
    if any(clinic.frame_ancestors for clinic in app.extensions["backcare_clinics"].values()):
        app.before_request(record_embedding)
        app.after_request(_vary)
