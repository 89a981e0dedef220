"""Runs every app's periodic jobs (core.periodic) in one process, each at its own interval:
the recovery of dead jobs, retention, the access log's clean-up, assignment reminders."""

import time

from django.core.management.base import BaseCommand

from core.periodic import registered_jobs, run_due


class Command(BaseCommand):
    help = "Run the registered periodic jobs, each at its interval, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and stop.")

    def handle(self, *args, once=False, **options):
        jobs = registered_jobs()
        self.stdout.write(
            "Periodic jobs: " + ", ".join(f"{j.name} every {j.every_seconds:g}s" for j in jobs)
        )
        last_run: dict = {}
        while True:
            wait = run_due(jobs, last_run, time.monotonic(), write=self._say)
            if once:
                return
            time.sleep(max(wait, 1.0))

    def _say(self, line):
        self.stdout.write(line)
        self.stdout.flush()
