"""Speaker fixes from the review page: one pair of endpoints, each fix that was made is in the
audit log, refused ones are not, and the reviewer comes back to the line they fixed."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from recordings import processing
from recordings.enums import RecordingStatus, SpeakerRole
from tests.recordings.conftest import add_lines, make_recording

pytestmark = pytest.mark.django_db


def audit(recording):
    return list(
        ModelLogEntry.objects.for_instance(recording)
        .order_by("timestamp")
        .values_list("action", "user__username", "data")
    )


def swap(client, recording, **data):
    return client.post(reverse("reviews:swap_speakers", args=[recording.pk]), data)


def reassign(client, recording, index, **data):
    return client.post(reverse("reviews:reassign_line", args=[recording.pk, index]), data)


def test_a_swap_is_logged_and_returns_to_the_review_pages_transcript(
    client, people, ready_recording
):
    client.force_login(people["manager"])
    response = swap(client, ready_recording)
    assert response.url == reverse("reviews:review", args=[ready_recording.pk]) + "#transcript"
    assert ready_recording.segments.get(index=0).role == SpeakerRole.CLIENT
    assert audit(ready_recording) == [
        ("recordings.speakers_fixed", "mel", {"line": None, "role": "swapped"})
    ]


def test_moving_a_line_is_logged_with_the_line_and_its_new_speaker(client, people, ready_recording):
    client.force_login(people["manager"])
    response = reassign(client, ready_recording, 1, role="practitioner")
    assert response.url.endswith("#line-1")
    assert audit(ready_recording) == [
        ("recordings.speakers_fixed", "mel", {"line": 1, "role": "practitioner"})
    ]


def test_a_next_field_cannot_send_the_reviewer_elsewhere(client, people, ready_recording):
    client.force_login(people["manager"])
    response = swap(client, ready_recording, next="https://evil.example/phish")
    assert response.url == reverse("reviews:review", args=[ready_recording.pk]) + "#transcript"


def test_refused_fixes_leave_no_audit_entry(client, people, ready_recording):
    client.force_login(people["other_manager"])
    assert swap(client, ready_recording).status_code == 404
    ready_recording.feedback_shared_at = timezone.now()
    ready_recording.save(update_fields=["feedback_shared_at"])
    client.force_login(people["practitioner"])
    assert swap(client, ready_recording).status_code == 403
    client.force_login(people["manager"])
    reassign(client, ready_recording, 1, role="nobody")
    assert ready_recording.segments.get(index=1).role == SpeakerRole.CLIENT

    queued = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    add_lines(queued, [("A", SpeakerRole.PRACTITIONER, "Hello.")])
    swap(client, queued)

    assert audit(ready_recording) == []
    assert audit(queued) == []


def test_a_fix_whose_rescoring_fails_is_undone_and_not_logged(
    client, people, ready_recording, monkeypatch
):
    def broken_rescore(recording):
        raise RuntimeError("scorer crashed")

    monkeypatch.setattr(processing, "rescore", broken_rescore)
    client.force_login(people["manager"])
    client.raise_request_exception = False
    assert swap(client, ready_recording).status_code == 500
    assert ready_recording.segments.get(index=0).role == SpeakerRole.PRACTITIONER
    assert audit(ready_recording) == []
