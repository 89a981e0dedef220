"""Comments and replies from the review and feedback pages, without a page reload.

A script posts the form with `X-Requested-With: fetch` and gets back the new comment or reply
as HTML to insert (201), or a GOV.UK error message to show beside the text, which stays where
it was typed (400). Without the script the form posts as usual: a saved one redirects to the page,
a refused one renders the page again with the text in its field and the error beside it.
Who may do what: a comment is for those who may review the recording; a reply for anyone who
may see the thread (recordings.permissions; 404 for everyone else, 403 for a comment the
practitioner cannot see yet).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from recordings.permissions import get_recording_for

from . import commenting, reviewing, views
from .forms import CommentForm, ReplyForm
from .models import Review
from .permissions import feedback_for, recording_to_review
from .refusals import RefusedReply


def _is_fetch(request):
    return request.headers.get("X-Requested-With") == "fetch"


def _refuse(request, form, page):
    """The form's first error as a fragment for the script; without it, `page()`: the page
    again, keeping what was typed beside its error (a redirect would lose it)."""
    if _is_fetch(request):
        message = next(iter(form.errors.values()))[0]
        return render(
            request, "reviews/includes/fetch_error.html", {"message": message}, status=400
        )
    return page()


def _page_with_refused_reply(request, recording, review, refused):
    """The page the person replied from, as `_page_of` names it, with the refused reply."""
    if commenting.is_owner(request.user, review):
        recording, shared = feedback_for(request.user, recording.pk)
        return views.feedback_page(request, recording, shared, refused_reply=refused)
    return views.review_page(request, recording, refused_reply=refused)


def _page_of(user, review):
    """Where a person reads the conversation: the practitioner on the feedback page, managers
    and administrators on the review page."""
    name = "reviews:feedback" if commenting.is_owner(user, review) else "reviews:review"
    return reverse(name, args=[review.recording_id])


@require_POST
@login_required
@views.player_page
def add_comment(request, pk):
    recording = recording_to_review(request.user, pk)
    review = reviewing.working_copy(recording, request.user)
    form = CommentForm(
        request.POST,
        segments=list(recording.segments.all()),
        duration=recording.duration,
        auto_id="comment_%s",  # as the review page names the fields
    )
    back = reverse("reviews:review", args=[recording.pk])
    if not form.is_valid():
        return _refuse(
            request, form, lambda: views.review_page(request, recording, comment_form=form)
        )
    comment = commenting.add_comment(review, request.user, **form.values())
    if _is_fetch(request):
        return render(
            request,
            "reviews/includes/comment.html",
            {"comment": comment, "recording": recording, "can_reply": True},
            status=201,
        )
    messages.success(request, "Your comment is saved. The practitioner sees it once you share.")
    return redirect(f"{back}#comment-{comment.pk}")


def _saved_reply(request, recording, review, back, **thread):
    form = ReplyForm(request.POST)
    if not form.is_valid():
        kind, replied_to = next(iter(thread.items()))  # comment=... or response=...
        refused = RefusedReply(kind=kind, pk=replied_to.pk, form=form)
        return _refuse(
            request, form, lambda: _page_with_refused_reply(request, recording, review, refused)
        )
    reply = commenting.reply(review, request.user, form.cleaned_data["text"], **thread)
    if _is_fetch(request):
        return render(request, "reviews/includes/reply.html", {"reply": reply}, status=201)
    messages.success(request, "Your reply is sent.")
    return redirect(back)


@require_POST
@login_required
@views.player_page
def reply_to_comment(request, pk, comment_id):
    recording = get_recording_for(request.user, pk)
    review = Review.objects.filter(recording=recording).first()
    if review is None:
        raise Http404("No review of this recording.")
    comment = get_object_or_404(commenting.visible_comments(review, request.user), pk=comment_id)
    if comment.shared_at is None:
        raise PermissionDenied("The practitioner sees this comment once the feedback is shared.")
    back = f"{_page_of(request.user, review)}#comment-{comment.pk}"
    return _saved_reply(request, recording, review, back, comment=comment)


@require_POST
@login_required
@views.player_page
def reply_to_response(request, pk, response_id):
    recording, review = feedback_for(request.user, pk)
    response = get_object_or_404(review.responses, pk=response_id)
    back = f"{_page_of(request.user, review)}#response-{response.pk}"
    return _saved_reply(request, recording, review, back, response=response)
