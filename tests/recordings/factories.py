"""Recordings in each of their states, their transcript lines and score cards."""

from datetime import date

import factory
from django.core.files.base import ContentFile

from checklist.models import ChecklistVersion
from recordings.enums import RecordingStatus, SpeakerRole, Stage
from recordings.models import Recording, ScoreCard, TranscriptSegment
from recordings.scorecards import score_recording, utterances_of
from scoring import SCORER_VERSION, score_session
from tests.accounts.factories import PractitionerFactory

# A short check-in: enough for the scorer to find evidence of a few items.
CHECK_IN = [
    ("A", SpeakerRole.PRACTITIONER, "How have you been since last week?"),
    ("B", SpeakerRole.CLIENT, "Not bad, busy.", True),
    ("A", SpeakerRole.PRACTITIONER, "What has kept you busy?"),
]


def add_lines(recording, lines):
    """lines: (speaker label, role, text[, low_confidence]), five seconds apart."""
    for index, (speaker, role, text, *rest) in enumerate(lines):
        TranscriptSegmentFactory(
            recording=recording,
            index=index,
            speaker=speaker,
            role=role,
            text=text,
            low_confidence=bool(rest and rest[0]),
        )


class RecordingFactory(factory.django.DjangoModelFactory):
    """A recording with consent and stored audio; `queued`, `ready`, `failed` and `scored` give
    the states a practitioner sees. `lines=[...]` adds transcript lines (see `add_lines`)."""

    class Meta:
        model = Recording

    class Params:
        content = b"RIFF-not-really"
        queued = factory.Trait(status=RecordingStatus.QUEUED, stage=Stage.DECODE)
        ready = factory.Trait(
            status=RecordingStatus.READY, stage=Stage.DONE, lines=CHECK_IN, duration=30.0
        )
        failed = factory.Trait(
            status=RecordingStatus.FAILED,
            stage=Stage.DECODE,
            error_code="not_audio",
            error_message="The file is not audio we can read.",
        )
        # The score card comes from the real scorer on the recording's lines.
        scored = factory.Trait(ready=True, scorecard=True)

    owner = factory.SubFactory(PractitionerFactory)
    session_date = date(2026, 1, 15)
    client_pseudonym = "Client A"
    skills = factory.LazyFunction(lambda: ["structuring"])
    consent_given = True
    consent_statement = "Agreed on tape."
    original_name = "session.wav"
    content_type = "audio/wav"
    size = factory.LazyAttribute(lambda recording: len(recording.content))
    duration = 30.0
    status = RecordingStatus.QUEUED
    stage = Stage.DECODE
    practitioner_speaker = "A"
    audio = factory.LazyAttribute(
        lambda recording: ContentFile(recording.content, name="session.wav")
    )

    # Not model fields: _create adds the lines and the score card once the recording is saved.
    # (Plain declarations, not post-generation hooks, so the traits above can set them.)
    lines = ()
    scorecard = False

    @classmethod
    def _build(cls, model_class, *args, lines=(), scorecard=False, **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, lines=(), scorecard=False, **kwargs):
        recording = super()._create(model_class, *args, **kwargs)
        add_lines(recording, lines or ())
        if scorecard:
            score_recording(recording)
        return recording


class TranscriptSegmentFactory(factory.django.DjangoModelFactory):
    """One transcript line; line n starts at 5n seconds and lasts four."""

    class Meta:
        model = TranscriptSegment

    recording = factory.SubFactory(RecordingFactory, ready=True, lines=None)
    index = factory.Sequence(lambda n: n)
    start = factory.LazyAttribute(lambda segment: segment.index * 5.0)
    end = factory.LazyAttribute(lambda segment: segment.start + 4.0)
    text = "How have you been since last week?"
    speaker = "A"
    role = SpeakerRole.PRACTITIONER


def _real_scores(card):
    segments = list(card.recording.segments.order_by("index"))
    return score_session(utterances_of(segments), card.checklist_version.checklist()).to_dict()


class ScoreCardFactory(factory.django.DjangoModelFactory):
    """A score card as the scorer makes it for the recording's lines and the current checklist."""

    class Meta:
        model = ScoreCard

    recording = factory.SubFactory(RecordingFactory, ready=True)
    checklist_version = factory.LazyFunction(ChecklistVersion.objects.current)
    scorer_version = SCORER_VERSION
    result = factory.LazyAttribute(_real_scores)
    roles = factory.LazyAttribute(
        lambda card: {str(s.index): s.role for s in card.recording.segments.all()}
    )
