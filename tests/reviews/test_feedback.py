"""The practitioner's feedback page: points at playable moments, ratings, links to learning,
responding and marking as read, and the manager seeing both."""

import pytest
from django.urls import reverse

from .conftest import post_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share", item_A1="satisfactory")
    client.force_login(people["practitioner"])
    return recording


def feedback_page(client, recording):
    return client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()


def test_each_point_shows_its_moment_with_a_way_to_play_it(client, shared):
    page = feedback_page(client, shared)
    assert "You checked in warmly before anything else." in page
    assert 'data-seek="10.0"' in page and "Play from 0:10" in page
    assert "“Well done, that took real effort. How did it go?”" in page
    assert "Two closed questions in a row." in page
    assert "It could have sounded like:</strong> “What happened after you handed in the form?”" in (
        page
    )
    assert "Play from 0:20" in page
    assert f'src="/recordings/{shared.pk}/audio/"' in page


def test_ratings_are_shown_per_skill_and_item(client, shared):
    page = feedback_page(client, shared)
    assert "Structuring: Satisfactory" in page
    assert "Relationship building: Needs improvement" in page
    assert "A1 Check-in" in page


def test_each_skill_links_to_the_lessons_and_evidence_that_teach_it(client, shared, training):
    page = feedback_page(client, shared)
    structuring = page[
        page.index("Structuring: Satisfactory") : page.index("Relationship building:")
    ]
    lesson = training["lesson"]
    assert lesson.url in structuring
    assert "(teaches A1, A2)" in structuring
    assert training["other_lesson"].url not in structuring, "open questions teach another skill"
    assert "Evidence: <a" in structuring
    relationship = page[page.index("Relationship building:") : page.index("Prosocial modelling:")]
    assert training["other_lesson"].url in relationship


def test_the_practitioner_responds_and_marks_read_and_the_manager_sees_both(client, people, shared):
    client.post(
        reverse("reviews:respond", args=[shared.pk]),
        {"text": "Thanks. I will try a reflection first next time."},
    )
    client.post(reverse("reviews:mark_read", args=[shared.pk]))
    page = feedback_page(client, shared)
    assert "Thanks. I will try a reflection first next time." in page
    assert "Marked as read on" in page
    assert "Mark as read</button>" not in page

    client.force_login(people["manager"])
    review_page = client.get(reverse("reviews:review", args=[shared.pk])).content.decode()
    assert "Thanks. I will try a reflection first next time." in review_page
    assert ">Read</strong>" in review_page


def test_a_new_shared_version_is_unread_again(client, people, shared):
    client.post(reverse("reviews:mark_read", args=[shared.pk]))
    client.force_login(people["manager"])
    post_review(client, shared, action="share", work_on="Slow down the questions.")
    client.force_login(people["practitioner"])
    page = feedback_page(client, shared)
    assert "Slow down the questions." in page
    assert "Not yet marked as read" in page


def test_an_empty_response_is_refused(client, shared):
    response = client.post(reverse("reviews:respond", args=[shared.pk]), {"text": ""}, follow=True)
    assert "Write your response before sending it." in response.content.decode()
    assert not shared.review.responses.exists()


def test_my_recordings_links_to_shared_feedback(client, shared):
    listing = client.get(reverse("recordings:list")).content.decode()
    assert reverse("reviews:feedback", args=[shared.pk]) in listing


def test_the_feedback_prints_without_the_page_furniture(client, shared):
    page = feedback_page(client, shared)
    assert 'href="/static/css/print.css" media="print"' in page
    # A print button (started by static/js/site.js: no inline onclick under the CSP).
    assert 'data-module="app-print"' in page
    assert 'class="no-print"' in page
