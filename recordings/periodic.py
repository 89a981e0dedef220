"""Recordings' periodic jobs (core.periodic): dead jobs queued again, retention applied."""

from core.periodic import PeriodicJob

from .retention import apply_retention
from .tasks import recover_stale_recordings


def _requeue_stale() -> str:
    recovered = recover_stale_recordings()
    return f"Queued again: {', '.join(map(str, recovered))}" if recovered else ""


def _apply_retention() -> str:
    done = apply_retention()
    return "; ".join(
        f"Erased the {kind} of recordings {', '.join(map(str, ids))}"
        for kind, ids in done.items()
        if ids
    )


# Within the stale limit plus a minute of a worker dying, even with nobody watching.
REQUEUE_STALE = PeriodicJob("requeue_stale_recordings", 60, _requeue_stale)
RETENTION = PeriodicJob("apply_retention", 3600, _apply_retention)
