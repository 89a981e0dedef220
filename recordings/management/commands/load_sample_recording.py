"""Gives the demo practitioner one transcribed sample recording. Safe to run again, also after
a run stopped in the middle of processing it (it resumes from its stage).

The sample is a short generated dialogue committed in recordings/sample/; it is processed here,
in this process, so `make run` starts with a ready recording to look at.
"""

from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from checklist.enums import Skill
from recordings.enums import RecordingStatus
from recordings.models import Recording
from recordings.tasks import process_recording
from recordings.uploads import check_audio, store_recording

SAMPLE = Path(__file__).resolve().parents[2] / "sample" / "practice_session.ogg"


class Command(BaseCommand):
    help = "Load a transcribed sample recording for the demo practitioner."

    def add_arguments(self, parser):
        parser.add_argument("--owner", default="practitioner")

    def handle(self, *args, owner, **options):
        try:
            user = get_user_model().objects.get(username=owner)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user called {owner!r}: run load_demo_data first.") from None
        recording = Recording.objects.filter(owner=user, original_name=SAMPLE.name).first()
        if recording is None:
            with SAMPLE.open("rb") as handle:
                recording, _ = store_recording(
                    user,
                    File(handle, name=SAMPLE.name),
                    check_audio(SAMPLE),
                    original_name=SAMPLE.name,
                    session_date=timezone.localdate() - timedelta(days=7),
                    client_pseudonym="Sam (sample)",
                    skills=[Skill.STRUCTURING, Skill.RELATIONSHIP_BUILDING],
                )
        if recording.status != RecordingStatus.READY:
            # Failed, or left mid-processing by a run that was stopped (nothing else works on
            # it while the demo data loads): take it back and finish it here, from its stage.
            Recording.objects.filter(pk=recording.pk).update(
                status=RecordingStatus.QUEUED, attempts=0, heartbeat_at=None
            )
            process_recording.call(recording.pk)
            recording.refresh_from_db()
        if recording.status != RecordingStatus.READY:
            raise CommandError(
                f"The sample recording {recording.pk} could not be processed: "
                f"{recording.error_message or recording.get_status_display()}"
            )
        self.stdout.write(f"Sample recording {recording.pk}: {recording.get_status_display()}")
