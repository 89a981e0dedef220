"""Fixing a transcript line's words: editing them, splitting the line at a word, merging it with
the next line (recordings.corrections makes, audits and re-scores each), from the review page or
from the correction page, where the owner corrects their own transcript until feedback is
shared (the review page is the managers')."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from recordings import corrections
from recordings.enums import SpeakerRole

from .fixing import NOT_READY, correctable, done, is_ready, refused
from .models import Comment


def _comments_on(recording, line):
    """The comments at a moment anchored to a line: they follow it through splits and merges."""
    return Comment.objects.filter(review__recording=recording, line=line)


def _line_or_refuse(request, pk, index):
    """(recording, line), or (recording, None) while the recording is not ready."""
    recording = correctable(request.user, pk)
    if not is_ready(recording):
        return recording, None
    return recording, get_object_or_404(recording.segments, index=index)


@require_POST
@login_required
def correct_words(request, pk, index):
    recording, segment = _line_or_refuse(request, pk, index)
    if segment is None:
        return refused(request, recording, NOT_READY, status=409)
    try:
        corrected = corrections.correct_words(
            recording, index, request.POST.get("text", ""), request.user
        )
    except corrections.CorrectionError as error:
        return refused(request, recording, str(error), f"#line-{index}")
    if corrected is None:
        unchanged = "The words are as they were: nothing to change."
        return done(request, recording, unchanged, [], anchor=f"#line-{index}")
    return done(
        request,
        recording,
        f"The words of the line at {corrected.start_label} are corrected; "
        "the scores are recomputed.",
        [index],
    )


@require_POST
@login_required
def split_line(request, pk, index):
    recording, segment = _line_or_refuse(request, pk, index)
    if segment is None:
        return refused(request, recording, NOT_READY, status=409)
    try:
        at = int(request.POST.get("at", ""))
    except ValueError:
        return refused(request, recording, corrections.SPLIT_INSIDE, f"#line-{index}")
    try:
        with transaction.atomic():
            first, second = corrections.split_line(recording, index, at, request.user)
            # Comments at a moment of the second half go with it.
            _comments_on(recording, index).filter(at__gte=second.start).update(line=second.index)
    except corrections.CorrectionError as error:
        return refused(request, recording, str(error), f"#line-{index}")
    return done(
        request,
        recording,
        f"The line at {first.start_label} is split in two; the scores are recomputed.",
        [first.index, second.index],
    )


@require_POST
@login_required
def merge_lines(request, pk, index):
    recording, segment = _line_or_refuse(request, pk, index)
    if segment is None:
        return refused(request, recording, NOT_READY, status=409)
    try:
        with transaction.atomic():
            merged, removed = corrections.merge_with_next(recording, index, request.user)
            _comments_on(recording, removed).update(line=merged.index)
    except corrections.CorrectionError as error:
        return refused(request, recording, str(error), f"#line-{index}")
    return done(
        request,
        recording,
        f"The line at {merged.start_label} is merged with the next; the scores are recomputed.",
        [merged.index],
        removed=[removed],
    )


@login_required
def correct_transcript(request, pk):
    """The transcript with its correction forms and no review: the owner's way to fix it."""
    recording = correctable(request.user, pk)
    if not is_ready(recording):
        messages.info(request, NOT_READY)
        return redirect(recording)
    return render(
        request,
        "reviews/correct_transcript.html",
        {
            "recording": recording,
            "segments": list(recording.segments.all()),
            "roles": SpeakerRole,
            "is_owner": recording.owner_id == request.user.pk,
            "breadcrumbs": [
                ("My recordings", reverse("recordings:list")),
                (str(recording), recording.get_absolute_url()),
            ],
        },
    )
