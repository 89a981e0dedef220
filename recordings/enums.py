"""Choices shared by the recordings models, views, task and tests."""

from django.db import models


class RecordingStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    TRANSCRIBING = "transcribing", "Transcribing"
    SEPARATING = "separating", "Separating speakers"
    SCORING = "scoring", "Scoring"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"

    @classmethod
    def processing(cls):
        """Statuses in which a worker should be holding the recording (and beating its heart)."""
        return [cls.TRANSCRIBING, cls.SEPARATING, cls.SCORING]


class Stage(models.TextChoices):
    """The steps of `process_recording`, in order; a recording remembers where to resume."""

    DECODE = "decode", "Checking the audio"
    TRANSCRIBE = "transcribe", "Transcribing"
    SEPARATE = "separate", "Separating speakers"
    SCORE = "score", "Scoring"
    DONE = "done", "Done"

    @classmethod
    def order(cls):
        return [cls.DECODE, cls.TRANSCRIBE, cls.SEPARATE, cls.SCORE]


# The status a recording shows while each stage runs (checking the audio is quick and is
# shown as the start of transcription).
STAGE_STATUS = {
    Stage.DECODE: RecordingStatus.TRANSCRIBING,
    Stage.TRANSCRIBE: RecordingStatus.TRANSCRIBING,
    Stage.SEPARATE: RecordingStatus.SEPARATING,
    Stage.SCORE: RecordingStatus.SCORING,
}


class SpeakerRole(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    CLIENT = "client", "Client"


class ErasureReason(models.TextChoices):
    """Why a recording's audio and transcript were erased (recordings.erasure)."""

    RETENTION = "retention", "Retention period ended"
    CONSENT_WITHDRAWN = "consent_withdrawn", "Client withdrew consent"
