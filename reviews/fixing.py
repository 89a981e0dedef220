"""What every transcript fix on the review page shares: who may make it, and the answer.

A fix is a plain form POST answered by a redirect back to the line (works without JavaScript);
static/js/corrections.js sends the same POST with `X-Requested-With: corrections` and gets JSON
naming the lines that changed, so it can replace just those without reloading the page."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from recordings.enums import RecordingStatus
from recordings.permissions import Action, get_recording_for

NOT_READY = "The transcript can be corrected once the recording is transcribed and scored."


def wants_json(request):
    return request.headers.get("X-Requested-With") == "corrections"


def correctable(user, pk):
    """The recording `pk` if `user` may correct its transcript: 404 if they may not see it, 403
    if they may see but not correct it (a practitioner once feedback on it is shared)."""
    return get_recording_for(user, pk, Action.CORRECT)


def is_ready(recording):
    return recording.status == RecordingStatus.READY


def back_to(request, recording, anchor):
    """Reviewers go back to the review page, the owner to the correction page."""
    if recording.owner_id == request.user.pk:
        return redirect(reverse("reviews:correct_transcript", args=[recording.pk]) + anchor)
    return redirect(reverse("reviews:review", args=[recording.pk]) + anchor)


def done(request, recording, message, changed, removed=(), anchor=None):
    if wants_json(request):
        return JsonResponse({"message": message, "changed": changed, "removed": list(removed)})
    messages.success(request, message)
    return back_to(request, recording, anchor or (f"#line-{changed[0]}" if changed else ""))


def refused(request, recording, message, anchor="#transcript", status=400):
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    messages.error(request, message)
    if recording.status != RecordingStatus.READY:
        return redirect(recording)
    return back_to(request, recording, anchor)


def transcript_fix(not_ready=NOT_READY):
    """A fix view: POST only, signed in, by someone who may correct the recording (else 404 or
    403), refused while the recording is not ready (409); the view gets the recording instead
    of its primary key."""

    def decorate(view):
        @require_POST
        @login_required
        @functools.wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            recording = correctable(request.user, pk)
            if not is_ready(recording):
                return refused(request, recording, not_ready, status=409)
            return view(request, recording, *args, **kwargs)

        return wrapper

    return decorate
