"""The subject-access export: an administrator downloads everything held about one person, as
JSON, from the admin's user list; the export itself is recorded in the access log."""

import json

import pytest
from django.urls import reverse

from privacy.models import AccessRecord
from recordings.signals import AccessKind
from reviews import commenting
from reviews.models import Response
from tests.privacy.factories import AccessRecordFactory
from tests.reviews.conftest import scored_recording
from tests.reviews.factories import ReviewFactory
from tests.roles import assert_admin_refuses, sign_in

pytestmark = pytest.mark.django_db


def export_url(person):
    return reverse("privacy_subject_access_export", args=[person.pk])


def download(client, people, person):
    client.force_login(people["admin"])
    response = client.get(export_url(person))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content.decode(), json.loads(response.content)


@pytest.fixture
def pats_session(people):
    recording = scored_recording(people["practitioner"], client_pseudonym="Client P")
    recording.segments.filter(index=1).update(text="Pat's client said something unusual.")
    ReviewFactory(recording=recording, reviewer=people["manager"], shared=True)
    Response.objects.create(
        review=recording.review, author=people["practitioner"], text="Thanks, useful."
    )
    comment = commenting.add_comment(
        recording.review, people["manager"], text="A comment on Pat's moment.", at=5.0, line=1
    )
    commenting.reply(recording.review, people["practitioner"], "Pat's reply.", comment=comment)
    return recording


def test_export_holds_the_persons_transcript_and_not_anothers(client, people, pats_session):
    theirs = scored_recording(people["colleague"], client_pseudonym="Client C")
    theirs.segments.filter(index=1).update(text="Colin's client line.")
    text, data = download(client, people, people["practitioner"])
    assert "Pat's client said something unusual." in text
    assert "Colin's client line." not in text
    assert "Client C" not in text
    [recording] = data["recordings"]
    assert recording["client_pseudonym"] == "Client P"
    assert recording["score_cards"]
    assert recording["review"]["feedback_points"][0]["text"] == "You checked in warmly."
    assert data["responses_written"][0]["text"] == "Thanks, useful."
    assert recording["review"]["comments"][0]["text"] == "A comment on Pat's moment."
    assert recording["review"]["replies"][0]["text"] == "Pat's reply."
    assert data["profile"]["username"] == "pat"
    assert "password" not in data["profile"]
    assert data["team"]["name"] == "North"


def test_export_of_a_manager_holds_the_reviews_they_wrote(client, people, pats_session):
    _, data = download(client, people, people["manager"])
    assert data["recordings"] == []
    [review] = data["reviews_written"]
    assert review["recording_id"] == pats_session.pk
    assert [team["name"] for team in data["teams_managed"]] == ["North"]


def test_export_holds_training_and_access_records_by_and_about_them(client, people, pats_session):
    from training.models import ReflectiveLogEntry

    ReflectiveLogEntry.objects.create(
        user=people["practitioner"], exercise_id="x1", prompt="What went well?", text="My note."
    )
    AccessRecordFactory(recording=pats_session, accessor=people["manager"])
    _, data = download(client, people, people["practitioner"])
    assert data["training"]["reflective_log"][0]["text"] == "My note."
    about = data["access_records"]["about_them"]
    assert {record["accessor_id"] for record in about} >= {people["manager"].pk}


def test_tables_the_export_does_not_name_are_found_by_their_foreign_keys(
    client, people, pats_session
):
    from wagtail.log_actions import log

    from accounts.models import Team

    log(Team.objects.get(name="North"), "wagtail.edit", user=people["practitioner"])
    _, data = download(client, people, people["practitioner"])
    assert "wagtailcore.ModelLogEntry.user" in data["other_records"]
    # A proxy of a model already exported (the review queue's recordings) adds nothing.
    assert not [key for key in data["other_records"] if key.startswith("reviews.")]


def test_the_export_is_recorded_in_the_access_log(client, people, pats_session):
    download(client, people, people["practitioner"])
    kinds = AccessRecord.objects.filter(
        accessor=people["admin"], subject=people["practitioner"]
    ).values_list("recording_id", "kind")
    assert sorted(kinds, key=str) == sorted(
        [
            (None, AccessKind.SUBJECT_ACCESS_EXPORT),
            (pats_session.pk, AccessKind.SUBJECT_ACCESS_EXPORT),
        ],
        key=str,
    )


@pytest.mark.parametrize("role", ["manager", "editor", "practitioner", "anonymous"])
def test_only_administrators_export(client, people, role):
    sign_in(client, people, role)
    path = export_url(people["colleague"])
    assert_admin_refuses(client.get(path), role, path)
    assert not AccessRecord.objects.exists()


def test_the_admin_user_list_offers_the_export_to_administrators(client, people):
    client.force_login(people["admin"])
    page = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert export_url(people["colleague"]) in page
