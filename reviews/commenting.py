"""Comments at moments of the session and the conversations on them and on the practitioner's
response: what each person may see, writing them (audited), and who hears of a reply.

A comment is the manager's, written from the review page at once (no page reload, no draft
revision); the practitioner sees it from the next share on. A reply is either side's, on a
shared comment or on a response; it is seen at once by both sides.
"""

from django.db import transaction
from wagtail.log_actions import log

from recordings.models import ScoreCard

from . import reviewing
from .models import Comment, Reply, Review

COMMENT = "reviews.comment"
REPLY = "reviews.reply"


def is_owner(user, review: Review) -> bool:
    return review.recording.owner_id == user.pk


def visible_comments(review: Review, user):
    """The comments `user` may read: all of them for the managers and administrators who may
    see the recording, the shared ones for the practitioner. (Who may see the recording at all
    is decided before: recordings.permissions.)"""
    if review.pk is None:
        return Comment.objects.none()
    comments = review.comments.select_related("author").prefetch_related("replies__author")
    if is_owner(user, review):
        comments = comments.filter(shared_at__isnull=False)
    return comments


def shared_comments(review: Review):
    """The comments as the feedback page shows them to everyone: those shared."""
    return (
        review.comments.filter(shared_at__isnull=False)
        .select_related("author")
        .prefetch_related("replies__author")
    )


@transaction.atomic
def add_comment(review: Review, user, *, text, at, line=None, quote="") -> Comment:
    """A comment on the review, which is saved first as a draft if it is new."""
    if review.pk is None:
        # A review is made against the checklist of the newest score card, as the form does.
        card = ScoreCard.objects.latest_for(review.recording)
        review.checklist_version = card.checklist_version if card else None
        reviewing.save_draft(review, user)
    comment = Comment.objects.create(
        review=review, author=user, text=text, at=at, line=line, quote=quote
    )
    log(review, COMMENT, user=user, data={"comment": comment.pk, "at": round(at, 2)})
    return comment


@transaction.atomic
def reply(review: Review, user, text: str, *, comment=None, response=None) -> Reply:
    """A reply in the thread of `comment` or of `response` (one of them); the other side is
    told (notifications listens for new replies)."""
    new = Reply.objects.create(
        review=review, comment=comment, response=response, author=user, text=text
    )
    thread = {"comment": comment.pk} if comment else {"response": response.pk}
    log(review, REPLY, user=user, data={"reply": new.pk, **thread})
    return new


def other_side(reply: Reply) -> list:
    """Who hears of `reply`: the practitioner when a manager or administrator wrote it; the
    reviewer, the comment's author and whoever else answered in the thread when the
    practitioner did."""
    review = reply.review
    owner = review.recording.owner
    if reply.author_id != owner.pk:
        return [owner]
    people = {review.reviewer}
    thread = reply.comment or reply.response
    if reply.comment is not None:
        people.add(reply.comment.author)
    people.update(answer.author for answer in thread.replies.exclude(author=owner))
    return [person for person in people if person is not None]
