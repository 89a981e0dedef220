"""The consent statement is versioned: the upload form shows the current version, and each
recording keeps the version (and the words) it was given under, shown on its page."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recordings import consent
from recordings.models import Recording

from .conftest import DUMMY_TASKS
from .factories import RecordingFactory

pytestmark = pytest.mark.django_db


def test_an_upload_keeps_the_consent_version_shown_on_the_form(
    client, people, spoken, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    client.force_login(people["practitioner"])
    form = client.get(reverse("recordings:upload")).content.decode()
    assert consent.CURRENT.text in form
    assert f"Consent statement version {consent.CURRENT.version}" in form
    data = {
        "session_date": "2026-01-15",
        "client_pseudonym": "Client A",
        "skills": ["structuring"],
        "consent": "on",
        "upload_token": str(uuid.uuid4()),
        "audio": SimpleUploadedFile("session.wav", spoken.read_bytes()),
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("recordings:upload"), data)
    recording = Recording.objects.get()
    assert recording.consent_version == consent.CURRENT.version
    assert recording.consent_statement == consent.CURRENT.text


def test_a_recording_keeps_its_version_after_the_statement_changes(client, people, monkeypatch):
    recording = RecordingFactory(
        owner=people["practitioner"],
        ready=True,
        consent_version=consent.CURRENT.version,
        consent_statement=consent.CURRENT.text,
    )
    newer = consent.ConsentStatement(version="2", text="The client agreed to a newer statement.")
    monkeypatch.setattr(consent, "STATEMENTS", (*consent.STATEMENTS, newer))
    monkeypatch.setattr(consent, "CURRENT", newer)

    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert f"(consent statement version {recording.consent_version})" in page
    assert recording.consent_statement in page and newer.text not in page
    assert consent.statement(recording.consent_version).text == recording.consent_statement
