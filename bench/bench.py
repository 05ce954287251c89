"""Load-test backcare against a bare Flask app with wrk, under identical gunicorn settings.

Runs, one after the other, (a) ``bench/bare_app.py`` (one route rendering a small template file)
and (b) backcare, each under gunicorn with 2 sync workers on a free loopback port (both from the
repository root, so both read its ``gunicorn.conf.py`` when there is one), drives each
page with ``wrk`` and prints requests/s, p50, p99 and their ratio to the bare app measured in the
same run, the start-up time (process start to first good response) and each worker's resident
memory after the load. The figures also go to ``bench/results/bench-<time>.json``.
The question and result pages are then loaded again on backcare as served: the worker class
and threads of ``gunicorn.conf.py`` (gthread), 2 workers, against the same bare app.
After backcare, (c) ``bench/floor_app.py``, the bare app with a signed session cookie and
Flask-WTF's CSRF token, is measured for reference: what those two cost before any page's work.

Usage: ``make bench`` or ``.venv/bin/python bench/bench.py``. Environment variables for a quick
run: BENCH_THREADS (2), BENCH_CONNECTIONS (20), BENCH_DURATION (10s), e.g. BENCH_DURATION=2s;
BENCH_APP (``backcare:create_app()``) serves another build of backcare, to try a fix.
The bare app is loaded before and after backcare and the ratios use the mean of the two, so a
machine that got busier during the run shows up as drift between the two bare rows.
Needs ``wrk``, a Debian package: ``apt-get install -y wrk``. Exits non-zero when wrk is missing
or when a row is not valid (a wrong status, or any non-2xx/3xx response during the load).
"""

import http.client
import json
import os
import re
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WORKERS = 2
#: Sync workers for the reference runs, whatever gunicorn.conf.py says (gunicorn turns "sync"
#: into gthread when threads > 1, so threads are set to 1 too).
SYNC = ("--worker-class", "sync", "--threads", "1")
CONF = ROOT / "gunicorn.conf.py"
SERVED = runpy.run_path(str(CONF)) if CONF.exists() else {}
#: How the production configuration runs the workers, for the rows that use it.
SERVED_WORKERS = f"{SERVED.get('worker_class', 'sync')} x{SERVED.get('threads', 1)}"
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "20"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
APP = os.environ.get("BENCH_APP", "backcare:create_app()")
TARGETS = {"rps_ratio_min": 0.6, "p99_ratio_max": 2.0, "startup_s_max": 1.0, "rss_mb_max": 60.0}

#: A complete, non-emergency set of answers, in the order the questionnaire asks them.
ANSWERS: dict[str, tuple[str, ...]] = {
    "emergency_signs": ("none",),
    "age": ("18_to_50",),
    "first_episode": ("no",),
    "injury": ("none",),
    "duration": ("3_days_to_4_weeks",),
    "trend": ("improving",),
    "severity": ("mild",),
    "leg_symptoms": ("none",),
    "warning_signs": ("none",),
    "health": ("none",),
    "pregnant": ("no",),
    "bed_rest": ("none",),
    "activities": ("none",),
}
FLOOR_GET, FLOOR_POST = "floor: session + CSRF", "floor: answer, redirect"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Row:
    """One wrk run against one page."""

    name: str
    method: str
    path: str
    baseline: bool = False
    #: A row of the floor app: shown for comparison, not held to the targets.
    reference: bool = False
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    bad_responses: int = 0
    socket_errors: str = ""
    error: str = ""
    rps_ratio: float | None = None
    p99_ratio: float | None = None
    #: CPU time the server's workers spent per request during the load: less swayed by other
    #: work on the machine than requests per second.
    cpu_ms: float | None = None


@dataclass
class Server:
    """A gunicorn started by this script, and what was measured on it."""

    name: str
    process: subprocess.Popen
    port: int
    startup_s: float
    rss_mb: tuple[float, ...] = ()


def free_port() -> int:
    """A loopback port that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(
    port: int, method: str, path: str, cookie: str = "", body: str = ""
) -> tuple[int, http.client.HTTPMessage, str]:
    """One HTTP request to 127.0.0.1: the status, the headers and the body as text."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Cookie": cookie} if cookie else {}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        conn.close()


