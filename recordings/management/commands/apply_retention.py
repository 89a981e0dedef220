"""Deletes the audio and transcripts whose retention period has ended (recordings.retention);
feedback, ratings and scores are kept.

Run once from cron or a systemd timer, e.g. hourly:
    0 * * * *  cd /srv/oep && .venv/bin/python manage.py apply_retention
or on its own with `--every SECONDS`; `make run` runs it with the others (run_periodic_jobs).
"""

from core.periodic import PeriodicJobCommand
from recordings.periodic import RETENTION


class Command(PeriodicJobCommand):
    help = "Delete audio and transcripts past the retention periods in the site settings."
    job = RETENTION
