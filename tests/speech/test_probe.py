"""The upload check is right, not only safe: complete files with trailing bytes pass, cut WAVs
and files without voices do not, and a long file is judged on excerpts, not decoded whole."""

import av
import numpy as np
import pytest

from speech import audio
from speech.audio import AudioRejected, decode_to_pcm, decode_window, probe_audio, too_big
from tests.fixtures.audio.wav import write_wav

from .conftest import DIALOGUE

RATE = 16000


def encode(samples: np.ndarray, path, codec: str, *, container=None, options=None):
    """`samples` (16 kHz mono float) encoded with `codec` by PyAV, as a recorder would."""
    rate = 48000 if codec == "libopus" else RATE
    with av.open(str(path), "w", format=container, options=options or {}) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        stream.bit_rate = 32000
        fmt = "s16" if codec == "libopus" else "s16p"
        resampler = av.AudioResampler(format=fmt, layout="mono", rate=rate)
        frame = av.AudioFrame.from_ndarray(
            (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1),
            format="s16",
            layout="mono",
        )
        frame.sample_rate = RATE
        for piece in resampler.resample(frame) + resampler.resample(None):
            out.mux(stream.encode(piece))
        out.mux(stream.encode(None))
    return path


@pytest.fixture(scope="module")
def talk():
    """The committed one-minute dialogue's samples."""
    return decode_window(DIALOGUE, 0, None)


@pytest.mark.parametrize("padding", [b"\0" * 7, b"\xff" * 5, bytes(range(13)), b"\0" * 4096])
def test_a_complete_mp3_with_trailing_padding_is_accepted(tmp_path, talk, padding):
    whole = encode(talk[: 30 * RATE], tmp_path / "whole.mp3", "libmp3lame")
    padded = tmp_path / "padded.mp3"
    padded.write_bytes(whole.read_bytes() + padding)
    assert probe_audio(padded).duration == pytest.approx(probe_audio(whole).duration, abs=0.05)
    # The worker's full decoding agrees.
    assert decode_to_pcm(padded, tmp_path / "padded.npy").duration == pytest.approx(30, abs=0.1)


def test_a_wav_cut_in_half_is_refused_as_incomplete(tmp_path, talk):
    whole = write_wav(tmp_path / "whole.wav", talk[: 40 * RATE]).read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) // 2])
    for check in (probe_audio, lambda path: decode_to_pcm(path, tmp_path / "cut.npy")):
        with pytest.raises(AudioRejected) as refusal:
            check(cut)
        assert refusal.value.code == "not_audio"
        assert "stops after 20 seconds although it should last 40 seconds" in refusal.value.message
        assert "Copy it from the recorder again" in refusal.value.message


def test_a_complete_wav_is_accepted(tmp_path, talk):
    assert probe_audio(write_wav(tmp_path / "whole.wav", talk[: 40 * RATE])).duration == 40


_rng = np.random.default_rng(3)
NO_VOICES = {
    "pure tone": 0.3 * np.sin(2 * np.pi * 440 * np.arange(20 * RATE) / RATE),
    "white noise": 0.3 * _rng.standard_normal(20 * RATE),
    "random PCM": _rng.uniform(-1, 1, 20 * RATE),
}


@pytest.mark.parametrize("name", sorted(NO_VOICES))
def test_a_file_without_voices_is_refused_saying_what_to_do(tmp_path, name):
    with pytest.raises(AudioRejected) as refusal:
        probe_audio(write_wav(tmp_path / "sound.wav", NO_VOICES[name]))
    assert refusal.value.code == "no_speech"
    assert "No one can be heard speaking" in refusal.value.message
    assert "upload it again" in refusal.value.message


def test_silence_is_refused_as_silent(tmp_path):
    with pytest.raises(AudioRejected) as refusal:
        probe_audio(write_wav(tmp_path / "quiet.wav", np.zeros(20 * RATE)))
    assert refusal.value.code == "silent"
    assert "microphone" in refusal.value.message


@pytest.mark.slow
def test_a_long_webm_without_a_duration_is_measured_and_judged_on_excerpts(
    tmp_path, talk, monkeypatch
):
    """A browser's recording (WebM written live: no duration, no index) of eight minutes: its
    length comes from the packets, and only the excerpts the speech rule judges are decoded."""
    minutes = 8
    samples = np.tile(talk, minutes + 1)[: minutes * 60 * RATE]
    webm = encode(samples, tmp_path / "browser.webm", "libopus", options={"live": "1"})
    with av.open(str(webm)) as container:
        assert container.duration is None, "the fixture is like a browser's: no duration"
    measured = []
    real_add = audio._LevelMeter.add
    monkeypatch.setattr(
        audio._LevelMeter,
        "add",
        lambda meter, chunk: (measured.append(len(chunk)), real_add(meter, chunk))[1],
    )

    info = probe_audio(webm)

    assert info.duration == pytest.approx(minutes * 60, abs=0.1)
    judged = audio.presence_spans(info.duration)
    assert len(judged) == 12
    assert sum(measured) == pytest.approx(12 * 30 * RATE, rel=0.01), "only the excerpts"


def test_speech_presence_judges_the_same_stretches_as_the_upload_check(talk):
    """One rule: a decoded copy and the upload check's excerpts give the same verdict."""
    long = np.tile(talk, 8)
    spans = audio.presence_spans(len(long) / RATE)
    excerpts = [long[round(a * RATE) : round(b * RATE)] for a, b in spans]
    assert audio.speech_presence(excerpts) == audio.speech_presence(long)


def test_the_size_message_never_says_a_file_is_more_than_the_same_figure():
    limit = 500 * 1024 * 1024
    message = too_big(limit + 300 * 1024, limit).message
    assert "500 MB, more than the 500 MB" not in message
    assert "500.3 MB, more than the 500.0 MB allowed" in message
    assert "524,288,001 bytes, more than the 524,288,000 bytes" in too_big(limit + 1, limit).message