@contextmanager
def gunicorn(
    name: str, app: str, health_path: str, worker_args: tuple[str, ...] = SYNC
) -> Iterator[Server]:
    """Serve ``app`` with gunicorn (2 workers, sync unless ``worker_args`` say otherwise; ``()``
    keeps gunicorn.conf.py's) until the block ends; always stop it."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), *worker_args]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    env = {**os.environ, "BACKCARE_SECRET_KEY": secrets.token_hex(32)}
    started = time.perf_counter()
    process = subprocess.Popen([*command, app], cwd=ROOT, env=env)
    try:
        startup = wait_until_up(process, port, health_path, started)
        yield Server(name, process, port, startup)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(process: subprocess.Popen, port: int, path: str, started: float) -> float:
    """Seconds from ``started`` to the first 200 on ``path``; fails after 30 s."""
    while time.perf_counter() - started < 30:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before it answered")
        try:
            if request(port, "GET", path)[0] == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.005)
    raise RuntimeError(f"no 200 from {path} within 30 s")


def worker_rss_mb(master: int) -> tuple[float, ...]:
    """VmRSS in MB of each gunicorn worker, i.e. each process whose parent is ``master``."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue  # the process ended while we looked
        if int(fields["PPid"]) == master and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return tuple(sorted(sizes))


def workers_cpu_s(master: int) -> float:
    """CPU seconds (user and system, every thread) used so far by the children of ``master``."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        if int(fields[1]) == master:  # fields after the name: state, ppid, ... utime, stime
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def update_cookie(cookie: str, headers: http.client.HTTPMessage, name: str = "backcare") -> str:
    """The ``<name>=...`` cookie (or ``__Host-<name>``, as production names it) from a
    response's Set-Cookie, else the one we had."""
    for header in headers.get_all("Set-Cookie") or ():
        if header.split("=", 1)[0] in (name, f"__Host-{name}"):
            return header.split(";", 1)[0]
    return cookie


def complete_session(port: int) -> tuple[str, str]:
    """Walk the questionnaire once; return a session cookie holding every answer and its token."""
    cookie, path = "", "/en/q/emergency_signs"
    while path.startswith("/en/q/"):
        status, headers, page = request(port, "GET", path, cookie)
        cookie, question = update_cookie(cookie, headers), path.rsplit("/", 1)[1]
        fields = [(question, code) for code in ANSWERS[question]]
        body = urlencode([*fields, ("csrf_token", TOKEN.search(page)[1])])
        status, headers, _ = request(port, "POST", path, cookie, body)
        if status != 302:
            raise RuntimeError(f"answering {question} gave {status}, not 302")
        cookie, path = update_cookie(cookie, headers), urlsplit(headers["Location"]).path
    if path != "/en/check":
        raise RuntimeError(f"the questionnaire ended on {path}, not /en/check")
    return cookie, TOKEN.search(request(port, "GET", path, cookie)[2])[1]


def floor_session(port: int) -> tuple[str, str]:
    """The floor app's session cookie (holding the same answers) and its CSRF token."""
    status, headers, page = request(port, "GET", "/")
    if status != 200:
        raise RuntimeError(f"the floor app answered {status}")
    return update_cookie("", headers, "session"), TOKEN.search(page)[1]


