"""A call recording with each person on a channel of their own: the channels say who talks."""

import numpy as np
import pytest

from speech import channels
from speech.audio import AudioRejected, decode_to_pcm, load_pcm, remove_decoded
from speech.speakers import likely_third_voice, separate_speakers
from tests.fixtures.audio.reference import attribution_accuracy
from tests.fixtures.audio.wav import write_wav

from .voices import LINES, PRACTITIONER, RATE, as_call, conversation


@pytest.fixture(scope="module")
def one_voice_twice():
    """Both people spoken by the same voice: nothing in the voices tells them apart."""
    return conversation([PRACTITIONER], ["A", "B"])


def _levels(stereo: np.ndarray) -> np.ndarray:
    meter = channels.ChannelLevels()
    for begin in range(0, len(stereo), RATE):  # fed a second at a time, as the decoder does
        meter.add(stereo[begin : begin + RATE])
    return meter.levels().astype(np.float32)


def _intervals(turns):
    return [(t.start, t.end, t.speaker) for t in turns]


def test_the_levels_are_each_channels_power_every_10_ms():
    stereo = np.zeros((RATE, 2), dtype=np.float32)
    stereo[:8000, 0] = 0.1  # -20 dB for half a second on the first channel
    stereo[8000:, 1] = 0.01  # -40 dB for the second half on the second
    levels = _levels(stereo[:12345])  # not a whole number of frames: the rest waits
    assert levels.shape == (77, 2)
    np.testing.assert_allclose(levels[:50, 0], -20.0, atol=0.05)
    np.testing.assert_allclose(levels[50:, 1], -40.0, atol=0.05)
    assert (levels[:50, 1] < -90).all() and (levels[50:, 0] < -90).all()


def test_a_call_recording_and_lapel_microphones_have_separate_channels(one_voice_twice):
    audio, turns = one_voice_twice
    assert channels.are_separate(_levels(as_call(audio, turns)))
    assert channels.are_separate(_levels(as_call(audio, turns, other_side_db=-15)))


def test_channels_that_hear_the_same_room_are_not_separate(one_voice_twice):
    audio, turns = one_voice_twice
    same = np.stack([audio, audio * 0.6], axis=1)  # two microphones in one room, 4 dB apart
    left_only = np.stack([audio, np.zeros_like(audio)], axis=1)  # a mono lead in one socket
    lapels_too_close = as_call(audio, turns, other_side_db=-6)
    for stereo in (same, left_only, lapels_too_close):
        assert not channels.are_separate(_levels(stereo))


def test_each_word_goes_to_the_channel_that_said_it_when_the_voices_are_alike(
    one_voice_twice, tmp_path
):
    audio, turns = one_voice_twice
    words = [w for t in turns for w in t.words]
    for other_side_db in (None, -15):
        source = write_wav(tmp_path / "call.wav", as_call(audio, turns, other_side_db))
        pcm = tmp_path / "call.npy"
        decode_to_pcm(source, pcm, min_duration=1)
        assert channels.levels_path(pcm).exists()
        found = separate_speakers(pcm, [_segment(words)])
        accuracy, counted = attribution_accuracy(found, _intervals(turns))
        assert counted == len(words)
        assert accuracy == 1.0
        assert [t.speaker for t in found] == [t.speaker for t in turns]


def test_a_noisy_end_does_not_take_the_soft_end_of_the_other_persons_words(
    one_voice_twice, tmp_path
):
    # The client's end of the call is in a noisy room: without its noise taken away first, the
    # practitioner's softer last words ("up?", "week?") went to the client.
    audio, turns = one_voice_twice
    words = [w for t in turns for w in t.words]
    source = write_wav(tmp_path / "noisy.wav", as_call(audio, turns, noise_db=(-60, -38)))
    pcm = tmp_path / "noisy.npy"
    decode_to_pcm(source, pcm, min_duration=1)
    found = separate_speakers(pcm, [_segment(words)])
    accuracy, counted = attribution_accuracy(found, _intervals(turns))
    assert counted == len(words)
    assert accuracy == 1.0


def test_one_voice_at_both_ends_is_not_taken_for_a_third(one_voice_twice):
    # The two speakers sound alike, so one speaker's lines split no better than the two do:
    # that alone must not raise the reviewer's third-voice warning.
    audio, turns = conversation([PRACTITIONER], ["A", "B"], LINES * 2)
    assert not likely_third_voice(audio, turns)


def test_both_channels_talking_at_once_is_marked_as_overlapped(one_voice_twice, tmp_path):
    audio, turns = one_voice_twice
    stereo = as_call(audio, turns)
    # The second person starts their first line 1.5 s before the first has finished.
    first, second = turns[0], turns[1]
    said = audio[int(second.start * RATE) : int(second.end * RATE)]
    at = int((first.end - 1.5) * RATE)
    stereo[at : at + len(said), 1] += said
    pcm = tmp_path / "overlap.npy"
    decode_to_pcm(write_wav(tmp_path / "overlap.wav", stereo), pcm, min_duration=1)
    found = separate_speakers(pcm, [_segment([w for t in turns for w in t.words])])
    overlaps = [span for t in found for span in t.overlaps]
    assert overlaps, "the stretch where both talk is marked"
    assert all(first.end - 2.2 <= a and b <= first.end + 0.7 for a, b in overlaps)
    assert not any(t.overlaps for t in found[2:]), "talk one at a time is not marked"


def test_only_a_call_recording_keeps_channel_levels_and_they_go_with_the_copy(
    one_voice_twice, tmp_path
):
    audio, turns = one_voice_twice
    mono = write_wav(tmp_path / "mono.wav", audio)
    room = write_wav(tmp_path / "room.wav", np.stack([audio, audio * 0.6], axis=1))
    call = write_wav(tmp_path / "call.wav", as_call(audio, turns))
    for source, kept in ((mono, False), (room, False), (call, True)):
        pcm = tmp_path / f"{source.stem}.npy"
        decode_to_pcm(source, pcm, min_duration=1)
        assert channels.levels_path(pcm).exists() == kept
        assert (channels.split_for(pcm) is not None) == kept
    # The decoded copy of a call is both channels heard together, as FFmpeg mixes them.
    mixed = load_pcm(tmp_path / "call.npy")
    assert len(mixed) == len(audio)
    remove_decoded(tmp_path / "call.npy")
    assert not (tmp_path / "call.npy").exists()
    assert not channels.levels_path(tmp_path / "call.npy").exists()


def test_levels_an_earlier_decoding_left_go_when_the_file_is_refused(one_voice_twice, tmp_path):
    audio, turns = one_voice_twice
    call = write_wav(tmp_path / "call.wav", as_call(audio, turns))
    pcm = tmp_path / "call.npy"
    decode_to_pcm(call, pcm, min_duration=1)
    with pytest.raises(AudioRejected):
        decode_to_pcm(call, pcm, min_duration=1, max_duration=5)
    assert not pcm.exists()
    assert not channels.levels_path(pcm).exists()


def _segment(words):
    from speech.transcribe import Segment

    return Segment(
        start=words[0].start,
        end=words[-1].end,
        text=" ".join(w.text for w in words),
        words=tuple(words),
    )
