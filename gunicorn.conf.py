"""gunicorn settings for production. ``gunicorn 'backcare:create_app()'`` run from this folder
reads them (``make serve`` does); command-line options override them."""

import os

# Threaded workers (gthread), one process per CPU this process may use, so that slow or idle
# clients cannot stop the site even with no buffering proxy in front. The app is CPU-bound and
# keeps no state: more processes than cores measured slower here, and threads add no speed
# (the GIL), only room to wait. WEB_CONCURRENCY overrides the count, as on most PaaS.
#
# How gthread meets slow and idle clients (gunicorn 27):
# - A new connection that sends nothing gets a thread for 5 s (fixed in gunicorn), then waits
#   in the worker's poller, holding no thread, for `keepalive` seconds (below: none) and is
#   closed. With keep-alive on, a connection between requests waits there too.
# - A connection holds a thread from its first byte until its request is answered. gunicorn
#   has no time limit on reading headers, so a client that dribbles them holds its thread as
#   long as it likes (the limits below only cap the size). `timeout` does not end it: gthread's
#   heartbeat comes from its main loop, not from the thread serving the request.
# And the kernel does not share connections out: a burst of them all goes to the worker that
# accepts first (a dozen dribblers, 3 runs out of 3, all on one worker, `ss -tnp`), and that
# worker goes on accepting while its threads are all held, so the requests it takes then wait.
# So threads, not workers, set how many slow clients the site survives: threads - 1 at once.
# With 8 threads the dozen of tests/test_security_slow_clients.py stopped ordinary requests in
# every run; with 16 they leave the busy worker 4 threads, and the test passes. A thread that
# waits costs no CPU and a little memory (bench/README.md: throughput and memory, sync against
# gthread). More slow clients than that need a proxy that buffers whole requests (README, "The
# proxy in front"), as before.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY") or len(os.sched_getaffinity(0)))
threads = 16
# Each worker takes at most this many connections; past that it stops accepting until some end.
worker_connections = 1000
# gthread: a worker whose main loop is stuck this long is restarted (not a slow request).
timeout = 30
graceful_timeout = 30  # on stop, requests under way get this long to finish
# No keep-alive: every response closes its connection ("Connection: close"), as sync workers
# did. gthread would keep a connection on the worker that accepted it, and the kernel hands a
# burst of new connections to one worker: wrk's 20 kept-alive connections ran on one worker
# and left the other idle (CPU seconds per worker 3.17 and 0.10), so a proxy's few long-lived
# connections could leave backcare on one core. Closing each one spreads the load like sync
# workers (2.35 and 2.32), and a proxy never reuses a connection gunicorn is closing. It also
# means a connection that has sent nothing is closed as soon as its 5 s in a thread are up.
keepalive = 0

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
