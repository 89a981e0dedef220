"""The signed-in home page: a dashboard with a part for each role the person has.

Each part is built in a fixed number of queries, however many recordings, reviews or people
there are, so the home page stays fast for a large team. What a part may show is what the role
may see elsewhere: a practitioner's own work, a manager's teams (recordings.permissions), an
editor's pages, an administrator's settings.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, TaskState

from accounts.teams import practitioners_managed_by
from notifications.models import Event, Notification
from recordings.enums import RecordingStatus
from recordings.models import Recording
from reviews import summaries
from training.progress import next_lesson

RECENT_RECORDINGS = 5
RESPONSES_SHOWN = 10
DRAFTS_SHOWN = 5


@dataclass
class Dashboard:
    practitioner: dict | None = None
    manager: dict | None = None
    editor: dict | None = None
    administrator: dict | None = None


def dashboard_for(user) -> Dashboard:
    dashboard = Dashboard()
    if user.is_practitioner:
        dashboard.practitioner = practitioner_part(user)
    if user.is_treatment_manager or user.is_administrator:
        dashboard.manager = manager_part(user)
    if user.is_oep_editor or user.is_administrator:
        dashboard.editor = editor_part(user)
    if user.is_administrator:
        dashboard.administrator = administrator_part()
    return dashboard


def practitioner_part(user) -> dict:
    recordings = list(
        Recording.objects.filter(owner=user)
        .select_related("review")
        .order_by("-created_at", "-pk")[: RECENT_RECORDINGS + 1]
    )
    return {
        "next": next_lesson(user),
        "recordings": recordings[:RECENT_RECORDINGS],
        "more_recordings": len(recordings) > RECENT_RECORDINGS,
        "unread_feedback": summaries.unread_feedback(user),
        "growth_point": summaries.current_growth_point(user),
    }


def manager_part(user) -> dict:
    queue, waiting = summaries.review_queue(user)
    responses = list(
        Notification.objects.for_user(user)
        .unread()
        .filter(event=Event.RESPONSE)
        .select_related("recording__owner", "actor")[:RESPONSES_SHOWN]
    )
    return {
        "queue": queue,
        "waiting": waiting,
        "responses": responses,
        "trends": summaries.team_skill_trends(practitioners_managed_by(user).values("pk")),
    }


def editor_part(user) -> dict:
    drafts = (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at")[:DRAFTS_SHOWN]
    )
    return {
        "to_moderate": _to_moderate(user),
        "drafts": [(page, reverse("wagtailadmin_pages:edit", args=[page.pk])) for page in drafts],
    }


def _to_moderate(user) -> int:
    """Pages waiting at a moderation task of one of `user`'s groups (any, for a superuser), in
    one query: Wagtail's `TaskState.objects.reviewable_by` asks each task in turn."""
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__active=True)
    if not user.is_superuser:
        states = states.filter(task__groupapprovaltask__groups__user=user)
    return states.values("pk").distinct().count()


def administrator_part() -> dict:
    return {
        "failed": Recording.objects.filter(status=RecordingStatus.FAILED).count(),
        "links": [
            (label, url)
            for label, url in (
                ("Users", _url("wagtailusers_users:index")),
                ("Teams", _url("wagtailsnippets_accounts_team:list")),
                ("Recordings", _url("recordings_admin:index")),
                (
                    "Retention of recordings",
                    _url("wagtailsettings:edit", "recordings", "retentionsettings"),
                ),
                (
                    "Words of the trade for transcription",
                    _url("wagtailsettings:edit", "recordings", "transcriptionsettings"),
                ),
            )
            if url
        ],
    }


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None
