"""Deletes access records older than the privacy settings' "keep access records for (days)".

Run once from cron or a systemd timer, e.g. daily:
    15 3 * * *  cd /srv/oep && .venv/bin/python manage.py delete_old_access_records
or on its own with `--every SECONDS`; `make run` runs it with the others (run_periodic_jobs).
"""

from core.periodic import PeriodicJobCommand
from privacy.periodic import DELETE_OLD_ACCESS_RECORDS


class Command(PeriodicJobCommand):
    help = "Delete access records older than the access log's retention period."
    job = DELETE_OLD_ACCESS_RECORDS
