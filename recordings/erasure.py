"""The one rule for erasing a recording's personal content, used by retention, by consent
withdrawal and by deletion (the owner's, or an administrator's in the Wagtail admin).

Erasing the audio deletes the stored file and the name it was uploaded under. Erasing the
transcript deletes the transcript lines, Whisper's segments (with their words) and the quotes
the score cards keep as evidence. The recording's row, its scores and ratings, and any feedback
on it stay. Every erasure writes an audit entry that names the recording by its id only.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import processing
from .enums import ErasureReason
from .models import Recording, ScoreCard
from .signals import transcript_erased

AUDIO_ERASED = "recordings.audio_erased"
TRANSCRIPT_ERASED = "recordings.transcript_erased"
CONSENT_WITHDRAWN = "recordings.consent_withdrawn"
DELETED = "recordings.deleted"

# What the audit log says, registered in wagtail_hooks.py.
LOG_ACTIONS = {
    AUDIO_ERASED: ("Erase audio", "Audio erased"),
    TRANSCRIPT_ERASED: ("Erase transcript", "Transcript erased"),
    CONSENT_WITHDRAWN: (
        "Withdraw consent",
        "Client's consent withdrawn: audio and transcript erased",
    ),
    DELETED: ("Delete recording", "Recording deleted"),
}


def _audit(recording, action, user=None, **data):
    # The label is the recording's id, never its pseudonym: the audit log outlives the content.
    log(recording, action, user=user, title=recording.audit_label, data=data)


def _delete_file_on_commit(storage, name):
    # After the commit: a rolled-back erasure must not have lost the file.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def erase_audio(recording, reason: ErasureReason, user=None) -> bool:
    """Deletes the stored audio; returns False if it was already gone."""
    recording = Recording.objects.select_for_update().get(pk=recording.pk)
    if recording.audio_erased_at is not None:
        return False
    if recording.audio.name:
        _delete_file_on_commit(recording.audio.storage, recording.audio.name)
    # A job processing it holds a decoded copy: deleted here when that worker shares this
    # machine (the job then fails, having no audio to decode again); elsewhere the job deletes
    # it when it ends, or the next job's sweep does if the worker died.
    transaction.on_commit(lambda: processing.remove_work_files([recording.pk]))
    Recording.objects.filter(pk=recording.pk).update(
        audio="",
        original_name="",
        waveform_peaks=[],
        audio_erased_at=timezone.now(),
        erasure_reason=reason,
        updated_at=timezone.now(),
    )
    _audit(recording, AUDIO_ERASED, user, reason=str(reason))
    return True


def _without_quotes(value):
    """The score card's result with every quoted "text" emptied; numbers and codes kept."""
    if isinstance(value, dict):
        return {
            key: "" if key == "text" and isinstance(item, str) else _without_quotes(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_without_quotes(item) for item in value]
    return value


@transaction.atomic
def erase_transcript(recording, reason: ErasureReason, user=None) -> bool:
    """Deletes the transcript and the quotes in the scores; returns False if already gone."""
    recording = Recording.objects.select_for_update().get(pk=recording.pk)
    if recording.transcript_erased_at is not None:
        return False
    recording.segments.all().delete()
    recording.whisper_segments.all().delete()
    # Score cards are otherwise never changed; erasure is the one exception.
    for card in ScoreCard.objects.filter(recording=recording):
        ScoreCard.objects.filter(pk=card.pk).update(result=_without_quotes(card.result))
    Recording.objects.filter(pk=recording.pk).update(
        transcript_erased_at=timezone.now(),
        erasure_reason=reason,
        stage_log=[],
        third_voice=False,
        updated_at=timezone.now(),
    )
    _audit(recording, TRANSCRIPT_ERASED, user, reason=str(reason))
    transcript_erased.send(sender=Recording, recording=recording)
    return True


def erase_content(recording, reason: ErasureReason, user=None):
    """Audio and transcript together."""
    with transaction.atomic():
        erase_audio(recording, reason, user)
        erase_transcript(recording, reason, user)


@transaction.atomic
def withdraw_consent(recording, user) -> Recording | None:
    """The client withdrew consent: the audio and transcript are erased at once. The recording
    stays as a stub (with its scores and the feedback on it) only if feedback was shared, which
    must be kept; otherwise it is deleted. Returns the stub, or None when deleted."""
    Recording.objects.filter(pk=recording.pk).update(consent_withdrawn_at=timezone.now())
    _audit(recording, CONSENT_WITHDRAWN, user)
    if keeps_a_stub(recording):
        erase_content(recording, ErasureReason.CONSENT_WITHDRAWN, user)
        return Recording.objects.get(pk=recording.pk)
    delete_recording(recording, user)
    return None


def keeps_a_stub(recording) -> bool:
    """Whether withdrawing consent keeps the recording (without audio or transcript)."""
    return recording.feedback_shared_at is not None


@transaction.atomic
def delete_recording(recording, user):
    """Deletes the recording with everything on it: audio (after the commit, see the model's
    post_delete), transcript, scores and any review of it."""
    _audit(recording, DELETED, user)
    recording.delete()
