"""gunicorn settings for WithUs: `gunicorn -c gunicorn.conf.py wsgi:app`.

The counts come from `make bench` on a 2-core machine (README, "Serving many people": 3 workers
of 2 threads answered as fast as 2 x 4 or 6 x 1 and timed out least): see there before changing
them. WEB_CONCURRENCY and WITHUS_THREADS override them for a bigger machine.
"""

import multiprocessing
import os

_cores = multiprocessing.cpu_count()

# One process per core and one spare: a page is mostly Python work, so more processes than
# cores only queue; the spare covers the moments one waits on the disk or the database.
workers = int(os.environ.get("WEB_CONCURRENCY", _cores + 1))
# A couple of threads per process keep a core busy while another request waits on SQLite's
# fsync or PostgreSQL; more only add lock contention on the interpreter.
threads = int(os.environ.get("WITHUS_THREADS", "2"))
worker_class = "gthread" if threads > 1 else "sync"
bind = os.environ.get("WITHUS_BIND", "127.0.0.1:8000")
# Load the app once before forking: faster start, and a broken config fails loudly at once.
preload_app = True
# Keep-alive connections from a proxy are reused rather than reopened for every page.
keepalive = 5
timeout = 30
graceful_timeout = 20
# Restart a process now and then, so slow growth of memory can never take the site down.
max_requests = 20_000
max_requests_jitter = 2_000
accesslog = os.environ.get("WITHUS_ACCESS_LOG") or None
errorlog = "-"
