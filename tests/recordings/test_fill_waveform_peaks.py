"""`manage.py fill_waveform_peaks` gives recordings the worker decoded before it kept waveforms
the waveform the worker would have kept (real audio, decoded the worker's way), in batches;
it skips erased audio and recordings the worker has yet to decode, reports audio it cannot
decode without stopping, leaves no decoded copy behind, and finds nothing to do a second time."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from recordings import processing
from recordings.enums import ErasureReason, RecordingStatus, Stage
from recordings.erasure import erase_audio
from recordings.models import Recording
from speech.waveform import PEAKS

from .conftest import make_recording

pytestmark = pytest.mark.django_db


def fill(**options):
    out, err = StringIO(), StringIO()
    call_command("fill_waveform_peaks", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def peaks_of(recording):
    return Recording.objects.get(pk=recording.pk).waveform_peaks


@pytest.fixture
def processed_before_peaks(people, spoken):
    """Two ready recordings of real speech, as the worker left them before it kept waveforms."""
    audio = spoken.read_bytes()
    return [make_recording(people["practitioner"], content=audio) for _ in range(2)]


def test_fills_the_waveform_the_worker_would_have_kept_in_batches(
    people, spoken, processed_before_peaks
):
    assert all(peaks_of(recording) == [] for recording in processed_before_peaks)

    out, err = fill(batch_size=1)

    assert "Filled the waveform of 2 recording(s)." in out
    assert err == ""
    # The same waveform as the worker keeps when it decodes the same audio now.
    fresh = make_recording(
        people["practitioner"], status=RecordingStatus.QUEUED, content=spoken.read_bytes()
    )
    processing.decode_stage(fresh, None)
    processing.decoded_path(fresh).unlink()
    for recording in processed_before_peaks:
        peaks = peaks_of(recording)
        assert len(peaks) == PEAKS and max(peaks) == 1.0
        assert peaks == peaks_of(fresh)
    assert list(settings.RECORDINGS_WORK_DIR.glob("waveform-*.npy")) == [], "no decoded copy left"


def test_a_second_run_finds_nothing_to_fill(processed_before_peaks, monkeypatch):
    fill()
    kept = [peaks_of(recording) for recording in processed_before_peaks]

    def never(*args, **kwargs):
        raise AssertionError("a recording with a waveform was decoded again")

    monkeypatch.setattr(processing, "decode", never)
    out, _err = fill()
    assert "0 recording(s) without a waveform" in out
    assert "Filled the waveform of 0 recording(s)." in out
    assert [peaks_of(recording) for recording in processed_before_peaks] == kept


def test_erased_audio_and_recordings_still_to_decode_are_skipped(
    people, spoken, processed_before_peaks
):
    erased, kept = processed_before_peaks
    erase_audio(erased, ErasureReason.RETENTION)
    queued = make_recording(
        people["practitioner"], status=RecordingStatus.QUEUED, content=spoken.read_bytes()
    )
    assert queued.stage == Stage.DECODE

    out, _err = fill()

    assert "1 erased, skipped" in out
    assert "Filled the waveform of 1 recording(s)." in out
    assert peaks_of(erased) == [] and peaks_of(queued) == []
    assert len(peaks_of(kept)) == PEAKS


def test_audio_that_cannot_be_decoded_is_reported_and_the_rest_still_filled(
    people, processed_before_peaks
):
    broken = make_recording(people["practitioner"], content=b"RIFF-not-really")

    out, err = fill()

    assert f"Recording {broken.pk}: not filled:" in err
    assert f"1 could not be decoded: {broken.pk}" in out
    assert "Filled the waveform of 2 recording(s)." in out
    assert peaks_of(broken) == []
    assert list(settings.RECORDINGS_WORK_DIR.glob("waveform-*.npy")) == []


def test_a_waveform_is_not_kept_for_audio_erased_while_it_was_decoded(
    processed_before_peaks, monkeypatch
):
    first = processed_before_peaks[0]
    decode = processing.decode

    def decode_then_erase(recording, target=None):
        info = decode(recording, target)
        if recording.pk == first.pk:
            erase_audio(recording, ErasureReason.CONSENT_WITHDRAWN)
        return info

    monkeypatch.setattr(processing, "decode", decode_then_erase)
    out, _err = fill()
    assert "Filled the waveform of 1 recording(s)." in out
    assert peaks_of(first) == []


def test_the_batch_size_must_be_positive():
    with pytest.raises(CommandError, match="--batch-size"):
        fill(batch_size=0)


def test_a_run_deletes_the_copy_a_run_cut_off_left_behind(people):
    # A fill killed mid-decoding leaves its copy of someone's audio; the next one deletes it.
    folder = settings.RECORDINGS_WORK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "waveform-7.npy").write_bytes(b"audio")
    (folder / "waveform-7.npy.raw").write_bytes(b"audio")
    fill()
    assert not [path for path in folder.iterdir() if path.name.startswith("waveform-")]
