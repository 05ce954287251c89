"""Through real gunicorn with the repository's gunicorn.conf.py: headers, limits, and logs and
disks that never hold an answer."""

import http.client
import os
import re
import runpy
import socket
import subprocess
import urllib.parse

import pytest

from .answers import DISTINCTIVE, DISTINCTIVE_CODES
from .headers import assert_security_headers
from .questionnaire import form_value
from .servers import ROOT, gunicorn

CONF = ROOT / "gunicorn.conf.py"
#: The answer codes to look for in the logs, and markers sent everywhere a request can carry text.
CODES = (*DISTINCTIVE_CODES, "worse")
MARKERS = ("MARKER-UA-51", "MARKER-REF-52", "MARKER-QUERY-53", "MARKER-FORM-54")


class Browser:
    """Plain HTTP to one server, keeping the session cookie like a browser."""

    def __init__(self, url, headers=None):
        address = urllib.parse.urlsplit(url)
        self.host, self.port = address.hostname, address.port
        self.cookie = None
        self.headers = headers or {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        headers = {**self.headers, **(headers or {})}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        chunked = headers.get("Transfer-Encoding") == "chunked"
        connection.request(method, path, body=body, headers=headers, encode_chunked=chunked)
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        connection.close()
        if cookie := response.getheader("Set-Cookie"):
            self.cookie = cookie.split(";", 1)[0]
        return response

    def token(self, path):
        page = self.request("GET", path).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def walk(self, answers, lang):
        """Answer every question the pages ask, then open the result."""
        path = f"/{lang}/q/emergency_signs"
        while not path.endswith("/result"):
            if path.endswith("/check"):
                response = self.request("POST", path, {"csrf_token": self.token(path)})
            else:
                question_id = path.rsplit("/", 1)[1]
                value = form_value(question_id, answers[question_id])
                data = {question_id: value, "csrf_token": self.token(path)}
                response = self.request("POST", path, data)
            assert response.status == 302, (path, response.status)
            path = response.getheader("Location")
        return self.request("GET", path)


@pytest.fixture(scope="module")
def server():
    with gunicorn() as url:
        yield url


def test_the_config_limits_requests_and_logs_no_query_client_or_referrer():
    conf = runpy.run_path(str(CONF))
    assert conf["workers"] >= 1 and conf["timeout"] > 0
    assert 0 < conf["limit_request_line"] <= 4094
    assert 0 < conf["limit_request_fields"] <= 100
    assert 0 < conf["limit_request_field_size"] <= 8190
    log_format = conf["access_log_format"]
    assert "%(U)s" in log_format
    for field in ("%(r)s", "%(q)s", "%(h)s", "%(f)s", "%(a)s", "{cookie}i", "{referer}i"):
        assert field not in log_format, field
    assert conf["control_socket_disable"] is True


def test_gunicorn_sends_the_security_headers_and_no_version(server):
    browser = Browser(server, {"Accept-Language": "es"})
    for method, path in [
        ("GET", "/es/"),
        ("GET", "/static/style.css"),
        ("GET", "/healthz"),
        ("GET", "/es/no-such-page"),
        ("POST", "/es/about"),
        ("GET", "/en"),
    ]:
        response = browser.request(method, path)
        assert response.status in (200, 308, 404, 405), (path, response.status)
        assert response.headers.get_all("Server") == ["gunicorn"]
        assert_security_headers(response.headers, where=path)


@pytest.mark.parametrize("chunked", [False, True])
def test_an_oversized_body_gets_the_friendly_413_through_gunicorn(server, chunked):
    browser = Browser(server)
    body = f"csrf_token={browser.token('/es/q/emergency_signs')}&emergency_signs=none"
    body = (body + "&" * 100_000).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if chunked:
        body, headers["Transfer-Encoding"] = iter([body]), "chunked"
    response = browser.request("POST", "/es/q/emergency_signs", body, headers)
    assert response.status == 413
    assert '<html lang="es">' in response.text
    assert 'href="/es/"' in response.text
    assert_security_headers(response.headers)


def test_a_broken_chunked_body_is_a_friendly_400(server):
    """gunicorn finds the broken chunk only when the app reads the body."""
    browser = Browser(server)
    token = browser.token("/es/q/emergency_signs")
    head = (
        "POST /es/q/emergency_signs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nCookie: {browser.cookie}\r\n"
    )
    body = f"zz\r\ncsrf_token={token}&emergency_signs=none\r\n0\r\n\r\n"  # "zz": not a size
    reply = send_raw(server, head.encode(), body.encode())
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert b'<html lang="es">' in reply


def send_raw(url, head, body=b""):
    address = urllib.parse.urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
        sock.sendall(head + b"Connection: close\r\n\r\n" + body)
        return b"".join(iter(lambda: sock.recv(65536), b""))


@pytest.mark.parametrize(
    "request_head",
    [
        b"GET /es/" + b"a" * 3000 + b" HTTP/1.1\r\nHost: x\r\n",  # request line too long
        b"GET /es/ HTTP/1.1\r\nHost: x\r\n" + b"X-Many: 1\r\n" * 120,  # too many headers
        b"GET /es/ HTTP/1.1\r\nHost: x\r\nCookie: " + b"a" * 9000 + b"\r\n",  # one too large
        b"GET /es/q/\xff\xfe?lang=\xff HTTP/1.1\r\nHost: x\r\n",  # bytes no browser sends
    ],
)
def test_gunicorn_refuses_oversized_or_malformed_requests_without_a_5xx(server, request_head):
    reply = send_raw(server, request_head)
    status = int(reply.split(b" ", 2)[1])
    assert 400 <= status < 500, reply[:200]
    assert b"Traceback" not in reply and b'File "' not in reply


@pytest.mark.parametrize("host", ["bad host", "x:99999"])
def test_a_malformed_host_gets_the_friendly_400_with_headers_through_gunicorn(server, host):
    """gunicorn passes such a Host on; Werkzeug would read it as no host and answer 200."""
    response = Browser(server).request("GET", "/es/", headers={"Host": host})
    assert response.status == 400
    assert '<html lang="es">' in response.text and 'href="/es/"' in response.text
    assert_security_headers(response.headers)


def snapshot(folder):
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
    }


