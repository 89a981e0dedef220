"""Recordings in the Wagtail admin: administrators list, filter and inspect them; OEP editors
and treatment managers, who also use the admin, cannot see them."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from recordings.enums import RecordingStatus
from tests.roles import assert_admin_refuses

from .conftest import make_recording

pytestmark = pytest.mark.django_db

INDEX = "recordings_admin:index"


@pytest.fixture
def recordings(people):
    return [
        make_recording(people["practitioner"], client_pseudonym="North client"),
        make_recording(
            people["other_practitioner"],
            client_pseudonym="South client",
            status=RecordingStatus.FAILED,
        ),
    ]


def test_administrators_list_recordings(client, people, recordings):
    client.force_login(people["admin"])
    page = client.get(reverse(INDEX)).content.decode()
    assert "North client" in page and "South client" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"status": "failed"}, "South client", "North client"),
        ({"owner__team": "team"}, "North client", "South client"),
        ({"owner": "practitioner"}, "North client", "South client"),
    ],
)
def test_administrators_filter_recordings(client, people, recordings, team, query, shown, hidden):
    values = {"team": team.pk, "practitioner": people["practitioner"].pk}
    params = {key: values.get(value, value) for key, value in query.items()}
    client.force_login(people["admin"])
    page = client.get(reverse(INDEX), params).content.decode()
    assert shown in page
    assert hidden not in page


def test_administrators_inspect_a_recording(client, people, recordings):
    client.force_login(people["admin"])
    response = client.get(reverse("recordings_admin:inspect", args=[recordings[0].pk]))
    assert response.status_code == 200
    assert "Agreed on tape." in response.content.decode()


def test_nobody_adds_or_edits_recordings_in_the_admin(client, people, recordings):
    client.force_login(people["admin"])
    for path in (
        reverse("recordings_admin:add"),
        reverse("recordings_admin:edit", args=[recordings[0].pk]),
    ):
        assert_admin_refuses(client.get(path), "admin", path)


@pytest.mark.parametrize("role", ["editor", "manager"])
def test_editors_and_managers_cannot_see_recordings_in_the_admin(client, people, recordings, role):
    client.force_login(people[role])
    response = client.get(reverse(INDEX))
    assert_admin_refuses(response, role, reverse(INDEX))
    assert "North client" not in response.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in menu


def test_deleting_a_recording_deletes_its_audio(people, django_capture_on_commit_callbacks):
    recording = make_recording(people["practitioner"])
    storage, name = recording.audio.storage, recording.audio.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        recording.delete()
    assert not storage.exists(name)


def test_the_admin_writes_lengths_and_times_as_the_site_does(client, people):
    recording = make_recording(people["practitioner"], client_pseudonym="Timed client")
    recording.duration = 63.9965625
    recording.created_at = datetime(2026, 1, 15, 16, 5, tzinfo=UTC)
    recording.save()
    client.force_login(people["admin"])
    listing = client.get(reverse(INDEX)).content.decode()
    inspect = client.get(reverse("recordings_admin:inspect", args=[recording.pk])).content.decode()
    for page in (listing, inspect):
        assert "1:03" in page
        assert "63.99" not in page
    client.force_login(people["practitioner"])
    for site_page in (reverse("recordings:list"), recording.get_absolute_url()):
        html = client.get(site_page).content.decode()
        assert "1:03" in html and "63.99" not in html and "64 s" not in html
    # 24-hour, as the site writes times (16:05 in London in January), never "4:05 p.m.".
    assert "16:05" in listing or "16:05" in inspect
    assert "p.m." not in listing + inspect


def test_every_action_the_recordings_write_to_the_audit_log_is_registered():
    # an unregistered action is logged but shows in the admin's history as a bare code
    from wagtail.log_actions import registry

    from recordings import corrections, erasure, speakers, voices

    declared = {
        **corrections.LOG_ACTIONS,
        **erasure.LOG_ACTIONS,
        **speakers.LOG_ACTIONS,
        **voices.LOG_ACTIONS,
    }
    assert declared
    for action, (label, _message) in declared.items():
        assert registry.action_exists(action), action
        assert registry.get_action_label(action) == label
