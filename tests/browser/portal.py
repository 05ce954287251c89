"""A clinic's portal on an origin of its own: a small page that renders the app's FHIR
Questionnaire with NLM's LHC-Forms (``npm ci`` installs it, package.json) and sends the
QuestionnaireResponse it exports to the app's API, through CORS, as a portal's browser code
would.

The server serves only that page and LHC-Forms' web component and R4 support files.
"""

import mimetypes
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path

from ..servers import ROOT
from .sites import Handler, serve

LFORMS = ROOT / "node_modules" / "lforms" / "dist" / "lforms"
#: What the page loads from LHC-Forms (its README, "Using the LHC-Forms Web Component").
SERVED = ("webcomponent", "fhir/R4")
#: The files the page loads: without them the renderer tests cannot run.
LFORMS_FILES = (
    LFORMS / "webcomponent" / "lhc-forms.js",
    LFORMS / "webcomponent" / "styles.css",
    LFORMS / "fhir" / "R4" / "lformsFHIR.min.js",
)
PAGE = Path(__file__).with_name("portal.html")
#: The clinic profile whose ``api_origins`` list the portal's origin.
PORTAL_CLINIC = "portal"


class _Handler(Handler):
    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        if path == "/":
            self.send(PAGE.read_bytes())
            return
        file = _lforms_file(path)
        if file is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send(file.read_bytes(), content_type)


def _lforms_file(path: str) -> Path | None:
    """The LHC-Forms file at ``/lforms/<path>``, when it is one the page may load."""
    relative = path.removeprefix("/lforms/")
    if relative == path or not any(relative.startswith(part + "/") for part in SERVED):
        return None
    file = (LFORMS / relative).resolve()
    if LFORMS.resolve() not in file.parents or not file.is_file():
        return None
    return file


@contextmanager
def portal():
    """Serve the portal on a free loopback port; yield its origin (``http://127.0.0.1:port``)."""
    with serve(_Handler) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"
