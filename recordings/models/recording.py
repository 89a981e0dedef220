"""A recorded practice session, where its processing has got to, and its transcript lines."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from core.timecodes import timecode

from ..enums import ErasureReason, RecordingStatus, SpeakerRole, Stage


def recordings_storage():
    """The private storage (outside MEDIA_ROOT, no public URL); looked up when used, so tests
    and production settings can swap it."""
    return storages["recordings"]


def recording_upload_to(instance, filename):
    # The owner's name never appears in the stored path: only opaque ids. The suffix is the
    # one the decoder found (set on the instance before saving), never the user's filename.
    suffix = instance.stored_suffix or "audio"
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{suffix}"


class Recording(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recordings"
    )
    session_date = models.DateField("date of the session")
    client_pseudonym = models.CharField(max_length=80)
    skills = models.JSONField(default=list, blank=True, help_text="Skill codes practised.")
    consent_given = models.BooleanField(default=False)
    consent_statement = models.TextField(help_text="The statement the practitioner confirmed.")
    consent_version = models.CharField(
        max_length=20,
        blank=True,
        help_text="The version of the consent statement (recordings.consent); empty: not recorded.",
    )
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)

    audio = models.FileField(storage=recordings_storage, upload_to=recording_upload_to)
    original_name = models.CharField(max_length=255)
    size = models.BigIntegerField(default=0, help_text="Bytes.")
    duration = models.FloatField(null=True, blank=True, help_text="Seconds.")
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    content_type = models.CharField(
        max_length=40,
        blank=True,
        help_text="The audio type the decoder found, sent to browsers.",
    )
    upload_token = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="The one-time token of the upload form, so a double submit saves once.",
    )

    status = models.CharField(
        max_length=20, choices=RecordingStatus.choices, default=RecordingStatus.QUEUED
    )
    stage = models.CharField(
        max_length=20,
        choices=Stage.choices,
        default=Stage.DECODE,
        help_text="The stage running now, or to resume from after a failure.",
    )
    progress = models.FloatField(default=0, help_text="Share of the audio transcribed, 0 to 1.")
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    timings = models.JSONField(default=dict, blank=True, help_text="Seconds spent per stage.")
    stage_log = models.JSONField(default=list, blank=True)
    practitioner_speaker = models.CharField(max_length=20, blank=True)
    third_voice = models.BooleanField(
        default=False,
        help_text="The speaker stage heard what may be a third voice (an interpreter, a "
        "colleague) in one of the two speakers' lines: the reviewer is told to check who said "
        "what.",
    )
    next_line_index = models.PositiveIntegerField(
        default=0,
        help_text="The lowest number a new transcript line (a reviewer's split) may take: line "
        "numbers are never reused, even after a merge removes the highest.",
    )
    waveform_peaks = models.JSONField(
        default=list,
        blank=True,
        help_text="The waveform the player draws (speech.waveform), made when the audio is "
        "decoded; erased with the audio.",
    )
    transcription_prompt = models.TextField(
        null=True,
        blank=True,
        editable=False,
        help_text="What Whisper was told before it listened (Settings > Transcription), kept "
        "when transcription starts so that a resumed transcription is told the same; empty "
        "when it was told nothing (started before 28 Nov 2026 with the list off), null when "
        "not recorded (not started yet, or transcribed before it was kept).",
    )
    transcription_window_seconds = models.FloatField(
        null=True,
        blank=True,
        editable=False,
        help_text="Seconds of audio Whisper was given at once (WHISPER_WINDOW_SECONDS), kept "
        "when transcription starts so that a resumed transcription cuts the audio where the "
        "first part did; null when not started yet.",
    )
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(
        default=0, help_text="Workers that took it since it was last queued by a person."
    )
    queued_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(
        max_length=64, blank=True, help_text="The job queued for it, as its task backend knows it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Retention and erasure (recordings.retention, recordings.erasure).
    feedback_shared_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When feedback on it was last shared (set by the app that shares it); "
        "retention counts from it.",
    )
    audio_erased_at = models.DateTimeField(null=True, blank=True)
    transcript_erased_at = models.DateTimeField(null=True, blank=True)
    erasure_reason = models.CharField(max_length=20, choices=ErasureReason.choices, blank=True)

    class Meta:
        ordering = ["-session_date", "-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self):
        return f"{self.client_pseudonym}, {self.session_date:%d %b %Y}"

    # Set before saving a new recording's audio, from the decoder's findings.
    stored_suffix = ""

    def get_absolute_url(self):
        return reverse("recordings:detail", args=[self.pk])

    def get_duration_display(self):
        """The length as the player and the site write it ("1:03:20"); Wagtail's inspect view
        uses it instead of the raw seconds."""
        return timecode(self.duration)

    @property
    def audit_label(self):
        """How audit entries name it: no pseudonym or date, which could point at a person."""
        return f"Recording {self.pk}"

    @property
    def has_audio(self):
        return self.audio_erased_at is None and bool(self.audio.name)

    @property
    def consent_withdrawn(self):
        return self.consent_withdrawn_at is not None

    @property
    def is_processing(self):
        return self.status in RecordingStatus.processing()

    @property
    def is_finished(self):
        return self.status in (RecordingStatus.READY, RecordingStatus.FAILED)

    WAITING_NOTICE = (
        "Waiting for a worker: if this does not change within a few minutes, tell an administrator."
    )

    @property
    def worker_notice(self):
        return self.WAITING_NOTICE if self.waiting_for_worker else ""

    @property
    def waiting_for_worker(self):
        """Queued for longer than a worker should take to start it: worth telling someone."""
        if self.status != RecordingStatus.QUEUED:
            return False
        since = self.queued_at or self.created_at
        limit = timedelta(seconds=settings.RECORDINGS_QUEUED_RECHECK_SECONDS)
        return since is not None and timezone.now() - since > limit

    AUDIO_MISSING_MESSAGE = (
        "The audio file of this recording is missing from storage, so it cannot be played or "
        "processed, and trying again would not help. Tell an administrator: they can restore "
        "the file from a backup, or you can upload the recording again."
    )

    def has_audio_file(self) -> bool:
        """Whether the stored audio is still there: a file can go missing behind the site's
        back (a restore without it, a clean-up by hand, a storage fault)."""
        name = self.audio.name
        try:
            return bool(name) and self.audio.storage.exists(name)
        except OSError:
            return False

    def skill_labels(self):
        from checklist.enums import Skill

        return [Skill(code).label for code in self.skills if code in Skill.values]


class SpokenStretch(models.Model):
    """A stretch of the recording and what was said in it, with Whisper's word timings and how
    sure it was. Whisper's own segments and the transcript's lines are both of this shape."""

    index = models.PositiveIntegerField()
    start = models.FloatField()
    end = models.FloatField()
    text = models.TextField()
    words = models.JSONField(default=list, blank=True)
    avg_logprob = models.FloatField(null=True, blank=True)
    no_speech_prob = models.FloatField(null=True, blank=True)
    low_confidence = models.BooleanField(default=False)

    class Meta:
        abstract = True
        ordering = ["recording", "index"]

    def __str__(self):
        return f"{self.start:.1f}–{self.end:.1f} {self.text[:40]}"


class WhisperSegment(SpokenStretch):
    """What Whisper heard, as it produced it: kept as it was, so the speaker turns can always be
    made again from it and a resumed transcription knows where it stopped."""

    recording = models.ForeignKey(
        Recording, on_delete=models.CASCADE, related_name="whisper_segments"
    )

    class Meta(SpokenStretch.Meta):
        constraints = [
            models.UniqueConstraint(fields=["recording", "index"], name="unique_whisper_index")
        ]


class TranscriptSegment(SpokenStretch):
    """One line of the transcript as people read it: a speaker's turn, made once from the
    Whisper segments by the speaker stage."""

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="segments")
    speaker = models.CharField(max_length=20, blank=True)
    role = models.CharField(max_length=20, choices=SpeakerRole.choices, blank=True)
    role_overridden = models.BooleanField(default=False)
    machine_text = models.TextField(
        blank=True,
        help_text="What the machine heard, kept when a reviewer corrects, splits or merges the "
        "line; empty: the text is the machine's own.",
    )
    overlaps = models.JSONField(
        default=list,
        blank=True,
        help_text="Stretches [start, end] in seconds of this line where the other person "
        "seemed to talk at the same time: shown, so the reviewer listens rather than trusts "
        "whose words these are.",
    )

    class Meta(SpokenStretch.Meta):
        # In the order they were said: a line split by a reviewer takes a new number (numbers
        # are never reused, so feedback and scores anchored to a line stay on it).
        ordering = ["recording", "start", "index"]
        constraints = [
            models.UniqueConstraint(fields=["recording", "index"], name="unique_segment_index")
        ]

    @property
    def start_label(self):
        return timecode(self.start)

    @property
    def corrected(self):
        return bool(self.machine_text)


@receiver(post_delete, sender=Recording)
def delete_audio_with_recording(sender, instance, **kwargs):
    """A deleted recording takes its audio with it: personal data is not left in storage."""
    if instance.audio.name:
        transaction.on_commit(lambda: instance.audio.storage.delete(instance.audio.name))
