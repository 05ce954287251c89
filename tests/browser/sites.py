"""Small sites of the browser tests' own (clinics' portals), each on a free port of 127.0.0.1."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "text/html; charset=utf-8"


class Handler(BaseHTTPRequestHandler):
    """A handler that answers with :meth:`send` and logs nothing (the tests report what
    matters)."""

    def send(self, body: bytes, content_type: str = HTML, status: int = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


@contextmanager
def serve(handler: type[Handler]) -> Iterator[ThreadingHTTPServer]:
    """Serve ``handler`` until the block ends; yield the server (its port is
    ``server.server_address[1]``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
