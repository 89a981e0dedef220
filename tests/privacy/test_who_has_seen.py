"""Who has seen a recording: its owner and administrators read the access log; a manager who
may see the recording gets 403, anyone else 404."""

import pytest
from django.urls import reverse

from tests.roles import EVERY_ROLE, sign_in

from .factories import AccessRecordFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    "practitioner": 200,
    "admin": 200,
    "manager": 403,
    "colleague": 404,
    "other_practitioner": 404,
    "other_manager": 404,
    "editor": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_only_the_owner_and_administrators_see_the_access_list(
    client, people, ready_recording, role
):
    AccessRecordFactory(
        recording=ready_recording, accessor=people["manager"], accessor_role="Treatment manager"
    )
    sign_in(client, people, role)
    response = client.get(reverse("privacy:recording_access", args=[ready_recording.pk]))
    assert response.status_code == EXPECTED[role]
    shown = 'data-testid="access-records"' in response.content.decode()
    assert shown == (EXPECTED[role] == 200)


def test_the_owner_sees_who_opened_and_listened(client, people, ready_recording):
    client.force_login(people["manager"])
    client.get(ready_recording.get_absolute_url())
    client.get(reverse("recordings:audio", args=[ready_recording.pk]))
    client.force_login(people["practitioner"])
    page = client.get(reverse("privacy:recording_access", args=[ready_recording.pk]))
    text = page.content.decode()
    assert people["manager"].get_full_name() in text
    assert "Recording page and transcript" in text
    assert "Audio playback started" in text


def test_a_practitioner_cannot_see_another_practitioners_access_list(client, people):
    from tests.recordings.factories import RecordingFactory

    theirs = RecordingFactory(owner=people["colleague"], ready=True)
    client.force_login(people["practitioner"])
    response = client.get(reverse("privacy:recording_access", args=[theirs.pk]))
    assert response.status_code == 404


def test_the_recording_page_links_to_the_access_list_for_its_owner_only(
    client, people, ready_recording
):
    url = reverse("privacy:recording_access", args=[ready_recording.pk])
    client.force_login(people["practitioner"])
    assert url in client.get(ready_recording.get_absolute_url()).content.decode()
    client.force_login(people["manager"])
    assert url not in client.get(ready_recording.get_absolute_url()).content.decode()
