"""Emails reminders of assignments falling due or overdue, once per assignment per window
(assignments.reminders).

Run once from cron or a systemd timer, e.g. every hour:
    0 * * * *  cd /srv/oep && .venv/bin/python manage.py send_assignment_reminders
or on its own with `--every SECONDS`; `make run` runs it with the others (run_periodic_jobs).
"""

from assignments.periodic import SEND_REMINDERS
from core.periodic import PeriodicJobCommand


class Command(PeriodicJobCommand):
    help = "Email practitioners about assignments falling due or overdue (once per window)."
    job = SEND_REMINDERS
