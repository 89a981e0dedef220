"""A practitioner's voice print in the privacy duties: the subject-access export lists it, and
deleting the person deletes it (with its audit entries naming no one)."""

import json

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recordings import voices
from recordings.models import VoicePrint
from tests.accounts.factories import PractitionerFactory

pytestmark = pytest.mark.django_db

EMBEDDING = [0.5] * 38


def test_the_subject_access_export_lists_the_voice_print(client, people):
    pat = people["practitioner"]
    voices.enrol(pat, EMBEDDING, seconds=24.0)
    client.force_login(people["admin"])
    response = client.get(reverse("privacy_subject_access_export", args=[pat.pk]))
    data = json.loads(response.content)
    voice = data["voice_print"]
    assert voice["embedding"] == EMBEDDING
    assert voice["sample_seconds"] == 24.0
    assert "sample was not kept" in voice["about"]
    assert "recordings.VoicePrint.owner" not in data["other_records"], "listed once"


def test_the_export_of_someone_not_enrolled_says_so(client, people):
    client.force_login(people["admin"])
    response = client.get(reverse("privacy_subject_access_export", args=[people["colleague"].pk]))
    assert json.loads(response.content)["voice_print"] is None


def test_deleting_the_person_deletes_their_voice_print_and_names_them_nowhere(team):
    person = PractitionerFactory(username="perdita", first_name="Perdita", team=team)
    voices.enrol(person, EMBEDDING, seconds=20.0)
    voices.withdraw(person)
    voices.enrol(person, EMBEDDING, seconds=20.0)

    person.delete()

    assert not VoicePrint.objects.exists()
    entries = ModelLogEntry.objects.filter(action__startswith="recordings.voice_")
    assert entries.count() == 3
    assert not any("erdita" in entry.label or "erdita" in str(entry.data) for entry in entries)
