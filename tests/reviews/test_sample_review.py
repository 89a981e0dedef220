"""The demo data's reviewed recording: load_sample_review shares the demo manager's feedback on
the demo practitioner's sample, once, however often it runs."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from recordings.management.commands.load_sample_recording import SAMPLE
from reviews.models import Review
from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory

from .conftest import scored_recording

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    team = TeamFactory(name="North Probation Team")
    practitioner = PractitionerFactory(username="practitioner", team=team)
    manager = ManagerFactory(username="manager", teams=[team])
    recording = scored_recording(practitioner)
    recording.original_name = SAMPLE.name
    recording.save(update_fields=["original_name"])
    return practitioner, manager, recording


def test_the_sample_review_is_shared_once(client, demo):
    practitioner, manager, recording = demo
    call_command("load_sample_review", stdout=None)
    call_command("load_sample_review", stdout=None)
    review = Review.objects.get()
    assert review.live and review.reviewer == manager
    assert review.revisions.count() == 1
    assert len(review.went_well) == 2 and review.work_on.example
    assert all(point.at is not None for point in review.points.all())
    assert review.skill_ratings.count() == 4

    client.force_login(practitioner)
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert "A warm start" in page and "It sounds like getting this sorted" in page


def test_without_the_sample_recording_it_says_what_to_run(demo):
    _, _, recording = demo
    recording.delete()
    with pytest.raises(CommandError, match="load_demo_data"):
        call_command("load_sample_review")
