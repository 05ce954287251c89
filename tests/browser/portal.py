"""A clinic's portal on an origin of its own: a small page that renders the app's FHIR
Questionnaire with NLM's LHC-Forms (``npm ci`` installs it, package.json) and sends the
QuestionnaireResponse it exports to the app's API, through CORS, as a portal's browser code
would.

The server serves only that page and LHC-Forms' web component and R4 support files.
"""

import mimetypes
import threading
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..servers import ROOT

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


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        if path == "/":
            self._send(PAGE, "text/html; charset=utf-8")
            return
        file = _lforms_file(path)
        if file is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        self._send(file, mimetypes.guess_type(file.name)[0] or "application/octet-stream")

    def _send(self, file: Path, content_type: str) -> None:
        body = file.read_bytes()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # quiet: the test reports what matters
        pass


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
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
