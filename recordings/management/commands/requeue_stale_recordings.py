"""Queues again the recordings whose worker died (no heartbeat for RECORDINGS_STALE_AFTER_SECONDS).

Run once from cron or a systemd timer, e.g. every minute:
    * * * * *  cd /srv/oep && .venv/bin/python manage.py requeue_stale_recordings
or as a long-running process beside the workers (`make run` does this) with `--every SECONDS`,
so a dead job is picked up within the stale limit plus one interval even when nobody is watching
and no new job arrives.
"""

import time

from django.core.management.base import BaseCommand

from recordings.tasks import recover_stale_recordings


class Command(BaseCommand):
    help = "Queue again recordings whose worker stopped beating; they resume from their stage."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Keep running, checking this often (default: check once and stop).",
        )

    def handle(self, *args, every=0, **options):
        while True:
            recovered = recover_stale_recordings()
            if recovered:
                self.stdout.write(f"Queued again: {', '.join(map(str, recovered))}")
            elif options["verbosity"] > 1:
                self.stdout.write("No stale recordings.")
            if not every:
                return
            self.stdout.flush()
            time.sleep(every)
