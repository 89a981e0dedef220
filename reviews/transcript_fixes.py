"""Fixing a transcript line's words: editing them, splitting the line at a word, merging it with
the next line (recordings.corrections makes, audits and re-scores each), from the review page or
from the correction page, where the owner corrects their own transcript until feedback is
shared (the review page is the managers')."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from recordings import corrections
from recordings.enums import SpeakerRole

from .fixing import NOT_READY, correctable, done, is_ready, refused, transcript_fix
from .models import Comment


def _comments_on(recording, line):
    """The comments at a moment anchored to a line: they follow it through splits and merges."""
    return Comment.objects.filter(review__recording=recording, line=line)


def line_fix(view):
    """A fix of line `index` (see fixing.transcript_fix): a line the recording does not have is
    not found, and a fix the line cannot take is refused beside the line."""

    @transcript_fix()
    @functools.wraps(view)
    def wrapper(request, recording, index):
        get_object_or_404(recording.segments, index=index)
        try:
            return view(request, recording, index)
        except corrections.CorrectionError as error:
            return refused(request, recording, str(error), f"#line-{index}")

    return wrapper


@line_fix
def correct_words(request, recording, index):
    corrected = corrections.correct_words(
        recording, index, request.POST.get("text", ""), request.user
    )
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


@line_fix
def split_line(request, recording, index):
    try:
        at = int(request.POST.get("at", ""))
    except ValueError as error:
        raise corrections.CorrectionError(corrections.SPLIT_INSIDE) from error
    with transaction.atomic():
        first, second = corrections.split_line(recording, index, at, request.user)
        # Comments at a moment of the second half go with it.
        _comments_on(recording, index).filter(at__gte=second.start).update(line=second.index)
    return done(
        request,
        recording,
        f"The line at {first.start_label} is split in two; the scores are recomputed.",
        [first.index, second.index],
    )


@line_fix
def merge_lines(request, recording, index):
    with transaction.atomic():
        merged, removed = corrections.merge_with_next(recording, index, request.user)
        _comments_on(recording, removed).update(line=merged.index)
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
