"""The recording factories make the states their traits name, with real scores."""

import pytest

from recordings.enums import RecordingStatus, SpeakerRole, Stage
from recordings.models import ScoreCard
from scoring import SCORER_VERSION
from tests.recordings.factories import (
    CHECK_IN,
    RecordingFactory,
    ScoreCardFactory,
    TranscriptSegmentFactory,
)

pytestmark = pytest.mark.django_db


def test_a_queued_recording_waits_for_its_first_stage_with_its_audio_stored():
    recording = RecordingFactory(queued=True)
    assert (recording.status, recording.stage) == (RecordingStatus.QUEUED, Stage.DECODE)
    assert recording.audio.read() == b"RIFF-not-really"
    assert recording.segments.count() == 0


def test_a_ready_recording_has_its_transcript_and_no_scores():
    recording = RecordingFactory(ready=True)
    assert recording.status == RecordingStatus.READY
    assert [s.text for s in recording.segments.order_by("index")] == [line[2] for line in CHECK_IN]
    assert ScoreCard.objects.latest_for(recording) is None


def test_a_failed_recording_says_why():
    recording = RecordingFactory(failed=True)
    assert recording.status == RecordingStatus.FAILED
    assert recording.error_message


def test_a_scored_recording_has_a_card_from_the_scorer_on_its_lines():
    recording = RecordingFactory(scored=True)
    card = ScoreCard.objects.latest_for(recording)
    assert card.scorer_version == SCORER_VERSION
    assert set(card.roles) == {str(index) for index in range(len(CHECK_IN))}
    assert card.items


def test_a_score_card_made_alone_scores_its_recordings_lines():
    card = ScoreCardFactory()
    assert card.items
    assert card.roles["1"] == SpeakerRole.CLIENT


def test_a_transcript_line_starts_five_seconds_after_the_one_before():
    recording = RecordingFactory(ready=True, lines=None)
    first = TranscriptSegmentFactory(recording=recording, index=0)
    second = TranscriptSegmentFactory(recording=recording, index=1)
    assert (first.start, first.end, second.start) == (0.0, 4.0, 5.0)