def to_ms(text: str) -> float:
    """A wrk duration such as ``812.00us``, ``7.61ms`` or ``1.02s`` in milliseconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(row: Row, port: int, cookie: str = "", body: str = "") -> None:
    """Drive one page with wrk and fill ``row`` with its figures (a POST goes via a Lua script)."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if row.method == "POST":
            assert "]]" not in body
            script.write(
                f'wrk.method = "POST"\nwrk.body = [[{body}]]\n'
                'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
            )
            script.flush()
            command += ["-s", script.name]
        url = f"http://127.0.0.1:{port}{row.path}"
        done = subprocess.run([*command, url], capture_output=True, text=True, timeout=600)
    output = done.stdout
    if done.returncode or "Requests/sec" not in output:
        row.error = f"wrk failed: {done.stderr.strip() or output.strip()}"
        return
    row.rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    row.p50_ms = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M)[1])
    row.p99_ms = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M)[1])
    row.requests = int(re.search(r"(\d+) requests in", output)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    row.bad_responses = int(bad[1]) if bad else 0
    errors = re.search(r"Socket errors: (.+)", output)
    row.socket_errors = errors[1] if errors else ""
    if row.bad_responses:
        row.error = f"{row.bad_responses} of {row.requests} responses were not 2xx/3xx"


def measure(row: Row, server: Server, expected: int, cookie: str = "", body: str = "") -> Row:
    """Check the page answers ``expected`` once (wrk counts any 3xx as good), then load it."""
    status = request(server.port, row.method, row.path, cookie, body)[0]
    if status != expected:
        row.error = f"answered {status}, expected {expected}"
        return row
    cpu_before = workers_cpu_s(server.process.pid)
    run_wrk(row, server.port, cookie, body)
    if row.requests:
        row.cpu_ms = (workers_cpu_s(server.process.pid) - cpu_before) * 1000 / row.requests
    return row


def git_state() -> str:
    """The commit benchmarked, marked ``+dirty`` when the work tree has uncommitted changes."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout

    return git("rev-parse", "--short", "HEAD").strip() + (
        "+dirty" if git("status", "--porcelain") else ""
    )


def bench() -> dict:
    """Load the bare app, then backcare (sync, and as gunicorn.conf.py serves it), then the floor
    app, then the bare app again; return every figure."""
    load_before = os.getloadavg()[0]
    with gunicorn("bare Flask", "bench.bare_app:app", "/") as bare:
        bare_rows = [measure(Row("bare Flask, template file", "GET", "/", True), bare, 200)]
        # backcare twice, side by side: sync workers, and gunicorn.conf.py's (gthread). Each
        # page is loaded on one right after the other, so a change in the machine's load
        # between the two shows as little as it can.
        served_name = f"backcare {SERVED_WORKERS}"
        with (
            gunicorn("backcare", APP, "/healthz") as app,
            gunicorn(served_name, APP, "/healthz", ()) as served,
        ):
            cookie, token = complete_session(app.port)
            served_cookie, _ = complete_session(served.port)
            post = urlencode({"emergency_signs": "none", "csrf_token": token})
            question = "/en/q/emergency_signs"
            rows = [
                measure(Row("start page", "GET", "/en/"), app, 200),
                measure(Row("question page", "GET", question), app, 200, cookie),
                measure(
                    Row(f"question, {SERVED_WORKERS}", "GET", question),
                    *(served, 200, served_cookie),
                ),
                measure(Row("question answer", "POST", question), app, 302, cookie, post),
                measure(Row("check page", "GET", "/en/check"), app, 200, cookie),
                measure(Row("result page", "GET", "/en/result"), app, 200, cookie),
                measure(
                    Row(f"result, {SERVED_WORKERS}", "GET", "/en/result"),
                    *(served, 200, served_cookie),
                ),
            ]
            app.rss_mb = worker_rss_mb(app.process.pid)
            served.rss_mb = worker_rss_mb(served.process.pid)
        with gunicorn("floor", "bench.floor_app:app", "/") as floor:
            cookie, token = floor_session(floor.port)
            post = urlencode({"answer": "no", "csrf_token": token})
            rows += [
                measure(Row(FLOOR_GET, "GET", "/", reference=True), floor, 200, cookie),
                measure(Row(FLOOR_POST, "POST", "/", reference=True), floor, 302, cookie, post),
            ]
        bare_rows.append(measure(Row("bare Flask, again", "GET", "/", True), bare, 200))
        bare.rss_mb = worker_rss_mb(bare.process.pid)
    rps = sum(row.rps for row in bare_rows) / 2
    p99 = sum(row.p99_ms for row in bare_rows) / 2
    for row in [*bare_rows, *rows]:
        if rps and p99 and row.rps:
            row.rps_ratio, row.p99_ratio = row.rps / rps, row.p99_ms / p99
    return {
        "when": datetime.now().isoformat(timespec="seconds"),
        "commit": git_state(),
        "app": APP,
        "wrk": {"threads": THREADS, "connections": CONNECTIONS, "duration": DURATION},
        "gunicorn": {
            "workers": WORKERS,
            "worker_class": "sync",
            "served_rows": SERVED_WORKERS,
            "config": "gunicorn.conf.py" if CONF.exists() else None,
        },
        "cpus": os.cpu_count(),
        "load_average": {"before": load_before, "after": os.getloadavg()[0]},
        "targets": TARGETS,
        "rows": [asdict(row) for row in [bare_rows[0], *rows, bare_rows[1]]],
        "servers": {
            server.name: {"startup_s": server.startup_s, "worker_rss_mb": server.rss_mb}
            for server in (bare, app, served)
        },
    }


def verdict(row: dict) -> str:
    """``ok``, the targets a row misses, or why its figures do not count."""
    if row["error"]:
        return f"FAILED: {row['error']}"
    if row["rps_ratio"] is None:
        return "no baseline"
    if row["baseline"]:
        return f"baseline (drift {abs(row['rps_ratio'] - 1):.0%} from the mean)"
    if row["reference"]:
        return "reference: bare Flask with a session cookie and CSRF"
    misses = []
    if row["rps_ratio"] < TARGETS["rps_ratio_min"]:
        misses.append(f"req/s ratio < {TARGETS['rps_ratio_min']}")
    if row["p99_ratio"] > TARGETS["p99_ratio_max"]:
        misses.append(f"p99 ratio > {TARGETS['p99_ratio_max']}")
    if row["socket_errors"]:
        misses.append(f"socket errors: {row['socket_errors']}")
    return "MISSES " + ", ".join(misses) if misses else "ok"


def report(figures: dict) -> str:
    """The figures as a plain-text table."""
    wrk = figures["wrk"]
    lines = [
        f"wrk -t{wrk['threads']} -c{wrk['connections']} -d{wrk['duration']} --latency; "
        f"gunicorn {WORKERS} workers, sync except the rows marked {SERVED_WORKERS} "
        "(gunicorn.conf.py); "
        f"{figures['cpus']} CPUs; {figures['when']}; "
        f"{figures['app']} at {figures['commit']}",
        "1-min load average before/after: {before:.2f}/{after:.2f} (anything else running "
        "shares the CPUs with wrk and gunicorn)".format(**figures["load_average"]),
        "",
        f"{'page':<26} {'request':<28} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'rps/bare':>8} {'p99/bare':>8} {'cpu ms':>6}  verdict",
    ]
    for row in figures["rows"]:
        ratios = (
            f"{row['rps_ratio']:>8.2f} {row['p99_ratio']:>8.2f}"
            if row["rps_ratio"] is not None
            else f"{'-':>8} {'-':>8}"
        )
        cpu = f"{row['cpu_ms']:>6.2f}" if row["cpu_ms"] is not None else f"{'-':>6}"
        lines.append(
            f"{row['name']:<26} {row['method'] + ' ' + row['path']:<28} {row['rps']:>8.0f} "
            f"{row['p50_ms']:>7.2f} {row['p99_ms']:>7.2f} {ratios} {cpu}  {verdict(row)}"
        )
    drift = [
        abs(row["rps_ratio"] - 1) for row in figures["rows"] if row["baseline"] and row["rps_ratio"]
    ]
    if max(drift, default=0) > 0.1:
        lines.append(
            "WARNING: the bare app's two runs differ by more than 10%: the machine got busier or "
            "quieter during the run, so the ratios are unreliable. Run again on an idle machine."
        )
    lines.append("")
    for name, server in figures["servers"].items():
        startup, rss = server["startup_s"], server["worker_rss_mb"]
        ok = startup < TARGETS["startup_s_max"] and max(rss, default=0) < TARGETS["rss_mb_max"]
        lines.append(
            f"{name:<12} start-up {startup:.2f} s; worker RSS after load: "
            f"{', '.join(f'{mb:.1f} MB' for mb in rss)}  {'ok' if ok else 'MISSES a target'}"
        )
    lines.append(
        f"targets: req/s ratio >= {TARGETS['rps_ratio_min']}, p99 ratio <= "
        f"{TARGETS['p99_ratio_max']}, start-up < {TARGETS['startup_s_max']} s, "
        f"RSS < {TARGETS['rss_mb_max']:.0f} MB per worker"
    )
    return "\n".join(lines)


def main() -> int:
    """Run the benchmark, print the table, write the JSON; 2 without wrk, 1 if a row failed."""
    if shutil.which("wrk") is None:
        print(
            "bench: wrk not found. It is a Debian package: apt-get install -y wrk", file=sys.stderr
        )
        return 2
    figures = bench()
    print(report(figures))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\nfigures written to {path.relative_to(ROOT)}")
    return 1 if any(row["error"] for row in figures["rows"]) else 0


if __name__ == "__main__":
    sys.exit(main())
