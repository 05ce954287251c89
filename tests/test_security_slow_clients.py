"""Slow clients, through real gunicorn with the repository's gunicorn.conf.py and no proxy in
front: a dozen connections that dribble their headers must not hold up anyone else."""

import http.client
import socket
import threading
import time
import urllib.parse
import urllib.request

from .servers import ROOT, gunicorn

CONF = ROOT / "gunicorn.conf.py"
SLOW_CLIENTS = 12
DRIBBLE_SECONDS = 10
#: Ordinary requests, asked over and over while the slow clients dribble.
ORDINARY = ("/healthz", "/en/q/emergency_signs")
ANSWER_WITHIN = 2.0


class Dribblers:
    """Connections that send a request's headers one byte every half second, in a thread."""

    def __init__(self, url: str, count: int):
        address = urllib.parse.urlsplit(url)
        self.sockets = [
            socket.create_connection((address.hostname, address.port), timeout=10)
            for _ in range(count)
        ]
        for sock in self.sockets:
            sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.dribble, daemon=True)

    def dribble(self):
        while not self.stop.wait(0.5):
            for sock in self.sockets:
                sock.sendall(b"a")  # fails if the server has dropped the connection

    def finish(self) -> list[bytes]:
        """Stop dribbling, end each request's headers and read each answer's status line."""
        self.stop.set()
        self.thread.join()
        replies = []
        for sock in self.sockets:
            with sock:
                sock.sendall(b"\r\nConnection: close\r\n\r\n")
                replies.append(sock.makefile("rb").readline())
        return replies


def timed_get(url: str) -> tuple[int, float]:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=ANSWER_WITHIN + 3) as response:
        response.read()
        return response.status, time.monotonic() - started


def test_a_dozen_dribbling_clients_do_not_hold_up_ordinary_requests():
    with gunicorn("--config", str(CONF)) as url:
        dribblers = Dribblers(url, SLOW_CLIENTS)
        dribblers.thread.start()
        time.sleep(1)  # every slow client has been accepted and holds what it holds
        answers = []
        deadline = time.monotonic() + DRIBBLE_SECONDS - 1
        while time.monotonic() < deadline:
            answers += [(path, *timed_get(url + path)) for path in ORDINARY]
            time.sleep(0.5)
        assert dribblers.thread.is_alive(), "every slow client was still connected"
        replies = dribblers.finish()
    slow = [(path, status, round(took, 2)) for path, status, took in answers if took > 0.5]
    assert all(status == 200 and took < ANSWER_WITHIN for _, status, took in answers), slow
    assert len(answers) >= 5 * len(ORDINARY), "asked several times during the dribbling"
    # The slow clients were real requests all along: each one is answered once it ends.
    assert replies == [b"HTTP/1.1 200 OK\r\n"] * SLOW_CLIENTS


def test_a_connection_that_sends_nothing_is_closed_and_never_kept_alive():
    """No idle connection stays: one that sends nothing is closed after its 5 s in a thread,
    and every answer closes its connection (keepalive 0, gunicorn.conf.py says why)."""
    with gunicorn("--config", str(CONF)) as url:
        address = urllib.parse.urlsplit(url)
        with socket.create_connection((address.hostname, address.port), timeout=10) as idle:
            started = time.monotonic()
            assert idle.recv(1) == b"", "closed by the server, nothing sent"
            assert time.monotonic() - started < 8
        # http.client asks for keep-alive (HTTP/1.1), as browsers and proxies do.
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
        connection.request("GET", "/healthz")
        assert connection.getresponse().getheader("Connection") == "close"
        connection.close()
