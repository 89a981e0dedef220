"""Uploads an audio file from the command line, the same way as the upload form.

    manage.py process_recording FILE --owner USERNAME --client-consented [--wait]

--client-consented is required: it says the client agreed to the current consent statement
(recordings.consent), which the recording keeps with its version, as an upload does.

Without --wait the recording is queued for a worker and its id printed. With --wait the job
runs here, in this process, and the result is printed as JSON (status, duration, seconds per
stage, and the transcript lines with their speaker role).
"""

import json
from datetime import date as Date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from recordings.consent import CURRENT as CURRENT_CONSENT
from recordings.enums import RecordingStatus
from recordings.models import Recording
from recordings.tasks import process_recording
from recordings.uploads import check_audio, earlier_duplicate, store_recording
from speech.audio import AudioRejected


def result_json(recording):
    return {
        "id": recording.pk,
        "status": recording.status,
        "stage": recording.stage,
        "error": recording.error_message or None,
        "duration": recording.duration,
        "timings": recording.timings,
        "stage_log": [entry["message"] for entry in recording.stage_log],
        "segments": [
            {
                "start": segment.start,
                "end": segment.end,
                "speaker": segment.speaker,
                "role": segment.role,
                "low_confidence": segment.low_confidence,
                "text": segment.text,
            }
            for segment in recording.segments.order_by("start", "index")
        ],
    }


class Command(BaseCommand):
    help = "Upload an audio file as a recording of USERNAME, and optionally wait for the result."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--owner", required=True, help="Username of the practitioner.")
        parser.add_argument("--pseudonym", default="Imported", help="Client pseudonym.")
        parser.add_argument("--date", help="Date of the session, YYYY-MM-DD (default: today).")
        parser.add_argument("--skill", action="append", default=[], help="Skill code; repeat.")
        parser.add_argument(
            "--client-consented",
            action="store_true",
            help=f"Required: the client agreed to consent statement version "
            f"{CURRENT_CONSENT.version}: {CURRENT_CONSENT.text}",
        )
        parser.add_argument(
            "--wait", action="store_true", help="Process it here and print the result as JSON."
        )
        parser.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="Import the file even if this owner already has a recording of the same audio.",
        )

    def handle(self, *args, file, owner, pseudonym, date, skill, wait, allow_duplicate, **options):
        if not options.get("client_consented"):
            raise CommandError(
                "Not imported: confirm the client's consent with --client-consented "
                f"(consent statement version {CURRENT_CONSENT.version}: {CURRENT_CONSENT.text})"
            )
        if not file.is_file():
            raise CommandError(f"No file at {file}.")
        session_date = self.session_date(date)
        try:
            user = get_user_model().objects.get(username=owner)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user called {owner!r}.") from None
        try:
            checked = check_audio(file)
        except AudioRejected as refusal:
            raise CommandError(f"{file.name}: {refusal.message}") from None
        # Same owner, same audio: a batch import run again, whenever; not a new session.
        recording = None if allow_duplicate else earlier_duplicate(user, checked.sha256)
        if recording is None:
            with file.open("rb") as handle:
                recording, _ = store_recording(
                    user,
                    File(handle, name=file.name),
                    checked,
                    original_name=file.name,
                    session_date=session_date,
                    client_pseudonym=pseudonym,
                    skills=skill,
                )
        else:
            self.stderr.write(
                f"{file.name} is the same audio as recording {recording.pk} "
                f"({recording.original_name}, session of {recording.session_date:%Y-%m-%d}, "
                f"uploaded {timezone.localtime(recording.created_at):%Y-%m-%d %H:%M}): "
                "not imported again; using that recording (--allow-duplicate imports it anyway)."
            )
        if not wait:
            self.stdout.write(json.dumps({"id": recording.pk, "status": recording.status}))
            return
        recording.refresh_from_db()
        if recording.status == RecordingStatus.QUEUED:
            # Same code as the worker's; a job already queued for it will find nothing to do.
            process_recording.call(recording.pk)
        recording = Recording.objects.get(pk=recording.pk)
        self.stdout.write(json.dumps(result_json(recording), indent=1))
        if recording.status == RecordingStatus.FAILED:
            raise CommandError(recording.error_message)

    @staticmethod
    def session_date(text):
        if not text:
            return timezone.localdate()
        try:
            session_date = Date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"--date {text!r} is not a date: use YYYY-MM-DD.") from None
        if session_date > timezone.localdate():
            raise CommandError(f"--date {text} is in the future: a session date is past or today.")
        return session_date