def test_a_whole_visit_leaves_no_answer_in_any_log_or_file(tmp_path):
    """Access and error logs on, as `make serve` runs it; gunicorn started from an empty
    folder and home, so anything it or the app writes would show."""
    logs, cwd, home = tmp_path / "logs", tmp_path / "cwd", tmp_path / "home"
    for folder in (logs, cwd, home):
        folder.mkdir()
    instance = ROOT / "instance"
    before = snapshot(instance)
    env = {"HOME": str(home), "XDG_RUNTIME_DIR": ""}
    args = ("--config", str(CONF), "--access-logfile", "-")
    with gunicorn(*args, env=env, log_dir=logs, cwd=cwd) as url:
        headers = {"User-Agent": MARKERS[0], "Referer": f"https://portal.example/?{MARKERS[1]}"}
        browser = Browser(url, headers)
        for lang in ("es", "en"):
            result = browser.walk(DISTINCTIVE, lang)
            assert result.status == 200 and "data-level" in result.text
        change = f"/en/q/age?change=1&note={MARKERS[2]}"
        data = {"age": "over_70", "csrf_token": browser.token(change)}  # asks nothing new
        assert browser.request("POST", change, data).status == 302
        data = {"age": MARKERS[3], "csrf_token": browser.token("/en/q/age")}
        assert browser.request("POST", "/en/q/age", data).status == 400
        data = {"csrf_token": browser.token("/en/result")}
        assert browser.request("POST", "/en/start-again", data).status == 302

    access = (logs / "stdout.log").read_text()
    assert '"POST /es/q/severity HTTP/1.1" 302' in access, "the access log was on"
    assert "?" not in access, "no query string"
    text = access + (logs / "stderr.log").read_text()
    for secret in CODES + MARKERS:
        assert secret not in text, secret
    assert snapshot(instance) == before
    assert not any(cwd.iterdir()) and not any(home.iterdir())


def test_make_serve_is_documented_and_refuses_to_start_without_a_secret_key():
    env = {"PATH": os.environ["PATH"]}  # no key, and no MAKEFLAGS: nothing runs in parallel
    listed = subprocess.run(["make", "help"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert re.search(r"^\s+serve\s+.*gunicorn\.conf\.py", listed.stdout, re.M)
    result = subprocess.run(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "BACKCARE_SECRET_KEY" in result.stderr
    assert "pip" not in result.stdout + result.stderr, "refused before installing anything"
