"""The worker keeps a recording's waveform when it decodes the audio, so the player draws even an
hour's waveform without decoding it in the browser; erasing the audio erases it too."""

import pytest

from recordings import processing
from recordings.enums import ErasureReason, RecordingStatus
from recordings.erasure import erase_audio
from recordings.models import Recording
from speech.waveform import PEAKS

from .conftest import make_recording

pytestmark = pytest.mark.django_db


def test_decoding_keeps_the_waveform_and_erasing_the_audio_erases_it(people, spoken):
    recording = make_recording(
        people["practitioner"], status=RecordingStatus.QUEUED, content=spoken.read_bytes()
    )
    processing.decode_stage(recording, None)
    peaks = Recording.objects.get(pk=recording.pk).waveform_peaks
    assert len(peaks) == PEAKS
    assert max(peaks) == 1.0 and min(peaks) >= 0
    assert sum(peak < 0.05 for peak in peaks) < PEAKS / 2, "two people talking, not silence"

    erase_audio(recording, ErasureReason.RETENTION)
    assert Recording.objects.get(pk=recording.pk).waveform_peaks == []
