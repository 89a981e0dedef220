"""Comments kept safe at the edges: bad input to the comment endpoint gets a 400 with a message
(never a 500), and erasing a recording's transcript also erases the transcript words quoted in
the comments on it."""

import pytest
from django.urls import reverse

from recordings.enums import ErasureReason
from recordings.erasure import erase_transcript
from reviews.models import Comment

from .test_comments import FETCH, add_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in_manager(client, people):
    client.force_login(people["manager"])
    return client


@pytest.mark.parametrize(
    "bad",
    [
        {"moment": "9:99"},
        {"moment": "1e999"},
        {"moment": "nan"},
        {"line": "abc"},
        {"line": "-1"},
        {"text": "x" * 4001},
        {"quote": "y" * 1001, "line": "3"},
    ],
)
def test_bad_comment_input_is_refused_with_a_message_and_nothing_saved(
    signed_in_manager, recording, bad
):
    response = add_comment(signed_in_manager, recording, **bad)
    assert response.status_code == 400
    assert 'class="govuk-error-message"' in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_without_the_text_field_at_all_is_refused(signed_in_manager, recording):
    response = signed_in_manager.post(
        reverse("reviews:add_comment", args=[recording.pk]), {"moment": "0:12"}, headers=FETCH
    )
    assert response.status_code == 400
    assert "Write your comment before saving it." in response.content.decode()


def test_erasing_the_transcript_erases_the_words_quoted_in_comments(signed_in_manager, recording):
    add_comment(signed_in_manager, recording, moment="0:15", line="3", quote="a warehouse job")
    assert Comment.objects.get().quote == "a warehouse job"

    erase_transcript(recording, ErasureReason.RETENTION)

    comment = Comment.objects.get()
    assert comment.quote == ""
    assert comment.text == "Lovely open question here."  # the manager's own words stay


def test_a_moment_past_the_end_of_the_recording_is_refused_with_its_length(
    signed_in_manager, recording
):
    recording.duration = 30.0
    recording.save(update_fields=["duration"])
    response = add_comment(signed_in_manager, recording, moment="9:00")
    assert response.status_code == 400
    assert "The recording is 0:30 long" in response.content.decode()
    assert not Comment.objects.exists()
    assert add_comment(signed_in_manager, recording, moment="0:30").status_code == 201
