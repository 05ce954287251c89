"""A clinic's portal for the embedding tests: a static page on its own origin (another port of
127.0.0.1, so the same site as the app and its Lax cookie) that frames backcare and records
every message the frame posts to it."""

from contextlib import contextmanager

from .sites import Handler, serve

#: The page frames ``?frame=<address>``, sizes the frame by its height messages, and keeps
#: every message from the frame in ``window.received`` for the test to read.
PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clinic portal</title></head>
<body style="margin:0">
<iframe id="backcare" title="Back pain guide"
  style="display:block;width:100%;height:150px;border:0"></iframe>
<script>
window.received = [];
var frame = document.getElementById("backcare");
addEventListener("message", function (event) {
  if (event.source !== frame.contentWindow) { return; }
  received.push({origin: event.origin, data: event.data});
  if (event.data && event.data.type === "backcare.height") {
    frame.style.height = event.data.height + "px";
  }
});
frame.src = new URLSearchParams(location.search).get("frame");
</script>
</body></html>
"""


class _Page(Handler):
    def do_GET(self):
        self.send(PAGE, status=200 if self.path.startswith("/?") or self.path == "/" else 404)


@contextmanager
def framing_portal():
    """Serve the portal page on a free port of 127.0.0.1; yield its origin."""
    with serve(_Page) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"
