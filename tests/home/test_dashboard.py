"""The signed-in home page is a dashboard with a part for each role; visitors keep the public
home page (cached), signed-in people's dashboards are never cached."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from home.models import HomePage
from reviews import reviewing
from reviews.enums import Rating
from reviews.models import Review, SkillRating
from tests.assignments.factories import AssignmentFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import (
    LessonCompletionFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainingIndexPageFactory,
)

pytestmark = pytest.mark.django_db


def part(response, testid):
    """The text of the element marked `testid`, or None when the page has none."""
    found = BeautifulSoup(response.content, "html.parser").select_one(f'[data-testid="{testid}"]')
    return found.get_text(" ", strip=True) if found else None


def home(client, user):
    client.force_login(user)
    return client.get("/")


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def test_visitors_get_the_public_home_page_from_the_cache(client):
    client.get("/")  # a first visit makes the site's settings, which is a change of content
    first, second = client.get("/"), client.get("/")
    assert b"Sign in" in first.content and b"Your dashboard" not in first.content
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")


@pytest.mark.parametrize("role", ["practitioner", "manager", "editor", "admin"])
def test_a_signed_in_dashboard_is_never_cached(client, people, role):
    response = home(client, people[role])
    assert b"Your dashboard" in response.content
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/")


@pytest.mark.parametrize(
    ("role", "parts"),
    [
        ("practitioner", {"dashboard-practitioner"}),
        ("manager", {"dashboard-manager"}),
        ("editor", {"dashboard-editor"}),
        ("admin", {"dashboard-manager", "dashboard-editor", "dashboard-administrator"}),
    ],
)
def test_each_role_sees_the_parts_its_role_gives_it(client, people, role, parts):
    response = home(client, people[role])
    every = {
        "dashboard-practitioner",
        "dashboard-manager",
        "dashboard-editor",
        "dashboard-administrator",
    }
    shown = {name for name in every if part(response, name) is not None}
    assert shown == parts


# ---------------------------------------------------------------- the practitioner


def test_next_lesson_is_the_first_not_done_in_the_module_last_worked_on(client, people):
    index = TrainingIndexPageFactory()
    first_module, second_module = ModulePageFactory(parent=index), ModulePageFactory(parent=index)
    a1, a2 = (LessonPageFactory(parent=first_module, title=t) for t in ("A one", "A two"))
    b1, b2 = (LessonPageFactory(parent=second_module, title=t) for t in ("B one", "B two"))
    pat = people["practitioner"]
    assert "A one" in part(home(client, pat), "next-lesson")
    LessonCompletionFactory(user=pat, lesson=b1)
    assert "B two" in part(home(client, pat), "next-lesson"), "carries on where they were"
    LessonCompletionFactory(user=pat, lesson=b2)
    assert "A one" in part(home(client, pat), "next-lesson")
    for lesson in (a1, a2):
        LessonCompletionFactory(user=pat, lesson=lesson)
    assert "You have completed every lesson." in part(home(client, pat), "next-lesson")


def test_recordings_show_with_their_status(client, people):
    pat = people["practitioner"]
    RecordingFactory(owner=pat, queued=True, client_pseudonym="Queued Q")
    RecordingFactory(owner=pat, failed=True, client_pseudonym="Failed F")
    ReviewFactory(recording=RecordingFactory(owner=pat, scored=True), shared=True)
    RecordingFactory(owner=people["colleague"], client_pseudonym="Not Mine")
    text = part(home(client, pat), "dashboard-recordings")
    assert "Queued Q Queued" in text and "Failed F Failed" in text
    assert "Feedback shared" in text
    assert "Not Mine" not in text


def test_unread_feedback_is_listed_until_marked_read(client, people):
    pat = people["practitioner"]
    review = ReviewFactory(
        recording=RecordingFactory(owner=pat, scored=True, session_date=days_ago(3)), shared=True
    )
    ReviewFactory(recording=RecordingFactory(owner=pat, scored=True, session_date=days_ago(9)))
    text = part(home(client, pat), "unread-feedback")
    assert "1 new" in text and f"{days_ago(3):%-d %B %Y}" in text
    assert f"{days_ago(9):%-d %B %Y}" not in text, "a draft is not feedback"
    reviewing.mark_read(Review.objects.get(pk=review.pk), pat)  # as shared, from the database
    assert "You have read all your feedback." in part(home(client, pat), "unread-feedback")


def test_growth_point_is_the_latest_shared_one_thing_to_work_on(client, people):
    pat = people["practitioner"]
    assert "Once your manager shares feedback" in part(home(client, pat), "growth-point")
    ReviewFactory(
        recording=RecordingFactory(owner=pat, scored=True), shared=True, shared__work_on="Older"
    )
    ReviewFactory(
        recording=RecordingFactory(owner=pat, scored=True), shared=True, shared__work_on="Newer"
    )
    ReviewFactory(recording=RecordingFactory(owner=pat, scored=True), shared__work_on="Draft only")
    text = part(home(client, pat), "growth-point")
    assert "Newer" in text and "Older" not in text and "Draft only" not in text


def test_open_assignments_appear_through_the_panel_hook(client, people):
    AssignmentFactory(practitioner=people["practitioner"], lesson__title="Open questions")
    assert "Open questions" in part(home(client, people["practitioner"]), "dashboard-assignments")


# ---------------------------------------------------------------- the manager


def waiting_since(recording, days):
    type(recording).objects.filter(pk=recording.pk).update(
        created_at=timezone.now() - timedelta(days=days, hours=1)
    )


def test_the_queue_lists_waiting_recordings_oldest_first_with_their_age(client, people):
    newer = RecordingFactory(owner=people["practitioner"], scored=True, session_date=days_ago(2))
    older = RecordingFactory(owner=people["colleague"], scored=True, session_date=days_ago(20))
    waiting_since(newer, 1)
    waiting_since(older, 12)
    ReviewFactory(recording=RecordingFactory(owner=people["colleague"], scored=True), shared=True)
    RecordingFactory(owner=people["other_practitioner"], scored=True, session_date=days_ago(5))
    response = home(client, people["manager"])
    rows = BeautifulSoup(response.content, "html.parser").select(
        "[data-testid=dashboard-queue] tbody tr"
    )
    assert [row.select_one("[data-testid=waiting]").get_text(strip=True) for row in rows] == [
        "12 days",
        "1 day",
    ]
    assert str(people["colleague"]) in rows[0].get_text()
    assert f"{days_ago(5):%-d %B %Y}" not in part(response, "dashboard-queue"), "other team"


def test_responses_to_read_list_the_practitioners_replies(client, people):
    review = ReviewFactory(
        recording=RecordingFactory(owner=people["practitioner"], scored=True),
        reviewer=people["manager"],
        shared=True,
    )
    assert "No responses waiting." in part(home(client, people["manager"]), "dashboard-responses")
    reviewing.respond(review, people["practitioner"], "Thank you, I will try that.")
    text = part(home(client, people["manager"]), "dashboard-responses")
    assert "A response to the feedback" in text
    assert "Thank you" not in text, "the dashboard names the event, not the text"


def rated_session(owner, days, rating):
    review = ReviewFactory(
        recording=RecordingFactory(owner=owner, scored=True, session_date=days_ago(days)),
        shared=True,
    )
    SkillRating.objects.filter(review=review, skill="structuring").update(rating=rating)


def test_team_trends_compare_recent_ratings_with_earlier_ones(client, people):
    rated_session(people["practitioner"], 150, Rating.MISSED_OPPORTUNITY)
    rated_session(people["colleague"], 120, Rating.NEEDS_IMPROVEMENT)
    rated_session(people["practitioner"], 10, Rating.SATISFACTORY)
    # Another team's falling ratings are not this team's trend.
    rated_session(people["other_practitioner"], 150, Rating.SATISFACTORY)
    rated_session(people["other_practitioner"], 10, Rating.MISSED_OPPORTUNITY)
    response = home(client, people["manager"])
    rows = BeautifulSoup(response.content, "html.parser").select(
        "[data-testid=dashboard-trends] tbody tr"
    )
    by_skill = {
        row["data-skill"]: [c.get_text(strip=True) for c in row.select("td")] for row in rows
    }
    assert by_skill["structuring"] == ["0.5", "2.0", "Improving"]
    assert by_skill["relationship_building"] == ["2.0", "2.0", "Steady"]


# ---------------------------------------------------------------- editors and administrators


def test_administrators_see_failed_recordings_and_their_settings(client, people):
    RecordingFactory(owner=people["other_practitioner"], failed=True)
    response = home(client, people["admin"])
    assert "1 recording failed processing." in part(response, "failed-recordings")
    assert b"Retention of recordings" in response.content
    words = reverse("wagtailsettings:edit", args=["recordings", "transcriptionsettings"])
    assert f'href="{words}"' in response.content.decode()


def test_an_editor_sees_their_unpublished_changes(client, people):
    index = TrainingIndexPageFactory()
    module = ModulePageFactory(parent=index, title="Structuring sessions")
    module.title = "Structuring sessions, revised"
    module.save_revision(user=people["editor"])
    response = home(client, people["editor"])
    assert "Structuring sessions, revised" in part(response, "dashboard-drafts")
    assert "No pages are waiting for your approval." in part(response, "to-moderate")


def test_an_editors_preview_of_the_home_page_shows_the_public_page(rf, people):
    home_page = HomePage.objects.get()
    request = rf.get("/")
    request.user = people["editor"]
    assert home_page.get_template(request) == "home/dashboard.html"
    request.is_preview = True
    assert home_page.get_template(request) == "home/home_page.html"
    assert "dashboard" not in home_page.get_context(request)
