"""Without JavaScript a refused comment or reply keeps what was typed: the server renders the
page again (the review page for managers, the feedback page for the practitioner) with the text
in its field, the error beside it and tied to it, and an error summary linking to the field;
nothing is saved and nobody is told."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from notifications.models import Event, Notification
from reviews.models import Comment, Reply

from .conftest import post_review
from .test_comments import add_comment, reply_to_comment, reply_to_response, share_again

pytestmark = pytest.mark.django_db

NO_SCRIPT = {}  # a plain form post: no X-Requested-With header
TOO_LONG = "I will try a reflection before each question next time. " * 80  # over 4000


@pytest.fixture
def shared_comment(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    add_comment(client, recording, text="Good reflection.")
    share_again(client, people, recording)
    return Comment.objects.get()


@pytest.fixture
def practitioner_response(client, people, shared_comment):
    recording = shared_comment.review.recording
    client.force_login(people["practitioner"])
    client.post(reverse("reviews:respond", args=[recording.pk]), {"text": "I will try that."})
    return shared_comment.review.responses.get()


def refused_field(response, field_id):
    """The page came back (not a redirect), with the field `field_id` marked in error: returns
    (what the field holds, the error beside it, the summary's link to it)."""
    assert response.status_code == 200, "a refusal renders the page again"
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find(id=field_id)
    assert field is not None, f"no #{field_id} on the page"
    group = field.find_parent(class_="govuk-form-group")
    assert "govuk-form-group--error" in group["class"]
    error = page.find(id=field["aria-describedby"].split()[-1])
    assert "govuk-error-message" in error["class"] and group in error.parents
    summary = page.find(attrs={"data-testid": "conversation-errors"})
    link = summary.find("a", href=f"#{field_id}")
    assert link is not None, "the error summary links to the field"
    held = field.get_text() if field.name == "textarea" else field.get("value", "")
    return held.strip("\r\n"), error.get_text(" ", strip=True), link.get_text(strip=True)


REVIEW_PAGE = "Review:"
FEEDBACK_PAGE = "Feedback on your session"


@pytest.mark.parametrize(
    ("text", "moment", "refused", "error"),
    [
        pytest.param(
            "Here you asked two questions at once; try one open question.",
            "9:00",
            "comment_moment",
            "The recording is 0:30 long",
            id="moment-after-the-end",
        ),
        pytest.param(
            " ", "0:21", "comment_text", "Write your comment before saving it.", id="no-text"
        ),
    ],
)
def test_a_managers_refused_comment_comes_back_with_what_was_typed_and_the_error(
    client, people, recording, text, moment, refused, error
):
    recording.duration = 30.0
    recording.save(update_fields=["duration"])
    client.force_login(people["manager"])
    response = add_comment(client, recording, headers=NO_SCRIPT, text=text, moment=moment)

    _held, shown, link = refused_field(response, refused)
    assert error in shown and error in link
    page = BeautifulSoup(response.content, "html.parser")
    # Both fields keep what was typed, the refused one and the other.
    assert page.find(id="comment_moment")["value"] == moment
    assert page.find(id="comment_text").get_text().strip() == text.strip()
    assert page.find("h1").get_text(strip=True).startswith(REVIEW_PAGE)
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("who", "thread", "text", "error", "page_heading"),
    [
        pytest.param(
            "manager",
            "comment",
            TOO_LONG,
            "at most 4000 characters",
            REVIEW_PAGE,
            id="manager-on-a-comment",
        ),
        pytest.param(
            "practitioner",
            "comment",
            TOO_LONG,
            "at most 4000 characters",
            FEEDBACK_PAGE,
            id="practitioner-on-a-comment",
        ),
        pytest.param(
            "manager",
            "response",
            "   ",
            "Write your reply before sending it.",
            REVIEW_PAGE,
            id="manager-on-the-response",
        ),
        pytest.param(
            "practitioner",
            "response",
            TOO_LONG,
            "at most 4000 characters",
            FEEDBACK_PAGE,
            id="practitioner-on-their-response",
        ),
    ],
)
def test_a_refused_reply_comes_back_on_the_repliers_page_with_the_text_and_the_error(
    client, people, practitioner_response, who, thread, text, error, page_heading
):
    comment = practitioner_response.review.comments.get()
    replied, other = (
        (f"reply-comment-{comment.pk}", f"reply-response-{practitioner_response.pk}")
        if thread == "comment"
        else (f"reply-response-{practitioner_response.pk}", f"reply-comment-{comment.pk}")
    )
    client.force_login(people[who])
    if thread == "comment":
        response = reply_to_comment(client, comment, text, headers=NO_SCRIPT)
    else:
        response = reply_to_response(client, practitioner_response, text, headers=NO_SCRIPT)

    held, shown, link = refused_field(response, replied)
    assert held == text
    assert error in shown and error in link
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(strip=True).startswith(page_heading)
    # Only the thread replied to is marked; the other thread's reply form is untouched.
    group = page.find(id=other).find_parent(class_="govuk-form-group")
    assert "govuk-form-group--error" not in group["class"]
    assert not Reply.objects.exists()
    assert not Notification.objects.filter(event=Event.REPLY).exists()


def test_a_page_without_a_refusal_has_no_error_summary(client, people, practitioner_response):
    client.force_login(people["practitioner"])
    recording = practitioner_response.review.recording
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert "conversation-errors" not in page and "govuk-form-group--error" not in page


def test_the_reply_box_allows_as_many_characters_as_the_server_accepts():
    # the reply box is drawn by hand (reply_form.html), not from ReplyForm: its maxlength must
    # be the form's limit, or the browser stops a reply the server would take (or the reverse)
    from django.template.loader import render_to_string

    from reviews.forms import MESSAGE_MAX_CHARS, ReplyForm

    box = render_to_string(
        "reviews/includes/reply_form.html",
        {"reply_url": "/", "thread_kind": "comment", "thread_pk": 1, "thread_label": "a comment"},
    )
    assert f'maxlength="{MESSAGE_MAX_CHARS}"' in box
    assert ReplyForm().fields["text"].max_length == MESSAGE_MAX_CHARS
