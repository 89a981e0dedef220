"""The access log: every view of a recording, its review and feedback, each start of its audio,
each export and each admin inspection leaves one record of who, what and when."""

import pytest
from django.urls import reverse

from privacy.models import AccessRecord
from recordings.signals import AccessKind
from tests.reviews.conftest import scored_recording
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def records(recording):
    return list(
        AccessRecord.objects.filter(recording=recording).values_list(
            "accessor__username", "accessor_role", "kind"
        )
    )


def test_a_manager_viewing_a_recording_creates_one_access_record(client, people, ready_recording):
    client.force_login(people["manager"])
    assert client.get(ready_recording.get_absolute_url()).status_code == 200
    assert records(ready_recording) == [("mel", "Treatment manager", AccessKind.RECORDING_PAGE)]
    record = AccessRecord.objects.get()
    assert record.subject == people["practitioner"]


@pytest.mark.parametrize("role", ["other_manager", "other_practitioner", "colleague", "editor"])
def test_someone_refused_the_recording_leaves_no_record(client, people, ready_recording, role):
    client.force_login(people[role])
    assert client.get(ready_recording.get_absolute_url()).status_code == 404
    assert not AccessRecord.objects.exists()


def test_playback_start_is_recorded_once_for_several_range_requests(
    client, people, ready_recording
):
    client.force_login(people["manager"])
    audio = reverse("recordings:audio", args=[ready_recording.pk])
    for byte_range in ("bytes=0-", "bytes=0-", "bytes=200-", "bytes=500-599", "bytes=-100"):
        response = client.get(audio, HTTP_RANGE=byte_range)
        assert response.status_code == 206
        b"".join(response.streaming_content)
    assert records(ready_recording) == [("mel", "Treatment manager", AccessKind.PLAYBACK)]


def test_seeking_alone_is_not_a_playback_start(client, people, ready_recording):
    client.force_login(people["practitioner"])
    audio = reverse("recordings:audio", args=[ready_recording.pk])
    client.get(audio, HTTP_RANGE="bytes=300-")
    assert records(ready_recording) == []


def test_playback_by_two_people_is_two_records(client, people, ready_recording):
    audio = reverse("recordings:audio", args=[ready_recording.pk])
    for role in ("practitioner", "admin"):
        client.force_login(people[role])
        client.get(audio)
    assert sorted(records(ready_recording)) == [
        ("ada", "Administrator", AccessKind.PLAYBACK),
        ("pat", "Owner", AccessKind.PLAYBACK),
    ]


def test_review_and_feedback_pages_are_recorded(client, people):
    recording = scored_recording(people["practitioner"])
    ReviewFactory(recording=recording, reviewer=people["manager"], shared=True)
    client.force_login(people["manager"])
    assert client.get(reverse("reviews:review", args=[recording.pk])).status_code == 200
    client.force_login(people["practitioner"])
    assert client.get(reverse("reviews:feedback", args=[recording.pk])).status_code == 200
    assert sorted(records(recording)) == [
        ("mel", "Treatment manager", AccessKind.REVIEW_PAGE),
        ("pat", "Owner", AccessKind.FEEDBACK_PAGE),
    ]


def test_the_scores_export_records_each_recording_in_it(client, people):
    first = scored_recording(people["practitioner"])
    second = scored_recording(people["practitioner"])
    client.force_login(people["manager"])
    url = reverse("reviews:scores_csv", args=[people["practitioner"].pk])
    assert client.get(url).status_code == 200
    for recording in (first, second):
        assert records(recording) == [("mel", "Treatment manager", AccessKind.EXPORT)]


def test_admin_inspection_and_export_are_recorded(client, people, ready_recording):
    client.force_login(people["admin"])
    inspect = reverse("recordings_admin:inspect", args=[ready_recording.pk])
    assert client.get(inspect).status_code == 200
    response = client.get(reverse("recordings_admin:index"), {"export": "csv"})
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert sorted(records(ready_recording)) == [
        ("ada", "Administrator", AccessKind.ADMIN_INSPECT),
        ("ada", "Administrator", AccessKind.EXPORT),
    ]


def test_admin_refused_the_edit_view_leaves_no_record(client, people, ready_recording):
    client.force_login(people["admin"])
    client.get(reverse("recordings_admin:edit", args=[ready_recording.pk]))
    assert records(ready_recording) == []


def test_erasing_the_viewer_keeps_the_record_without_their_name(client, people, ready_recording):
    client.force_login(people["manager"])
    client.get(ready_recording.get_absolute_url())
    people["manager"].delete()
    record = AccessRecord.objects.get()
    assert record.accessor is None
    assert record.accessor_label == "A deleted user"
    assert "mel" not in str(AccessRecord.objects.values().get())


def test_erasing_the_owner_removes_the_records_about_them(client, people, ready_recording):
    client.force_login(people["manager"])
    client.get(ready_recording.get_absolute_url())
    people["practitioner"].delete()
    assert not AccessRecord.objects.exists()
