"""The score stage's entry point: turns a recording's transcript into a score card.

`score_recording(recording)` is idempotent (it replaces any earlier score card) and returns a
one-line note for the recording's stage log. A first scoring uses the current checklist
version; re-scoring (after a speaker fix) keeps the card's version, so a review's ratings
stay against the items they were made for.
"""

from django.db import transaction

from scoring import SCORER_VERSION, Utterance, score_session

from .enums import SpeakerRole
from .models import ChecklistVersion, ScoreCard


def utterances_of(recording) -> list[Utterance]:
    return [
        Utterance(
            index=segment.index,
            speaker="practitioner" if segment.role == SpeakerRole.PRACTITIONER else "client",
            text=segment.text,
            start=segment.start,
            end=segment.end,
        )
        for segment in recording.segments.order_by("index")
    ]


@transaction.atomic
def score_recording(recording) -> str:
    card = (
        ScoreCard.objects.select_for_update()
        .filter(recording=recording)
        .select_related("checklist_version")
        .first()
    )
    version = card.checklist_version if card else ChecklistVersion.objects.current()
    result = score_session(utterances_of(recording), version.checklist())
    ScoreCard.objects.update_or_create(
        recording=recording,
        defaults={
            "checklist_version": version,
            "scorer_version": SCORER_VERSION,
            "result": result.to_dict(),
        },
    )
    found = sum(1 for item in result.items.values() if item.get("present"))
    return f"Scored against checklist {version} with {SCORER_VERSION}: {found} items with evidence."
