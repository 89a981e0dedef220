"""Speaker fixes from the review page: swap the two voices or give one line to the other.

Only those who may review the recording (the owner's managers, administrators) may fix speakers;
each fix is audited and the scores are recomputed (recordings.speakers does both)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from recordings import speakers
from recordings.enums import RecordingStatus, SpeakerRole

from .permissions import recording_to_review


def _reviewable(request, pk):
    recording = recording_to_review(request.user, pk)
    if recording.status != RecordingStatus.READY:
        messages.error(request, "Speakers can be changed once the transcript is ready.")
        return None, redirect(recording)
    return recording, None


def _back(recording, anchor):
    return redirect(reverse("reviews:review", args=[recording.pk]) + anchor)


@require_POST
@login_required
def swap_speakers(request, pk):
    recording, refusal = _reviewable(request, pk)
    if refusal:
        return refusal
    speakers.swap_speakers(recording, request.user)
    messages.success(request, "The two speakers are swapped and the scores recomputed.")
    return _back(recording, "#transcript")


@require_POST
@login_required
def reassign_line(request, pk, index):
    recording, refusal = _reviewable(request, pk)
    if refusal:
        return refusal
    role = request.POST.get("role")
    if role not in SpeakerRole.values:
        messages.error(request, "Choose practitioner or client for the line.")
        return _back(recording, f"#line-{index}")
    segment = get_object_or_404(recording.segments, index=index)
    speakers.reassign_line(recording, segment, role, request.user)
    messages.success(
        request,
        f"Line at {segment.start_label} is now the {SpeakerRole(role).label.lower()}'s; "
        "the scores are recomputed.",
    )
    return _back(recording, f"#line-{index}")
