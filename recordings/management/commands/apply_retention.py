"""Deletes the audio and transcripts whose retention period has ended (recordings.retention);
feedback, ratings and scores are kept.

Run once from cron or a systemd timer, e.g. hourly:
    0 * * * *  cd /srv/oep && .venv/bin/python manage.py apply_retention
or as a long-running process beside the workers (`make run` does this) with `--every SECONDS`.
"""

import time

from django.core.management.base import BaseCommand

from recordings.retention import apply_retention


class Command(BaseCommand):
    help = "Delete audio and transcripts past the retention periods in the site settings."

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
            done = apply_retention()
            for kind, ids in done.items():
                if ids:
                    self.stdout.write(f"Erased the {kind} of recordings {', '.join(map(str, ids))}")
            if not any(done.values()) and options["verbosity"] > 1:
                self.stdout.write("Nothing is due for deletion.")
            if not every:
                return
            self.stdout.flush()
            time.sleep(every)
