"""Comments at moments of the session and the conversations on them and on the practitioner's
response: written without a page reload (a fragment of HTML back), shown at their moment with
a way to play it, seen by the practitioner once shared, each reply telling the other side; and
refused to everyone who may not see the recording."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import ModelLogEntry

from notifications.models import Event, Notification
from reviews.enums import PointKind
from reviews.models import Comment, FeedbackPoint, Reply, Review
from tests.roles import EVERY_ROLE, sign_in

from .conftest import post_review

pytestmark = pytest.mark.django_db

FETCH = {"X-Requested-With": "fetch"}


def add_comment(client, recording, headers=FETCH, **data):
    fields = {"text": "Lovely open question here.", "moment": "0:12", **data}
    return client.post(reverse("reviews:add_comment", args=[recording.pk]), fields, headers=headers)


def feedback_page(client, recording):
    return client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()


@pytest.fixture
def shared(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    return recording


def share_again(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")


def test_a_comment_at_the_current_moment_comes_back_as_html_at_its_line(client, people, shared):
    response = add_comment(client, shared, moment="0:12")
    assert response.status_code == 201
    html = response.content.decode()
    assert 'data-seek="12.0"' in html and "Play 0:12" in html
    assert "Lovely open question here." in html
    assert "Not shared yet" in html
    comment = Comment.objects.get()
    assert (comment.line, comment.at, comment.quote) == (2, 12.0, "")
    assert comment.author == people["manager"] and comment.shared_at is None

    page = client.get(reverse("reviews:review", args=[shared.pk])).content.decode()
    assert 'data-testid="comments"' in page and "Lovely open question here." in page


def test_comments_are_listed_in_the_order_of_their_moments(client, people, shared):
    add_comment(client, shared, moment="0:30", text="Later moment.")
    add_comment(client, shared, moment="0:05", text="Earlier moment.")
    page = client.get(reverse("reviews:review", args=[shared.pk])).content.decode()
    assert page.index("Earlier moment.") < page.index("Later moment.")


def test_a_comment_on_selected_words_keeps_the_quote_and_its_line(client, people, shared):
    response = add_comment(
        client, shared, moment="0:15", line="3", quote=" a warehouse job ", text="Reflect this."
    )
    assert response.status_code == 201
    assert "“a warehouse job”" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.line, comment.at, comment.quote) == (3, 15.0, "a warehouse job")


def test_the_practitioner_sees_a_comment_only_once_it_is_shared(client, people, shared):
    add_comment(client, shared, text="Shown after the next share.")
    client.force_login(people["practitioner"])
    assert "Shown after the next share." not in feedback_page(client, shared)

    share_again(client, people, shared)
    client.force_login(people["practitioner"])
    page = feedback_page(client, shared)
    assert "Shown after the next share." in page
    assert 'data-seek="12.0"' in page and "Play 0:12" in page
    assert Comment.objects.get().shared_at is not None


def test_a_comment_without_text_or_moment_is_refused_with_a_govuk_message(client, people, shared):
    response = add_comment(client, shared, text="  ")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-message"' in html
    assert "Write your comment before saving it." in html
    response = add_comment(client, shared, moment="")
    assert "Choose the moment" in response.content.decode()
    response = add_comment(client, shared, moment="twelve")
    assert "Enter the moment as minutes and seconds" in response.content.decode()
    assert not Comment.objects.exists()


def test_without_javascript_a_comment_posts_and_comes_back_to_the_page(client, people, shared):
    response = add_comment(client, shared, headers={})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reviews:review", args=[shared.pk]) + f"#comment-{comment.pk}"


def test_a_first_comment_starts_the_review_as_a_draft(client, people, recording):
    client.force_login(people["manager"])
    assert add_comment(client, recording).status_code == 201
    review = Review.objects.get(recording=recording)
    assert not review.live
    assert review.comments.count() == 1


def test_comments_and_replies_are_in_the_audit_log(client, people, shared):
    add_comment(client, shared)
    share_again(client, people, shared)
    comment = Comment.objects.get()
    client.force_login(people["practitioner"])
    client.post(
        reverse("reviews:reply_to_comment", args=[shared.pk, comment.pk]),
        {"text": "I will keep doing that."},
        headers=FETCH,
    )
    actions = ModelLogEntry.objects.for_instance(comment.review).values_list("action", flat=True)
    assert "reviews.comment" in actions and "reviews.reply" in actions


# ---------------------------------------------------------------- replies


@pytest.fixture
def shared_comment(client, people, shared):
    add_comment(client, shared, text="Good reflection.")
    share_again(client, people, shared)
    return Comment.objects.get()


def reply_to_comment(client, comment, text, headers=FETCH):
    return client.post(
        reverse("reviews:reply_to_comment", args=[comment.review.recording_id, comment.pk]),
        {"text": text},
        headers=headers,
    )


def test_replies_on_a_comment_go_both_ways_and_tell_the_other_side(client, people, shared_comment):
    client.force_login(people["practitioner"])
    response = reply_to_comment(client, shared_comment, "Thanks, it felt natural.")
    assert response.status_code == 201
    assert "Thanks, it felt natural." in response.content.decode()
    to_manager = Notification.objects.get(event=Event.REPLY)
    assert (to_manager.recipient, to_manager.actor) == (people["manager"], people["practitioner"])
    assert to_manager.target_url.startswith(
        reverse("reviews:review", args=[shared_comment.review.recording_id])
    )

    client.force_login(people["manager"])
    assert reply_to_comment(client, shared_comment, "Keep it up.").status_code == 201
    to_owner = Notification.objects.get(event=Event.REPLY, recipient=people["practitioner"])
    assert to_owner.actor == people["manager"]
    assert to_owner.target_url.startswith(
        reverse("reviews:feedback", args=[shared_comment.review.recording_id])
    )
    assert [reply.text for reply in shared_comment.replies.all()] == [
        "Thanks, it felt natural.",
        "Keep it up.",
    ]
    client.force_login(people["practitioner"])
    page = feedback_page(client, shared_comment.review.recording)
    assert page.index("Thanks, it felt natural.") < page.index("Keep it up.")


def test_an_empty_reply_is_refused_and_nobody_is_told(client, people, shared_comment):
    client.force_login(people["practitioner"])
    response = reply_to_comment(client, shared_comment, "   ")
    assert response.status_code == 400
    assert "Write your reply before sending it." in response.content.decode()
    assert not Reply.objects.exists()
    assert not Notification.objects.filter(event=Event.REPLY).exists()


def test_a_comment_not_shared_yet_takes_no_replies(client, people, shared):
    add_comment(client, shared, text="Draft comment.")
    comment = Comment.objects.get()
    assert reply_to_comment(client, comment, "Note to self.").status_code == 403
    client.force_login(people["practitioner"])
    assert reply_to_comment(client, comment, "Can I see this?").status_code == 404
    assert not Reply.objects.exists()


@pytest.fixture
def response_to_feedback(client, people, shared):
    client.force_login(people["practitioner"])
    client.post(reverse("reviews:respond", args=[shared.pk]), {"text": "I will try that."})
    return shared.review.responses.get()


def reply_to_response(client, response, text, headers=FETCH):
    return client.post(
        reverse("reviews:reply_to_response", args=[response.review.recording_id, response.pk]),
        {"text": text},
        headers=headers,
    )


def test_the_manager_replies_to_the_response_and_the_practitioner_answers(
    client, people, response_to_feedback
):
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:review", args=[response_to_feedback.review.recording_id]))
    assert (
        reverse(
            "reviews:reply_to_response",
            args=[response_to_feedback.review.recording_id, response_to_feedback.pk],
        )
        in page.content.decode()
    )
    assert reply_to_response(client, response_to_feedback, "What will you try?").status_code == 201
    assert Notification.objects.filter(
        event=Event.REPLY, recipient=people["practitioner"], actor=people["manager"]
    ).exists()

    client.force_login(people["practitioner"])
    assert reply_to_response(client, response_to_feedback, "A reflection first.").status_code == 201
    assert Notification.objects.filter(
        event=Event.REPLY, recipient=people["manager"], actor=people["practitioner"]
    ).exists()
    page = feedback_page(client, response_to_feedback.review.recording)
    assert page.index("What will you try?") < page.index("A reflection first.")


def test_without_javascript_a_reply_comes_back_to_the_thread(client, people, response_to_feedback):
    response = reply_to_response(client, response_to_feedback, "Thanks.", headers={})
    feedback = reverse("reviews:feedback", args=[response_to_feedback.review.recording_id])
    assert response.url == f"{feedback}#response-{response_to_feedback.pk}"


# ---------------------------------------------------------------- who may


ALLOWED_TO_COMMENT = {"manager": 201, "admin": 201, "practitioner": 403}
ALLOWED_TO_REPLY = {"manager": 201, "admin": 201, "practitioner": 201}


def expected(role, allowed):
    return 302 if role == "anonymous" else allowed.get(role, 404)


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_may_comment(client, people, recording, role):
    sign_in(client, people, role)
    assert add_comment(client, recording).status_code == expected(role, ALLOWED_TO_COMMENT)
    assert Comment.objects.exists() == (role in ("manager", "admin"))


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_may_reply_to_a_comment(client, people, shared_comment, role):
    client.logout()
    sign_in(client, people, role)
    response = reply_to_comment(client, shared_comment, "A reply.")
    assert response.status_code == expected(role, ALLOWED_TO_REPLY)


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_may_reply_to_a_response(client, people, response_to_feedback, role):
    client.logout()
    sign_in(client, people, role)
    response = reply_to_response(client, response_to_feedback, "A reply.")
    assert response.status_code == expected(role, ALLOWED_TO_REPLY)
    if response.status_code != 201:
        assert not Reply.objects.exists()


# ---------------------------------------------------------------- the old line comments


def test_line_comments_become_comments_at_moments_shared_or_not(client, people, recording):
    """The data migration: a shared line comment stays shared, one only in the later draft is
    not shared yet, and the comment points leave the review."""
    migration = importlib.import_module(
        "reviews.migrations.0009_line_comments_become_comments_at_moments"
    )
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    review = Review.objects.get(recording=recording)
    FeedbackPoint.objects.create(
        review=review, kind=PointKind.COMMENT, text="A good summary.", line=6, at=30.0
    )
    draft = review.get_latest_revision_as_object()
    draft.points = [
        *draft.points.all(),
        FeedbackPoint(kind=PointKind.COMMENT, text="A good summary.", line=6, at=30.0),
        FeedbackPoint(kind=PointKind.COMMENT, text="Only in the draft.", line=1, at=5.0),
    ]
    draft.save_revision(user=people["manager"])

    migration.forwards(apps, None)

    comments = {c.text: c for c in Comment.objects.filter(review=review)}
    assert set(comments) == {"A good summary.", "Only in the draft."}
    shared_comment = comments["A good summary."]
    assert (shared_comment.line, shared_comment.at) == (6, 30.0)
    assert shared_comment.shared_at == review.last_published_at
    assert shared_comment.author == people["manager"]
    assert comments["Only in the draft."].shared_at is None
    assert not FeedbackPoint.objects.filter(review=review, kind=PointKind.COMMENT).exists()
