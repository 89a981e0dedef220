"""One process runs every app's periodic jobs, each at its interval; a failing job never stops
the others."""

import io

import pytest
from django.core.management import call_command

from core.periodic import PeriodicJob, registered_jobs, run_due


def test_every_apps_jobs_are_registered():
    jobs = {job.name: job.every_seconds for job in registered_jobs()}
    assert jobs == {
        "requeue_stale_recordings": 60,
        "apply_retention": 3600,
        "delete_old_access_records": 3600,
        "send_assignment_reminders": 3600,
    }


def test_jobs_run_at_their_own_intervals_and_a_failure_stops_none():
    runs = []

    def broken():
        raise RuntimeError("database away")

    jobs = [
        PeriodicJob("often", 60, lambda: runs.append("often") or "did often"),
        PeriodicJob("broken", 60, broken),
        PeriodicJob("hourly", 3600, lambda: runs.append("hourly") or ""),
    ]
    last_run, said = {}, []
    assert run_due(jobs, last_run, now=0.0, write=said.append) == 60
    assert run_due(jobs, last_run, now=30.0, write=said.append) == 30
    run_due(jobs, last_run, now=60.0, write=said.append)
    assert runs == ["often", "hourly", "often"]
    assert said == ["often: did often", "often: did often"]


@pytest.mark.django_db
def test_the_command_runs_each_job_once():
    out = io.StringIO()
    call_command("run_periodic_jobs", "--once", stdout=out)
    assert "requeue_stale_recordings every 60s" in out.getvalue()
