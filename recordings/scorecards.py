"""The score stage's entry point: turns a recording's transcript into a score card.

`score_recording(recording)` adds a score card (cards are never changed) and returns a one-line
note for the recording's stage log. A first scoring uses the current checklist version;
re-scoring (after a speaker fix) keeps the latest card's version, so a review's ratings stay
against the items they were made for.
"""

from django.db import transaction

from checklist.models import ChecklistVersion
from scoring import SCORER_VERSION, Utterance
from scoring.speech_text import score_speech

from .enums import SpeakerRole
from .models import ScoreCard


def utterances_of(segments) -> list[Utterance]:
    return [
        Utterance(
            index=segment.index,
            speaker="practitioner" if segment.role == SpeakerRole.PRACTITIONER else "client",
            text=segment.text,
            start=segment.start,
            end=segment.end,
        )
        for segment in segments
    ]


@transaction.atomic
def score_recording(recording) -> str:
    # Locks the recording so two scorings (a worker and a speaker fix) queue, not interleave.
    type(recording).objects.select_for_update().filter(pk=recording.pk).first()
    card = ScoreCard.objects.latest_for(recording)
    version = card.checklist_version if card else ChecklistVersion.objects.current()
    segments = list(recording.segments.order_by("start", "index"))
    # Read as speech-recognition text: Whisper's commas and dropped question marks are not a
    # typist's punctuation (docs/scoring.md, "Spoken aloud"); evidence quotes the transcript.
    result = score_speech(utterances_of(segments), version.checklist())
    card = ScoreCard.objects.create(
        recording=recording,
        checklist_version=version,
        scorer_version=SCORER_VERSION,
        result=result,
        roles={str(segment.index): segment.role for segment in segments},
    )
    found = sum(1 for item in result["items"].values() if item.get("present"))
    # the scorer's notes (say, its reading models could not run here) belong in the stage log
    # the owner and reviewer see, not only in the worker's log
    notes = "".join(f" Note: {note}." for note in card.notes)
    return (
        f"Scored against checklist {version} with {SCORER_VERSION}: {found} items with evidence."
        + notes
    )
