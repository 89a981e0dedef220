"""Access records as the access log writes them."""

import factory
from django.utils import timezone

from privacy.models import AccessRecord
from recordings.signals import AccessKind
from tests.recordings.factories import RecordingFactory


class AccessRecordFactory(factory.django.DjangoModelFactory):
    """The owner's manager opened the recording's page; `days_ago=N` dates it N days back."""

    class Meta:
        model = AccessRecord

    class Params:
        days_ago = 0

    recording = factory.SubFactory(RecordingFactory)
    subject = factory.LazyAttribute(lambda record: record.recording.owner)
    accessor = factory.LazyAttribute(lambda record: record.recording.owner)
    accessor_role = "Owner"
    kind = AccessKind.RECORDING_PAGE
    accessed_at = factory.LazyAttribute(
        lambda record: timezone.now() - timezone.timedelta(days=record.days_ago)
    )
