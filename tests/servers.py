"""Real servers for end-to-end tests: gunicorn on a free loopback port."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The secret key the servers run with (tests open their cookies with it).
TEST_SECRET_KEY = "end-to-end-test-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start") from None
            time.sleep(0.1)


@contextmanager
def gunicorn(
    *args: str,
    env: dict | None = None,
    log_dir: Path | None = None,
    cwd: Path = ROOT,
    executable: Path | None = None,
):
    """Run ``gunicorn 'backcare:create_app()'`` from the venv; yield its base URL.

    With ``log_dir``, gunicorn's output goes to ``stdout.log`` and ``stderr.log`` there. It runs
    in ``cwd``, so reads ``gunicorn.conf.py`` there (the repository's, by default), and imports
    ``backcare`` from there first. ``executable`` is another venv's gunicorn.
    """
    port = free_port()
    environment = {**os.environ, "BACKCARE_SECRET_KEY": TEST_SECRET_KEY, **(env or {})}
    environment.pop("FLASK_DEBUG", None)
    command = [
        str(executable or Path(sys.executable).with_name("gunicorn")),
        *("--bind", f"127.0.0.1:{port}", "--workers", "2"),
        *args,
        "backcare:create_app()",
    ]
    with ExitStack() as stack:
        logs = {}
        if log_dir is not None:
            logs = {
                name: stack.enter_context(open(log_dir / f"{name}.log", "w"))
                for name in ("stdout", "stderr")
            }
        process = subprocess.Popen(command, cwd=cwd, env=environment, **logs)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)
