"""Who may correct a transcript: the owner's managers and administrators always, the owner until
feedback on the recording is shared; a practitioner of the team or anyone of another team is told
it does not exist (404); the owner after sharing is refused (403). Refused corrections change
nothing and leave no audit entry."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from recordings.enums import RecordingStatus, SpeakerRole
from tests.roles import EVERY_ROLE, sign_in

from .conftest import SESSION

pytestmark = pytest.mark.django_db

BEFORE_SHARING = {
    "practitioner": 302,
    "manager": 302,
    "admin": 302,
    "colleague": 404,
    "other_practitioner": 404,
    "other_manager": 404,
    "editor": 404,
    "anonymous": "sign in",
}
AFTER_SHARING = {**BEFORE_SHARING, "practitioner": 403}

# Each correction: (url name, extra url args, form data, did it happen?)
CORRECTIONS = {
    "words": (
        "correct_words",
        [5],
        {"text": "Not yet, no."},
        lambda recording: recording.segments.get(index=5).text == "Not yet, no.",
    ),
    "split": (
        "split_line",
        [3],
        {"at": "5"},
        lambda recording: recording.segments.count() == len(SESSION) + 1,
    ),
    "merge": (
        "merge_lines",
        [4],
        {},
        lambda recording: recording.segments.count() == len(SESSION) - 1,
    ),
    "range": (
        "reassign_range",
        [],
        {"first": "1", "last": "3", "role": SpeakerRole.PRACTITIONER},
        lambda recording: recording.segments.get(index=3).role == SpeakerRole.PRACTITIONER,
    ),
    "line": (
        "reassign_line",
        [1],
        {"role": SpeakerRole.PRACTITIONER},
        lambda recording: recording.segments.get(index=1).role == SpeakerRole.PRACTITIONER,
    ),
    "swap": (
        "swap_speakers",
        [],
        {},
        lambda recording: recording.segments.get(index=0).role == SpeakerRole.CLIENT,
    ),
}


def correct(client, recording, kind):
    name, args, data, _ = CORRECTIONS[kind]
    return client.post(reverse(f"reviews:{name}", args=[recording.pk, *args]), data)


def check(response, expected):
    if expected == "sign in":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected


def assert_outcome(recording, kind, allowed):
    happened = CORRECTIONS[kind][3](recording)
    assert happened is allowed
    assert ModelLogEntry.objects.for_instance(recording).exists() is allowed


@pytest.mark.parametrize("kind", CORRECTIONS)
@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_may_correct_before_feedback_is_shared(client, people, recording, role, kind):
    sign_in(client, people, role)
    response = correct(client, recording, kind)
    check(response, BEFORE_SHARING[role])
    assert_outcome(recording, kind, BEFORE_SHARING[role] == 302)


@pytest.mark.parametrize("kind", ["words", "split", "range"])
@pytest.mark.parametrize("role", ["practitioner", "manager", "admin", "other_manager"])
def test_who_may_correct_once_feedback_is_shared(client, people, recording, role, kind):
    recording.feedback_shared_at = timezone.now()
    recording.save(update_fields=["feedback_shared_at"])
    sign_in(client, people, role)
    response = correct(client, recording, kind)
    check(response, AFTER_SHARING[role])
    assert_outcome(recording, kind, AFTER_SHARING[role] == 302)


def test_the_owner_goes_back_to_the_line_on_the_correction_page(client, people, recording):
    client.force_login(people["practitioner"])
    response = correct(client, recording, "words")
    assert response.url == reverse("reviews:correct_transcript", args=[recording.pk]) + "#line-5"


CORRECTION_PAGE = {**BEFORE_SHARING, "practitioner": 200, "manager": 200, "admin": 200}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_may_open_the_correction_page(client, people, recording, role):
    sign_in(client, people, role)
    response = client.get(reverse("reviews:correct_transcript", args=[recording.pk]))
    check(response, CORRECTION_PAGE[role])
    if response.status_code == 200:
        page = response.content.decode()
        assert reverse("reviews:correct_words", args=[recording.pk, 5]) in page
        assert reverse("reviews:merge_lines", args=[recording.pk, 7]) not in page  # the last


def test_the_owner_finds_the_correction_page_from_the_recording_until_feedback_is_shared(
    client, people, recording
):
    client.force_login(people["practitioner"])
    correction_page = reverse("reviews:correct_transcript", args=[recording.pk])
    assert correction_page in client.get(recording.get_absolute_url()).content.decode()
    recording.feedback_shared_at = timezone.now()
    recording.save(update_fields=["feedback_shared_at"])
    assert correction_page not in client.get(recording.get_absolute_url()).content.decode()
    assert client.get(correction_page).status_code == 403


def test_a_recording_not_yet_ready_cannot_be_corrected(client, people, recording):
    recording.status = RecordingStatus.TRANSCRIBING
    recording.save(update_fields=["status"])
    client.force_login(people["manager"])
    response = client.post(
        reverse("reviews:correct_words", args=[recording.pk, 5]),
        {"text": "No."},
        headers={"X-Requested-With": "corrections"},
    )
    assert response.status_code == 409
    assert recording.segments.get(index=5).text == "Not yet."


def test_a_line_of_another_recording_is_not_found(client, people, recording):
    client.force_login(people["manager"])
    response = client.post(
        reverse("reviews:correct_words", args=[recording.pk, 99]), {"text": "No."}
    )
    assert response.status_code == 404


def test_the_correction_page_has_the_review_pages_lines_without_their_comment_links(
    client, people, recording
):
    """One template draws a line on both pages; comments belong to the review only."""
    client.force_login(people["manager"])
    correction_page = client.get(reverse("reviews:correct_transcript", args=[recording.pk]))
    review_page = client.get(reverse("reviews:review", args=[recording.pk]))
    for page in (correction_page, review_page):
        assert b'id="line-5"' in page.content
        assert b"data-words=" in page.content
    assert b"data-comment-line" in review_page.content
    assert b"data-comment-line" not in correction_page.content
