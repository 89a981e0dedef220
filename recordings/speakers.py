"""Reviewers' corrections to who spoke: swapping the two speakers or moving one line to the
other speaker. Each re-scores the recording and is written to Wagtail's audit log, in one
transaction, so the log only ever records a change that was made."""

from django.db import transaction
from wagtail.log_actions import log

from . import processing
from .enums import SpeakerRole
from .models import TranscriptSegment

SPEAKERS_FIXED = "recordings.speakers_fixed"


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
