"""Who may see a review and whose progress: built on recordings.permissions, the one helper.

A recording's review, feedback and scores are seen by whoever may see the recording (owner,
managers of the owner's team, administrators); reviewing is for those managers and
administrators. A practitioner only ever sees shared feedback. Everyone else gets a 404.
"""

from django.contrib.auth import get_user_model
from django.http import Http404

from recordings.permissions import Action, get_recording_for

from .reviewing import shared_review


def recording_to_review(user, pk):
    """The recording `pk` if `user` may review it (404 if they may not see it, 403 if they may
    see but not review it: the owner)."""
    return get_recording_for(user, pk, Action.REVIEW)


def feedback_for(user, pk):
    """(recording, shared review) if `user` may read the feedback; 404 if not, or not shared."""
    recording = get_recording_for(user, pk)
    review = shared_review(recording)
    if review is None:
        raise Http404("No feedback has been shared on this recording.")
    return recording, review


def can_see_progress_of(viewer, practitioner) -> bool:
    if not viewer.is_authenticated:
        return False
    return viewer.pk == practitioner.pk or viewer.is_administrator or viewer.manages(practitioner)


def practitioner_for(viewer, user_id):
    """The practitioner whose progress `viewer` asks for; 404 unless they may see it."""
    practitioner = get_user_model().objects.filter(pk=user_id).select_related("team").first()
    if practitioner is None or not can_see_progress_of(viewer, practitioner):
        raise Http404("No such practitioner.")
    return practitioner
