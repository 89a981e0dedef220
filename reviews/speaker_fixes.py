"""Speaker fixes from the review page: swap the two voices, give one line or a run of lines to
one speaker.

Those who may correct the transcript (the owner's managers, administrators, and the owner until
feedback is shared) may fix speakers; each fix is audited and the scores are recomputed
(recordings.speakers does both). Answers as reviews.fixing says: a redirect, or JSON for
corrections.js."""

from django.shortcuts import get_object_or_404

from recordings import speakers
from recordings.enums import SpeakerRole

from .fixing import done, refused, transcript_fix

NOT_READY = "Speakers can be changed once the transcript is ready."
CHOOSE_ROLE = "Choose practitioner or client."


@transcript_fix(NOT_READY)
def swap_speakers(request, recording):
    speakers.swap_speakers(recording, request.user)
    return done(
        request,
        recording,
        "The two speakers are swapped and the scores recomputed.",
        list(recording.segments.values_list("index", flat=True)),
        anchor="#transcript",
    )


@transcript_fix(NOT_READY)
def reassign_line(request, recording, index):
    role = request.POST.get("role")
    if role not in SpeakerRole.values:
        return refused(request, recording, CHOOSE_ROLE, f"#line-{index}")
    segment = get_object_or_404(recording.segments, index=index)
    speakers.reassign_line(recording, segment, role, request.user)
    return done(
        request,
        recording,
        f"Line at {segment.start_label} is now the {SpeakerRole(role).label.lower()}'s; "
        "the scores are recomputed.",
        [index],
    )


def _line_number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@transcript_fix(NOT_READY)
def reassign_range(request, recording):
    role = request.POST.get("role")
    first = _line_number(request.POST.get("first"))
    last = _line_number(request.POST.get("last"))
    if role not in SpeakerRole.values:
        return refused(request, recording, CHOOSE_ROLE, "#speaker-range")
    lines = [] if None in (first, last) else speakers.lines_between(recording, first, last)
    if not lines:
        return refused(request, recording, "Choose the first and last lines.", "#speaker-range")
    changed = speakers.reassign_range(recording, first, last, role, request.user)
    count = len(changed)
    return done(
        request,
        recording,
        f"{count} line{'' if count == 1 else 's'} now the {SpeakerRole(role).label.lower()}'s"
        + ("; the scores are recomputed." if count else "."),
        [segment.index for segment in changed],
        anchor=f"#line-{lines[0].index}",
    )
