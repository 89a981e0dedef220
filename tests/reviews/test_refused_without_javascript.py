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


def test_a_managers_refused_comment_comes_back_with_the_text_and_the_error_by_the_moment(
    client, people, recording
):
    recording.duration = 30.0
    recording.save(update_fields=["duration"])
    client.force_login(people["manager"])
    typed = "Here you asked two questions at once; try one open question."
    response = add_comment(client, recording, headers=NO_SCRIPT, text=typed, moment="9:00")

    moment, error, link = refused_field(response, "comment_moment")
    assert moment == "9:00"
    assert "The recording is 0:30 long" in error and "The recording is 0:30 long" in link
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find(id="comment_text").get_text().strip() == typed
    assert page.find("h1").get_text(strip=True).startswith("Review:")
    assert not Comment.objects.exists()


def test_a_managers_comment_without_text_comes_back_with_the_moment_kept(client, people, recording):
    client.force_login(people["manager"])
    response = add_comment(client, recording, headers=NO_SCRIPT, text=" ", moment="0:21")
    _text, error, _link = refused_field(response, "comment_text")
    assert "Write your comment before saving it." in error
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find(id="comment_moment")["value"] == "0:21"
    assert not Comment.objects.exists()


def test_a_managers_refused_reply_to_a_comment_comes_back_on_the_review_page(
    client, people, shared_comment
):
    client.force_login(people["manager"])
    response = reply_to_comment(client, shared_comment, TOO_LONG, headers=NO_SCRIPT)

    text, error, _link = refused_field(response, f"reply-comment-{shared_comment.pk}")
    assert text == TOO_LONG
    assert "at most 4000 characters" in error
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(strip=True).startswith("Review:")
    assert not Reply.objects.exists()


def test_a_practitioners_refused_reply_to_a_comment_comes_back_on_the_feedback_page(
    client, people, shared_comment
):
    client.force_login(people["practitioner"])
    response = reply_to_comment(client, shared_comment, TOO_LONG, headers=NO_SCRIPT)

    text, error, _link = refused_field(response, f"reply-comment-{shared_comment.pk}")
    assert text == TOO_LONG and "at most 4000 characters" in error
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(strip=True).startswith("Feedback on your session")
    assert not Reply.objects.exists()
    assert not Notification.objects.filter(event=Event.REPLY).exists()


def test_a_managers_refused_reply_to_the_response_comes_back_on_the_review_page(
    client, people, practitioner_response
):
    client.force_login(people["manager"])
    response = reply_to_response(client, practitioner_response, "   ", headers=NO_SCRIPT)

    _text, error, link = refused_field(response, f"reply-response-{practitioner_response.pk}")
    assert "Write your reply before sending it." in error and "Write your reply" in link
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(strip=True).startswith("Review:")
    # Only the thread replied to is marked; the comment's own reply form is untouched.
    other = page.find(id=f"reply-comment-{practitioner_response.review.comments.get().pk}")
    assert "govuk-form-group--error" not in other.find_parent(class_="govuk-form-group")["class"]
    assert not Reply.objects.exists()


def test_a_practitioners_refused_reply_to_their_response_comes_back_on_the_feedback_page(
    client, people, practitioner_response
):
    client.force_login(people["practitioner"])
    response = reply_to_response(client, practitioner_response, TOO_LONG, headers=NO_SCRIPT)

    text, _error, _link = refused_field(response, f"reply-response-{practitioner_response.pk}")
    assert text == TOO_LONG
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(strip=True).startswith("Feedback on your session")
    assert not Reply.objects.exists()


def test_a_page_without_a_refusal_has_no_error_summary(client, people, practitioner_response):
    client.force_login(people["practitioner"])
    recording = practitioner_response.review.recording
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert "conversation-errors" not in page and "govuk-form-group--error" not in page
