"""Reviewers' corrections to who spoke: swapping the two speakers, or moving one line or a run
of lines (from one line to another, in the order they were said) to one speaker. Each re-scores
the recording and is written to Wagtail's audit log, in one transaction, so the log only ever
records a change that was made."""

from django.db import transaction
from wagtail.log_actions import log

from . import processing
from .enums import SpeakerRole
from .models import TranscriptSegment

SPEAKERS_FIXED = "recordings.speakers_fixed"

# What the audit log says, registered in wagtail_hooks.py.
LOG_ACTIONS = {
    SPEAKERS_FIXED: ("Fix speakers", "Speaker labels corrected by the reviewer"),
}


@transaction.atomic
def swap_speakers(recording, user):
    segments = list(recording.segments.select_for_update())
    for segment in segments:
        segment.role = (
            SpeakerRole.CLIENT
            if segment.role == SpeakerRole.PRACTITIONER
            else SpeakerRole.PRACTITIONER
        )
    TranscriptSegment.objects.bulk_update(segments, ["role"])
    others = {s.speaker for s in segments if s.speaker != recording.practitioner_speaker}
    if len(others) == 1:
        recording.practitioner_speaker = others.pop()
        recording.save(update_fields=["practitioner_speaker", "updated_at"])
    processing.rescore(recording)
    log(recording, SPEAKERS_FIXED, user=user, data={"line": None, "role": "swapped"})


@transaction.atomic
def reassign_line(recording, segment, role, user):
    segment.role = role
    segment.role_overridden = True
    segment.save(update_fields=["role", "role_overridden"])
    processing.rescore(recording)
    log(recording, SPEAKERS_FIXED, user=user, data={"line": segment.index, "role": role})


def lines_between(recording, first, last):
    """The lines from line `first` to line `last` (numbers), in the order they were said, either
    way round; empty if either is not a line of the recording."""
    ends = list(recording.segments.filter(index__in=[first, last]))
    if len(ends) != len({first, last}):
        return []
    places = sorted((s.start, s.index) for s in ends)
    low, high = places[0], places[-1]
    return [
        segment
        for segment in recording.segments.all()
        if low <= (segment.start, segment.index) <= high
    ]


@transaction.atomic
def reassign_range(recording, first, last, role, user):
    """Every line from `first` to `last` becomes `role`'s; returns the lines changed."""
    segments = lines_between(recording, first, last)
    changed = [segment for segment in segments if segment.role != role]
    if not changed:  # nothing to do, and nothing to log
        return []
    for segment in changed:
        segment.role = role
        segment.role_overridden = True
    TranscriptSegment.objects.bulk_update(changed, ["role", "role_overridden"])
    processing.rescore(recording)
    log(
        recording,
        SPEAKERS_FIXED,
        user=user,
        data={
            "lines": [segments[0].index, segments[-1].index],
            "role": role,
            "changed": len(changed),
        },
    )
    return changed
