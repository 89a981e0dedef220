"""ReviewFactory's reviews are what the review page makes: drafts unseen, shares published."""

import pytest

from checklist.enums import Skill
from recordings.models import ScoreCard
from reviews.reviewing import shared_review
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def test_a_draft_review_is_not_shown_to_the_practitioner():
    review = ReviewFactory()
    assert review.revisions.count() == 1
    assert shared_review(review.recording) is None


def test_a_shared_review_is_published_with_the_score_card_it_was_shared_with():
    review = ReviewFactory(shared=True)
    shown = shared_review(review.recording)
    assert shown.pk == review.pk
    assert shown.live_revision is not None
    assert shown.scorecard == ScoreCard.objects.latest_for(review.recording)
    assert {r.skill for r in shown.skill_ratings.all()} == set(Skill.values)
    assert shown.went_well[0].text == "You checked in warmly."


def test_the_reviewer_manages_the_practitioners_team():
    review = ReviewFactory()
    assert review.recording.owner.team.managers.filter(pk=review.reviewer.pk).exists()
