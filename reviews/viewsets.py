"""The managers' review queue in the Wagtail admin: their teams' recordings, filtered by team,
practitioner, status, review state and date, exported as CSV. Each row opens the review page.

Only what recordings.permissions lets the user review is listed, and the team and practitioner
filters offer only the user's own teams and people, so no other team's names leak.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.models import Team
from accounts.roles import Role
from accounts.teams import practitioners_managed_by, teams_managed_by
from recordings.enums import RecordingStatus
from recordings.exports import SpreadsheetSafeExportMixin
from recordings.permissions import reviewable_recordings

from .models import RecordingToReview


class ReviewQueuePolicy(BasePermissionPolicy):
    """Treatment managers and administrators may list the queue; nobody edits it here."""

    def user_has_permission(self, user, action):
        return (
            action == "view"
            and user.is_authenticated
            and user.is_active
            and (user.is_treatment_manager or user.is_administrator)
        )

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(groups__name__in=[Role.TREATMENT_MANAGER.value, Role.ADMINISTRATOR.value])
            )
            .filter(is_active=True)
            .distinct()
        )


register_permission_policy(RecordingToReview, ReviewQueuePolicy(RecordingToReview))


def _teams(request):
    if request is None:
        return Team.objects.none()
    return teams_managed_by(request.user)


def _practitioners(request):
    if request is None:
        return get_user_model().objects.none()
    return practitioners_managed_by(request.user)


REVIEW_STATES = [("todo", "Not shared yet"), ("draft", "Draft"), ("shared", "Shared")]


class ReviewQueueFilterSet(WagtailFilterSet):
    team = django_filters.ModelChoiceFilter(label="Team", field_name="owner__team", queryset=_teams)
    practitioner = django_filters.ModelChoiceFilter(
        label="Practitioner", field_name="owner", queryset=_practitioners
    )
    status = django_filters.ChoiceFilter(label="Status", choices=RecordingStatus.choices)
    review = django_filters.ChoiceFilter(
        label="Review", choices=REVIEW_STATES, method="filter_review"
    )
    session_date = django_filters.DateFromToRangeFilter(
        label="Date of the session", widget=DateRangePickerWidget
    )

    class Meta:
        model = RecordingToReview
        fields = []

    def filter_review(self, queryset, name, value):
        if value == "shared":
            return queryset.filter(review__live=True)
        if value == "draft":
            return queryset.filter(review__isnull=False, review__live=False)
        return queryset.exclude(review__live=True)


class ReviewQueueIndexView(SpreadsheetSafeExportMixin, IndexView):
    def get_base_queryset(self):
        # The queue is for reviewing, so a manager's own recordings never appear in it.
        reviewable = reviewable_recordings(self.request.user).values("pk")
        return (
            super()
            .get_base_queryset()
            .filter(pk__in=reviewable)
            .select_related("owner", "owner__team", "review")
            .order_by("created_at")
        )


class ReviewQueueViewSet(ModelViewSet):
    model = RecordingToReview
    index_view_class = ReviewQueueIndexView
    icon = "tasks"
    menu_label = "Reviews"
    add_to_admin_menu = True
    menu_order = 800
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["client_pseudonym"]  # required by ModelViewSet; the policy grants no edits
    filterset_class = ReviewQueueFilterSet
    list_display = [
        TitleColumn(
            "session",
            label="Session",
            accessor="__str__",
            get_url=lambda recording: reverse("reviews:review", args=[recording.pk]),
        ),
        "owner",
        Column("team", label="Team", accessor="owner.team"),
        "session_date",
        "status",
        Column("review_state", label="Review"),
        "created_at",
    ]
    list_export = [
        "pk",
        "owner",
        "owner.team",
        "session_date",
        "client_pseudonym",
        "status",
        "review_state",
        "created_at",
    ]
    export_headings = {"pk": "Id", "owner.team": "Team", "review_state": "Review"}
    export_filename = "reviews"
