"""Pages for recordings: upload, my recordings, a recording with its transcript, and the small
endpoints the recording page uses (status, audio, retry), and the owner's withdrawal of
consent and deletion (recordings.erasure does the erasing). Speaker fixes belong to the review.

Every view that touches a recording gets it through `permissions.get_recording_for`.
"""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from checklist.enums import Skill
from core.error_summary import form_error_links

from . import erasure
from .enums import RecordingStatus, Stage
from .forms import RecordingUploadForm
from .links import links_for
from .microphone import records_in_the_browser
from .models import Recording, VoicePrint
from .permissions import Action, can, get_recording_for
from .retention import schedule_for
from .signals import AccessKind, record_access
from .streaming import ranged_file_response, starts_at_the_beginning
from .tasks import retry
from .upload_fields import uploaded
from .uploads import (
    UploadTokenUsed,
    content_type_of,
    recent_duplicate,
    store_recording,
    token_taken,
)

PSEUDONYM_WARNING = (
    "“{name}” looks like a real full name. If it is the client's real name, tell your manager "
    "so the recording's details can be corrected: use a made-up name or initials."
)


@login_required
def recording_list(request):
    recordings = list(Recording.objects.filter(owner=request.user).order_by("-created_at"))
    return render(
        request,
        "recordings/recording_list.html",
        {
            "recordings": recordings,
            "links": links_for(request.user, recordings),
            "can_upload": request.user.is_practitioner,
            "has_voice_print": VoicePrint.objects.filter(owner=request.user).exists(),
        },
    )


def _wants_json(request):
    """upload.js sends the form itself (to show its progress) and asks for JSON back."""
    return "application/json" in request.headers.get("Accept", "")


def _json_reply(response):
    """A redirect as {"location"} for upload.js to follow, so the page it lands on shows the
    messages (following it inside the script would use them up)."""
    if response.status_code in (301, 302):
        return JsonResponse({"location": response["Location"]})
    return response


def _json_errors(messages_by_id, status=400):
    """{"errors": [{"id", "message"}]}: what the page shows, each linked to its field's id
    ("" for an error of no one field: upload.js shows it without a link)."""
    errors = [{"id": field_id or "", "message": str(text)} for field_id, text in messages_by_id]
    return JsonResponse({"errors": errors}, status=status)


@login_required
@records_in_the_browser
def upload(request):
    response = _upload(request)
    return _json_reply(response) if _wants_json(request) else response


def _upload(request):
    if not request.user.is_practitioner:
        raise PermissionDenied("Only practitioners upload recordings of their sessions.")
    if request.method == "POST":
        token = _token(request.POST.get("upload_token"))
        existing = _recording_for_token(request.user, token)
        if existing:
            # The same form sent twice (a double click, or back and submit again).
            messages.info(request, "This recording was already uploaded.")
            return redirect(existing)
        if token and token_taken(request.user, token):
            return _token_refused(request)
        form = RecordingUploadForm(request.POST, request.FILES, request=request)
        if form.is_valid():
            try:
                return _save_upload(request, form)
            except UploadTokenUsed:  # taken between the check above and the save
                return _token_refused(request)
        if _wants_json(request):
            return _json_errors(form_error_links(form))
    else:
        skill = request.GET.get("skill")
        form = RecordingUploadForm(
            initial={
                "upload_token": uuid.uuid4(),
                "skills": [skill] if skill in Skill.values else [],
            },
            request=request,
        )
    return render(
        request,
        "recordings/upload.html",
        {"form": form, "max_bytes": settings.RECORDINGS_MAX_BYTES},
    )


