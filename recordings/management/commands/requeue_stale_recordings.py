"""Queues again the recordings whose worker died (no heartbeat for RECORDINGS_STALE_AFTER_SECONDS).

Run once from cron or a systemd timer, e.g. every minute:
    * * * * *  cd /srv/oep && .venv/bin/python manage.py requeue_stale_recordings
or on its own with `--every SECONDS`; `make run` runs it with the others (run_periodic_jobs),
so a dead job is picked up within the stale limit plus one interval even when nobody is watching
and no new job arrives.
"""

from core.periodic import PeriodicJobCommand
from recordings.periodic import REQUEUE_STALE


class Command(PeriodicJobCommand):
    help = "Queue again recordings whose worker stopped beating; they resume from their stage."
    job = REQUEUE_STALE
