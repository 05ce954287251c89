"""Instructions per request for each page, the bare app and the floor app (valgrind callgrind).

Wall-clock figures swing on a shared machine; instruction counts do not. Each target is run
in-process through Flask's test client under ``valgrind --tool=callgrind``, once with 200
requests and once with none, and the difference is divided by 200: what one request costs,
without the start-up. The same answers as ``bench.py`` fill the session.

Usage: ``make bench-instructions`` or ``.venv/bin/python -m bench.instructions [TARGET ...]``
(targets: bare, floor, floor-answer, start, question, answer, check, result). Needs
``valgrind`` (Debian package). About 20 s a target.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 200
QUESTION = "/en/q/emergency_signs"
TARGETS = ("bare", "floor", "floor-answer", "start", "question", "answer", "check", "result")


def _prepare(target: str):
    """A test client ready for ``target``, and the request to repeat: (client, method, path,
    form data)."""
    from bench.bench import TOKEN

    if target == "bare":
        from bench.bare_app import app

        return app.test_client(), "GET", "/", None
    if target.startswith("floor"):
        from bench.floor_app import app

        client = app.test_client()
        token = TOKEN.search(client.get("/").text)[1]
        if target == "floor":
            return client, "GET", "/", None
        return client, "POST", "/", {"answer": "no", "csrf_token": token}

    from bench.profile_page import answered_client

    if target == "start":
        from backcare import create_app

        client = create_app({"SECRET_KEY": os.environ["BACKCARE_SECRET_KEY"]}).test_client()
        return client, "GET", "/en/", None
    client, token = answered_client()  # every answer in the session, as bench.py has it
    return {
        "question": (client, "GET", QUESTION, None),
        "answer": (client, "POST", QUESTION, {"emergency_signs": "none", "csrf_token": token}),
        "check": (client, "GET", "/en/check", None),
        "result": (client, "GET", "/en/result", None),
    }[target]


def run(target: str, count: int) -> None:
    """The measured part: ``count`` requests after one warm-up request."""
    client, method, path, data = _prepare(target)
    expected = client.open(path, method=method, data=data).status_code
    for _ in range(count):
        status = client.open(path, method=method, data=data).status_code
        if status != expected or status >= 400:
            raise SystemExit(f"{target}: {method} {path} answered {status}")


def instructions(target: str, count: int) -> int:
    """Instructions callgrind counted for the whole process."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        subprocess.run(
            [*valgrind, sys.executable, "-m", "bench.instructions", "--run", target, str(count)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        return int(re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)[1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        run(argv[1], int(argv[2]))
        return 0
    if shutil.which("valgrind") is None:
        print("instructions: needs valgrind (apt-get install -y valgrind)", file=sys.stderr)
        return 2
    os.environ.setdefault("BACKCARE_SECRET_KEY", secrets.token_hex(32))
    print(f"{'target':<14} {'instructions a request':>24}")
    for target in argv or TARGETS:
        per_request = (instructions(target, REQUESTS) - instructions(target, 0)) / REQUESTS
        print(f"{target:<14} {per_request:>24,.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.path[0] = str(ROOT)  # the repository, not bench/: ``bench`` is the folder here
    sys.exit(main(sys.argv[1:]))