def _token(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _recording_for_token(user, token):
    if token is None:
        return None
    return Recording.objects.filter(owner=user, upload_token=token).first()


def _token_refused(request):
    """400: another person's form token was sent. The form is shown again, fresh, with what
    was typed (the file must be chosen again)."""
    if _wants_json(request):
        return _json_errors([("", UploadTokenUsed.message)])
    messages.error(request, UploadTokenUsed.message)
    initial = {key: request.POST.get(key, "") for key in ("session_date", "client_pseudonym")} | {
        "skills": request.POST.getlist("skills"),
        "upload_token": uuid.uuid4(),
    }
    return render(
        request,
        "recordings/upload.html",
        {
            "form": RecordingUploadForm(initial=initial, request=request),
            "max_bytes": settings.RECORDINGS_MAX_BYTES,
        },
        status=400,
    )


def _save_upload(request, form):
    data = form.cleaned_data
    checked = form.checked_audio
    duplicate = recent_duplicate(request.user, checked.sha256)
    if duplicate:
        messages.info(
            request,
            "You uploaded this same file a moment ago, so it was not saved twice: here it is.",
        )
        return redirect(duplicate)
    recording, created = store_recording(
        request.user,
        data["audio"],
        checked,
        original_name=data["audio"].name,
        session_date=data["session_date"],
        client_pseudonym=data["client_pseudonym"],
        skills=data["skills"],
        upload_token=data["upload_token"],
    )
    if created:
        uploaded(request, recording, data)
        messages.success(
            request,
            "Your recording is uploaded. It is being transcribed: this page updates itself.",
        )
        if form.pseudonym_looks_real:
            messages.warning(request, PSEUDONYM_WARNING.format(name=data["client_pseudonym"]))
    return redirect(recording)


@login_required
def recording_detail(request, pk):
    recording = get_recording_for(request.user, pk)
    user = request.user
    record_access(user, AccessKind.RECORDING_PAGE, [recording])
    segments = recording.segments.all() if recording.status == RecordingStatus.READY else []
    # Only a finished recording is looked up in storage: a processing one is the worker's.
    # Deleted on purpose (retention, erasure) is said otherwise: this is a file gone astray.
    audio_missing = recording.is_finished and recording.has_audio and not recording.has_audio_file()
    return render(
        request,
        "recordings/recording.html",
        {
            "recording": recording,
            "segments": segments,
            "status": status_payload(recording),
            "audio_missing": audio_missing,
            "audio_missing_message": Recording.AUDIO_MISSING_MESSAGE,
            # "Try again" is offered only where it can work: not once the audio is deleted or
            # has gone missing.
            "can_retry": can(user, Action.RETRY, recording)
            and recording.has_audio
            and not audio_missing,
            "can_erase": can(user, Action.ERASE, recording),
            "retention": schedule_for(recording),
            "links": links_for(user, [recording])[recording.pk],
            "breadcrumbs": _breadcrumbs(user, recording),
        },
    )


def _breadcrumbs(user, recording):
    if recording.owner_id == user.pk:
        return [("My recordings", reverse("recordings:list"))]
    return []


STAGE_NAMES = [(stage.value, stage.label) for stage in Stage.order()]


def status_payload(recording):
    return {
        "status": recording.status,
        "status_label": recording.get_status_display(),
        "stage": recording.stage,
        "stage_label": recording.get_stage_display(),
        "stages": STAGE_NAMES,
        "progress": round(recording.progress, 3),
        "duration": recording.duration,
        "segments": recording.whisper_segments.count(),
        "error_code": recording.error_code,
        "error_message": recording.error_message,
        "notice": recording.worker_notice,
        "finished": recording.is_finished,
    }


@require_GET
@login_required
def recording_status(request, pk):
    # Only reads: recovering dead jobs is the worker's and the periodic check's work.
    recording = get_recording_for(request.user, pk)
    return JsonResponse(status_payload(recording), headers={"Cache-Control": "no-store"})


@require_GET
@login_required
def recording_audio(request, pk):
    recording = get_recording_for(request.user, pk)
    if recording.audio_erased_at is not None:
        return HttpResponse(
            "The audio of this recording was deleted.", status=410, content_type="text/plain"
        )
    if not recording.has_audio_file():
        return _audio_gone()
    # A player asks for the start of the file when it starts; the later ranges it asks for
    # as it plays and seeks are the same listening.
    if starts_at_the_beginning(request.headers.get("Range", "")):
        record_access(request.user, AccessKind.PLAYBACK, [recording])
    try:
        return ranged_file_response(
            request,
            recording.audio.storage,
            recording.audio.name,
            content_type_of(recording),
        )
    except FileNotFoundError:  # removed between the check and the read
        return _audio_gone()


def _audio_gone():
    """410 Gone, saying so: the recording exists, its audio file went missing (not deleted)."""
    return HttpResponse(
        Recording.AUDIO_MISSING_MESSAGE,
        status=410,
        content_type="text/plain; charset=utf-8",
        headers={"Cache-Control": "private, no-store"},
    )


@require_POST
@login_required
def recording_retry(request, pk):
    recording = get_recording_for(request.user, pk, Action.RETRY)
    if not recording.has_audio:
        messages.info(request, "The audio of this recording was deleted, so it cannot be retried.")
    elif not recording.has_audio_file():
        messages.error(request, Recording.AUDIO_MISSING_MESSAGE)
    elif retry(recording):
        messages.success(request, "Trying again from where it stopped.")
    else:
        messages.info(request, "This recording has not failed, so there is nothing to retry.")
    return redirect(recording)


# ---------------------------------------------------------------- the owner's erasure


@login_required
def recording_withdraw_consent(request, pk):
    """The client withdrew consent: confirm, then erase (recordings.erasure.withdraw_consent)."""
    recording = get_recording_for(request.user, pk, Action.ERASE)
    if recording.consent_withdrawn:
        messages.info(request, "Consent for this recording was already withdrawn.")
        return redirect(recording)
    if request.method == "POST":
        stub = erasure.withdraw_consent(recording, request.user)
        if stub is None:
            messages.success(
                request, "Consent withdrawn: the recording, its audio and transcript are deleted."
            )
            return redirect("recordings:list")
        messages.success(
            request,
            "Consent withdrawn: the audio and transcript are deleted. The feedback is kept.",
        )
        return redirect(stub)
    return render(
        request,
        "recordings/confirm_erasure.html",
        {
            "recording": recording,
            "withdrawing": True,
            "keeps_a_stub": erasure.keeps_a_stub(recording),
            "breadcrumbs": _breadcrumbs(request.user, recording),
        },
    )


@login_required
def recording_delete(request, pk):
    recording = get_recording_for(request.user, pk, Action.ERASE)
    if request.method == "POST":
        erasure.delete_recording(recording, request.user)
        messages.success(request, "The recording, its audio, transcript and scores are deleted.")
        return redirect("recordings:list")
    return render(
        request,
        "recordings/confirm_erasure.html",
        {
            "recording": recording,
            "withdrawing": False,
            "breadcrumbs": _breadcrumbs(request.user, recording),
        },
    )
