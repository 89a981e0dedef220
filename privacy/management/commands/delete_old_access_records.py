"""Deletes access records older than the privacy settings' "keep access records for (days)".

Run once from cron or a systemd timer, e.g. daily:
    15 3 * * *  cd /srv/oep && .venv/bin/python manage.py delete_old_access_records
or as a long-running process beside the workers (`make run` does this) with `--every SECONDS`.
"""

import time

from django.core.management.base import BaseCommand

from privacy.access_log import delete_expired_access_records


class Command(BaseCommand):
    help = "Delete access records older than the access log's retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Keep running, deleting this often (default: delete once and stop).",
        )

    def handle(self, *args, every=0, **options):
        while True:
            deleted = delete_expired_access_records()
            if deleted or options["verbosity"] > 1:
                self.stdout.write(f"Deleted {deleted} old access records.")
            if not every:
                return
            self.stdout.flush()
            time.sleep(every)
