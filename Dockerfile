# syntax=docker/dockerfile:1
# backcare's image. The build stage makes the wheel, whose build step (setup.py) compiles the
# translations into it; the runtime stage installs only the locked runtime requirements, checked
# against their hashes, and that wheel: no compiler, no test toolchain, no source tree.
# tests/test_packaging.py installs and serves exactly this, outside any container.

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml setup.py MANIFEST.in README.md LICENSE ./
COPY backcare ./backcare
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000 \
    BACKCARE_INSTANCE_PATH=/app/instance
# A user of its own, by number, so Kubernetes' runAsNonRoot can check it.
RUN useradd --system --no-log-init --no-create-home --uid 10001 --user-group backcare
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir --no-deps --require-hashes -r requirements.txt
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-deps /wheels/backcare-*.whl
COPY gunicorn.conf.py ./
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=3)"]
# No --bind: with PORT set, gunicorn's default is 0.0.0.0:$PORT. /app has no backcare/ folder,
# so the installed package is the one served. No secret here: BACKCARE_SECRET_KEY comes from
# the environment at run time, and without it the app refuses to start.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "--access-logfile", "-", "backcare:create_app()"]
