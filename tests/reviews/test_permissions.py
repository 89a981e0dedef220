"""Every review view, for every role: who sees what, and a 404 for those who may not see.

The recording belongs to the practitioner of team North; the manager manages North. The
colleague is in North too; the "other" practitioner and manager are in South.
"""

import pytest
from django.urls import reverse

from reviews.models import Review
from tests.roles import EVERY_ROLE, assert_admin_refuses, sign_in

from .conftest import post_review

pytestmark = pytest.mark.django_db


def expect(role, allowed: dict, default=404):
    return 302 if role == "anonymous" else allowed.get(role, default)


@pytest.fixture
def shared(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    client.logout()
    return recording


@pytest.fixture
def drafted(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="save")
    client.logout()
    return recording


REVIEWERS = {"manager": 200, "admin": 200, "practitioner": 403}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_review_page(client, people, drafted, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:review", args=[drafted.pk]))
    assert response.status_code == expect(role, REVIEWERS)
    if response.status_code == 200:
        assert "You checked in warmly" in response.content.decode()


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_saving_a_review(client, people, recording, role):
    sign_in(client, people, role)
    response = post_review(client, recording, action="save")
    assert response.status_code == expect(role, {"manager": 302, "admin": 302, "practitioner": 403})
    assert Review.objects.filter(recording=recording).exists() == (role in ("manager", "admin"))


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_sharing_a_review(client, people, recording, role):
    sign_in(client, people, role)
    response = post_review(client, recording, action="share")
    assert response.status_code == expect(role, {"manager": 302, "admin": 302, "practitioner": 403})
    assert Review.objects.filter(recording=recording, live=True).exists() == (
        role in ("manager", "admin")
    )


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_swapping_speakers_from_the_review_page(client, people, recording, role):
    sign_in(client, people, role)
    response = client.post(
        reverse("reviews:swap_speakers", args=[recording.pk]),
        {"next": reverse("reviews:review", args=[recording.pk])},
    )
    assert response.status_code == expect(role, {"manager": 302, "admin": 302, "practitioner": 302})
    swapped = recording.segments.get(index=0).role == "client"
    assert swapped == (role in ("manager", "admin", "practitioner"))


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_reassigning_a_line_from_the_review_page(client, people, recording, role):
    sign_in(client, people, role)
    response = client.post(
        reverse("reviews:reassign_line", args=[recording.pk, 1]),
        {"role": "practitioner", "next": reverse("reviews:review", args=[recording.pk])},
    )
    assert response.status_code == expect(role, {"manager": 302, "admin": 302, "practitioner": 302})
    moved = recording.segments.get(index=1).role == "practitioner"
    assert moved == (role in ("manager", "admin", "practitioner"))


SEES_FEEDBACK = {"practitioner": 200, "manager": 200, "admin": 200}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_shared_feedback(client, people, shared, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:feedback", args=[shared.pk]))
    assert response.status_code == expect(role, SEES_FEEDBACK)
    if response.status_code == 200:
        assert "You checked in warmly" in response.content.decode()


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_draft_feedback_is_nobodys_to_read(client, people, drafted, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:feedback", args=[drafted.pk]))
    assert response.status_code == expect(role, {})
    assert b"You checked in warmly" not in response.content


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_responding(client, people, shared, role):
    sign_in(client, people, role)
    response = client.post(reverse("reviews:respond", args=[shared.pk]), {"text": "Thank you."})
    assert response.status_code == expect(role, {"practitioner": 302, "manager": 403, "admin": 403})
    assert shared.review.responses.exists() == (role == "practitioner")


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_marking_as_read(client, people, shared, role):
    sign_in(client, people, role)
    response = client.post(reverse("reviews:mark_read", args=[shared.pk]))
    assert response.status_code == expect(role, {"practitioner": 302, "manager": 403, "admin": 403})
    assert shared.review.readings.exists() == (role == "practitioner")


SEES_PROGRESS = {"practitioner": 200, "manager": 200, "admin": 200}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_progress_of_a_practitioner(client, people, shared, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:progress", args=[people["practitioner"].pk]))
    assert response.status_code == expect(role, SEES_PROGRESS)


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_scores_csv_of_a_practitioner(client, people, shared, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:scores_csv", args=[people["practitioner"].pk]))
    assert response.status_code == expect(role, SEES_PROGRESS)
    if response.status_code == 200:
        assert b"Client A" in response.content


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_team_progress(client, people, shared, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:team_progress"))
    assert response.status_code == expect(
        role, {"manager": 200, "other_manager": 200, "admin": 200}
    )
    if response.status_code == 200:
        shows_pat = str(people["practitioner"]) in response.content.decode()
        assert shows_pat == (role in {"manager", "admin"}), "other teams' managers never see pat"


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_audio_of_a_reviewed_recording(client, people, shared, role):
    """The player on both pages streams through the recordings' permission-checked view."""
    sign_in(client, people, role)
    response = client.get(reverse("recordings:audio", args=[shared.pk]))
    assert response.status_code == expect(role, SEES_FEEDBACK)


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_agreement_report_in_the_admin(client, people, shared, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews_agreement"))
    if role in ("editor", "admin"):
        assert response.status_code == 200
        assert b"Agreement with the machine" in response.content
    else:
        assert_admin_refuses(response, role, reverse("reviews_agreement"))
        assert b"Confirmed" not in response.content
