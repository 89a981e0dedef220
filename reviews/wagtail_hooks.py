"""Reviews in the Wagtail admin and beside recordings: the audit-log actions a review goes
through, the agreement report, and the review and feedback links on recordings."""

from django.urls import path, reverse
from wagtail import hooks

from recordings import links as recording_links
from recordings.enums import RecordingStatus
from recordings.permissions import Action, allowed_ids

from . import commenting, reviewing, self_assessment
from .models import Review, SelfAssessment
from .reports import AgreementMenuItem, AgreementReportView


@hooks.register("register_log_actions")
def register_review_actions(actions):
    actions.register_action(
        reviewing.SHARE, "Share with practitioner", "Feedback shared with the practitioner"
    )
    actions.register_action(reviewing.RATE, "Rate", "Ratings set or changed")
    actions.register_action(reviewing.RESPOND, "Respond", "The practitioner responded")
    actions.register_action(commenting.COMMENT, "Comment", "A comment at a moment of the session")
    actions.register_action(commenting.REPLY, "Reply", "A reply in a feedback conversation")
    actions.register_action(reviewing.READ, "Mark as read", "The practitioner read the feedback")
    actions.register_action(
        self_assessment.SELF_ASSESS, "Self-assess", "The practitioner assessed their own session"
    )


@hooks.register("register_admin_urls")
def register_agreement_report_urls():
    return [
        path("reports/agreement/", AgreementReportView.as_view(), name="reviews_agreement"),
        path(
            "reports/agreement/results/",
            AgreementReportView.as_view(results_only=True),
            name="reviews_agreement_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_agreement_report_menu_item():
    return AgreementMenuItem(
        "Agreement with the machine",
        reverse("reviews_agreement"),
        icon_name="tasks",
        order=800,
    )


@hooks.register(recording_links.HOOK)
def review_and_feedback_links(user, recordings):
    """On a recording's page and in "My recordings": the review for whoever may review it, the
    feedback once shared."""
    shared = set(
        Review.objects.filter(recording__in=recordings, live=True).values_list(
            "recording_id", flat=True
        )
    )
    assessed = set(
        SelfAssessment.objects.filter(recording__in=recordings).values_list(
            "recording_id", flat=True
        )
    )
    reviewable = allowed_ids(user, Action.REVIEW, recordings)
    links = {}
    for recording in recordings:
        links[recording.pk] = []
        if (
            recording.owner_id == user.pk
            and recording.status == RecordingStatus.READY
            and recording.pk not in shared
        ):
            label = (
                "Change your self-assessment"
                if recording.pk in assessed
                else "Rate your own session"
            )
            links[recording.pk].append((label, reverse("reviews:self_assess", args=[recording.pk])))
        if recording.status == RecordingStatus.READY and recording.pk in reviewable:
            links[recording.pk].append(
                ("Review this recording", reverse("reviews:review", args=[recording.pk]))
            )
        if recording.pk in shared:
            links[recording.pk].append(
                ("Read the feedback", reverse("reviews:feedback", args=[recording.pk]))
            )
    return links
