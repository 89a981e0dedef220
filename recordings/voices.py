"""Voice enrolment: a practitioner's voice sample becomes a voice print, and the sample goes.

The sample is decoded as the worker decodes a recording (`speech.audio.decode_to_pcm`: the same
checks, 16 kHz mono, loudness normalised), checked to hold speech, and turned into
`speech.speakers.voice_embedding` (38 numbers from which no audio can be rebuilt). Only those
numbers are saved; the uploaded file and the decoded copy are deleted before the request ends,
whatever happens. The worker hands the print to `choose_practitioner` (`practitioner_voice`).
Enrolling and withdrawing are written to Wagtail's audit log, naming the person by id only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from django.db import transaction
from wagtail.log_actions import log

from .consent import ConsentStatement
from .models import VoicePrint
from .uploads import uploaded_file_path

VOICE_ENROLLED = "recordings.voice_enrolled"
VOICE_WITHDRAWN = "recordings.voice_withdrawn"
# What the audit log says, registered in wagtail_hooks.py.
LOG_ACTIONS = {
    VOICE_ENROLLED: ("Enrol voice", "Voice print enrolled"),
    VOICE_WITHDRAWN: ("Withdraw voice", "Voice print deleted"),
}

# The practitioner confirms this; each voice print keeps the version and the words.
CONSENT = ConsentStatement(
    version="1",
    text=(
        "I agree to this site keeping a voice print of me: numbers worked out from my voice "
        "sample, from which my voice cannot be played back or rebuilt. The sample itself is "
        "deleted as soon as the voice print is made. The voice print is used only to tell me "
        "apart from the client in my own recordings, and I can delete it at any time."
    ),
)

# 20 to 30 seconds of speech is asked for; a little less still makes a usable print.
MIN_SECONDS = 10.0
MAX_SECONDS = 120.0
MAX_BYTES = 20 * 1024 * 1024

# The decoder's words are about a session's recording; these are about a voice sample.
_MESSAGES = {
    "too_short": (
        f"The voice sample is shorter than {MIN_SECONDS:g} seconds. Record about 20 to 30 "
        "seconds of yourself reading the passage aloud."
    ),
    "too_long": (
        f"The voice sample is longer than {MAX_SECONDS / 60:g} minutes. Record about 20 to 30 "
        "seconds of yourself reading the passage aloud."
    ),
    "too_big": f"The voice sample is over {MAX_BYTES // (1024 * 1024)} MB. Record a shorter one.",
    "no_speech": (
        "No one can be heard speaking in the voice sample. Check the microphone is on and close "
        "to you, and record yourself reading the passage aloud."
    ),
}


class VoiceSampleRefused(Exception):
    """The sample cannot make a voice print; `message` tells the practitioner why and what to do."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def embedding_from_sample(uploaded) -> tuple[np.ndarray, float]:
    """(voice print, seconds of audio) from an uploaded sample, or VoiceSampleRefused.

    The uploaded file is closed (Django's temporary file deleted) and the decoded copy removed
    before this returns or raises."""
    from speech.audio import AudioRejected, decode_to_pcm, require_speech
    from speech.speakers import voice_embedding

    try:
        if uploaded.size is not None and uploaded.size > MAX_BYTES:
            raise VoiceSampleRefused("too_big", _MESSAGES["too_big"])
        with (
            tempfile.TemporaryDirectory(prefix="oep-voice-") as folder,
            uploaded_file_path(uploaded) as source,
        ):
            pcm = Path(folder) / "sample.npy"
            try:
                info = decode_to_pcm(
                    source,
                    pcm,
                    min_duration=MIN_SECONDS,
                    max_duration=MAX_SECONDS,
                    max_bytes=MAX_BYTES,
                )
                require_speech(pcm)
                embedding = voice_embedding(pcm)
            except AudioRejected as refusal:
                raise VoiceSampleRefused(
                    refusal.code, _MESSAGES.get(refusal.code, refusal.message)
                ) from None
            except ValueError as error:  # under a second of voiced sound
                raise VoiceSampleRefused("no_speech", _MESSAGES["no_speech"]) from error
    finally:
        uploaded.close()
    return embedding, info.duration


def voice_print_of(user) -> VoicePrint | None:
    return VoicePrint.objects.filter(owner=user).first()


@transaction.atomic
def enrol(user, embedding: np.ndarray, *, seconds: float, consent: ConsentStatement = CONSENT):
    """Saves (or replaces) the user's voice print; audited."""
    voice, _ = VoicePrint.objects.update_or_create(
        owner=user,
        defaults={
            "embedding": [float(x) for x in embedding],
            "consent_statement": consent.text,
            "consent_version": consent.version,
            "sample_seconds": round(seconds, 1),
        },
    )
    log(voice, VOICE_ENROLLED, user=user, data={"consent_version": consent.version})
    return voice


@transaction.atomic
def withdraw(user) -> bool:
    """Deletes the user's voice print; False if there was none. Audited."""
    voice = VoicePrint.objects.select_for_update().filter(owner=user).first()
    if voice is None:
        return False
    log(voice, VOICE_WITHDRAWN, user=user)
    voice.delete()
    return True


def practitioner_voice(owner_id) -> np.ndarray | None:
    """The recording owner's voice print for the worker, or None if they have not enrolled."""
    embedding = (
        VoicePrint.objects.filter(owner_id=owner_id).values_list("embedding", flat=True).first()
    )
    return None if embedding is None else np.asarray(embedding, dtype=np.float64)
