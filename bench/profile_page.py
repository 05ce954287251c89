"""Profile one backcare page in-process with pyinstrument, to find where a slow page spends time.

pyinstrument is not one of backcare's dependencies: ``.venv/bin/pip install pyinstrument`` first.
Usage: ``.venv/bin/python -m bench.profile_page {start,question,answer,check,result} [N]``.
Prints the page's time per request without the profiler, then pyinstrument's call tree for N
requests (default 2000) through Flask's test client, with the same answers as ``bench.py``.
"""

import secrets
import sys
import time
from urllib.parse import urlsplit

from flask.testing import FlaskClient

from backcare import create_app
from bench.bench import ANSWERS, TOKEN

QUESTION = "/en/q/emergency_signs"


def answered_client() -> tuple[FlaskClient, str]:
    """A test client whose session holds every answer, and the CSRF token for its forms."""
    client = create_app({"SECRET_KEY": secrets.token_hex(32)}).test_client()
    path = QUESTION
    while path.startswith("/en/q/"):
        token = TOKEN.search(client.get(path).text)[1]
        question = path.rsplit("/", 1)[1]
        data = {question: list(ANSWERS[question]), "csrf_token": token}
        path = urlsplit(client.post(path, data=data).headers["Location"]).path
    return client, TOKEN.search(client.get("/en/check").text)[1]


def main() -> int:
    """Time the page, then print pyinstrument's tree for it."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("profile_page: .venv/bin/pip install pyinstrument", file=sys.stderr)
        return 2
    page, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    client, token = answered_client()
    method, path, data = {
        "start": ("GET", "/en/", None),
        "question": ("GET", QUESTION, None),
        "answer": ("POST", QUESTION, {"emergency_signs": "none", "csrf_token": token}),
        "check": ("GET", "/en/check", None),
        "result": ("GET", "/en/result", None),
    }[page]
    if page == "start":
        client = client.application.test_client()  # a first visit: no cookie
    status = client.open(path, method=method, data=data).status_code
    started = time.perf_counter()
    for _ in range(count):
        client.open(path, method=method, data=data)
    per_request = (time.perf_counter() - started) / count * 1000
    print(f"{method} {path}: {status}, {per_request:.3f} ms a request in-process")
    profiler = Profiler(interval=0.0001)
    with profiler:
        for _ in range(count):
            client.open(path, method=method, data=data)
    print(profiler.output_text(unicode=True, color=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
