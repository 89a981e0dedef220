"""Queues again the recordings whose worker died (no heartbeat for RECORDINGS_STALE_AFTER_SECONDS).

Safe to run often, from cron or a systemd timer, e.g. every minute:
    * * * * *  cd /srv/oep && .venv/bin/python manage.py requeue_stale_recordings
"""

from django.core.management.base import BaseCommand

from recordings.tasks import recover_stale_recordings


class Command(BaseCommand):
    help = "Queue again recordings whose worker stopped beating; they resume from their stage."

    def handle(self, *args, **options):
        recovered = recover_stale_recordings()
        if recovered:
            self.stdout.write(f"Queued again: {', '.join(map(str, recovered))}")
        elif options["verbosity"] > 1:
            self.stdout.write("No stale recordings.")
