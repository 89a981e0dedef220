"""The access log keeps its records for the days the privacy settings say; the periodic command
deletes older ones and leaves the rest."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from privacy.models import AccessRecord, PrivacySettings
from tests.recordings.factories import RecordingFactory

from .factories import AccessRecordFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording(people):
    return RecordingFactory(owner=people["practitioner"], ready=True)


def test_the_command_deletes_old_records_and_keeps_new_ones(recording):
    old = AccessRecordFactory(recording=recording, days_ago=400)
    new = AccessRecordFactory(recording=recording, days_ago=10)
    call_command("delete_old_access_records")
    assert list(AccessRecord.objects.all()) == [new]
    assert not AccessRecord.objects.filter(pk=old.pk).exists()


def test_the_retention_period_is_a_site_setting(recording):
    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings.access_log_days = 7
    settings.save()
    AccessRecordFactory(recording=recording, days_ago=8)
    kept = AccessRecordFactory(recording=recording, days_ago=6)
    call_command("delete_old_access_records")
    assert list(AccessRecord.objects.all()) == [kept]


def test_the_command_says_how_many_it_deleted(recording, capsys):
    AccessRecordFactory(recording=recording, days_ago=400)
    call_command("delete_old_access_records")
    assert "Deleted 1 old access records." in capsys.readouterr().out
