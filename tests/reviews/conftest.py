"""A scored recording ready for review, and helpers to write a review the way the page does."""

import pytest
from django.urls import reverse

from recordings.enums import SpeakerRole
from recordings.models import ScoreCard
from tests.recordings.factories import RecordingFactory

SESSION = [
    ("A", SpeakerRole.PRACTITIONER, "Before we start, how have you been since last week?"),
    ("B", SpeakerRole.CLIENT, "Alright. I went to the job centre like we said."),
    ("A", SpeakerRole.PRACTITIONER, "Well done, that took real effort. How did it go?"),
    ("B", SpeakerRole.CLIENT, "They had a warehouse job. I applied."),
    ("A", SpeakerRole.PRACTITIONER, "Did you fill in the form? Did they call you back?"),
    ("B", SpeakerRole.CLIENT, "Not yet."),
    ("A", SpeakerRole.PRACTITIONER, "So to sum up, you applied for the warehouse job."),
    ("A", SpeakerRole.PRACTITIONER, "Before next time, what might get in the way?"),
]


def scored_recording(owner, **fields):
    return RecordingFactory(
        owner=owner, scored=True, lines=SESSION, content=b"0123456789" * 100, **fields
    )


@pytest.fixture
def recording(people):
    return scored_recording(people["practitioner"])


def first_found_item(recording, counts_against=False):
    """An item the machine found evidence of (so it proposes a rating)."""
    items = ScoreCard.objects.latest_for(recording).items
    return next(
        code
        for code, item in items.items()
        if item["mode"] == "verdict"
        and item["present"]
        and item["counts_against"] == counts_against
    )


def review_data(recording, **overrides):
    """A complete review form: a rating for every skill, two points done well, one to work on."""
    data = {
        "skill_structuring": "satisfactory",
        "skill_relationship_building": "needs_improvement",
        "skill_prosocial_modelling": "not_applicable",
        "skill_cognitive_techniques": "not_applicable",
        "went_well_1": "You checked in warmly before anything else.",
        "went_well_1_at": "0:00",
        "went_well_2": "Specific praise for going to the job centre.",
        "went_well_2_at": "0:10",
        "work_on": "Two closed questions in a row.",
        "work_on_example": "What happened after you handed in the form?",
        "work_on_at": "0:20",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_review(client, recording, action="save", headers=None, **overrides):
    return client.post(
        reverse("reviews:review", args=[recording.pk]),
        {**review_data(recording, **overrides), "action": action},
        headers=headers or {},
    )


# The training modules of tests/training, so feedback can link skills to lessons and evidence.
from tests.training.conftest import content_dir, evidence_entry, training  # noqa: E402, F401
