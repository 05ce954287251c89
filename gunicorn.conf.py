"""gunicorn settings for production. ``gunicorn 'backcare:create_app()'`` run from this folder
reads them (``make serve`` does); command-line options override them."""

import os

# Sync workers, one per CPU this process may use: the app is CPU-bound and keeps no state, and
# more workers than cores measured slower here. WEB_CONCURRENCY overrides, as on most PaaS.
workers = int(os.environ.get("WEB_CONCURRENCY") or len(os.sched_getaffinity(0)))
timeout = 30
graceful_timeout = 30
keepalive = 5  # a little longer than the default 2: a reverse proxy reuses its connections

# Request limits, well above anything a page of backcare sends (its URLs are short, its forms
# small); the body is limited by the app's MAX_CONTENT_LENGTH, which answers with a friendly 413.
limit_request_line = 2048
limit_request_fields = 50
limit_request_field_size = 8190  # one header; the Cookie header holds the site's other cookies

# The access log (on with --access-logfile, as `make serve` does) never holds what a person
# answered: the path without its query string, no client address, no referrer, no user agent.
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"

# gunicorn 20.1+ sends "Server: gunicorn", without a version. Nothing else is written to disk:
# heartbeats go to shared memory, and there is no runtime control socket (gunicorn 25.1+).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
control_socket_disable = True
