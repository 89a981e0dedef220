"""Emails reminders of assignments falling due or overdue, once per assignment per window
(assignments.reminders).

Run once from cron or a systemd timer, e.g. every hour:
    0 * * * *  cd /srv/oep && .venv/bin/python manage.py send_assignment_reminders
or as a long-running process beside the workers (`make run` does this) with `--every SECONDS`.
"""

import time

from django.core.management.base import BaseCommand

from assignments.reminders import send_reminders


class Command(BaseCommand):
    help = "Email practitioners about assignments falling due or overdue (once per window)."

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
            sent = send_reminders()
            if sent:
                self.stdout.write(f"Reminded: {', '.join(map(str, sent))}")
            elif options["verbosity"] > 1:
                self.stdout.write("No reminders due.")
            if not every:
                return
            self.stdout.flush()
            time.sleep(every)
