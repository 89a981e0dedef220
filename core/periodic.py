"""Jobs that run on a schedule beside the workers: each app registers its own through the
`register_periodic_jobs` Wagtail hook (a function returning PeriodicJob objects), and one
process runs them all (`manage.py run_periodic_jobs`, which `make run` starts). Each job also
has a command of its own that runs it once, for cron or a systemd timer.

A job returns a line saying what it did, or "" when there was nothing to do. A job that raises
is logged and tried again at its next time; it never stops the others.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand
from wagtail import hooks

HOOK = "register_periodic_jobs"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every_seconds: float
    run: Callable[[], str]


def registered_jobs() -> list[PeriodicJob]:
    return [job for register in hooks.get_hooks(HOOK) for job in register()]


def run_due(jobs, last_run: dict, now: float, write=print) -> float:
    """Runs the jobs whose time has come (a job never run is due); returns the seconds until
    the next one is due."""
    for job in jobs:
        if now - last_run.get(job.name, float("-inf")) >= job.every_seconds:
            last_run[job.name] = now
            try:
                said = job.run()
            except Exception:
                logger.exception(
                    "Periodic job %s failed; it runs again in %ss", job.name, job.every_seconds
                )
                continue
            if said:
                write(f"{job.name}: {said}")
    return max(0.0, min(last_run[j.name] + j.every_seconds for j in jobs) - now) if jobs else 60.0


class PeriodicJobCommand(BaseCommand):
    """A command that runs one job once, or with `--every SECONDS` over and over. Subclasses
    name the job: `job = SOME_JOB`."""

    job: PeriodicJob

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Keep running, this often (default: run once and stop).",
        )

    def handle(self, *args, every=0, **options):
        job = self.job
        while True:
            said = job.run()
            if said or options["verbosity"] > 1:
                self.stdout.write(said or "Nothing to do.")
            if not every:
                return
            self.stdout.flush()
            time.sleep(every)
