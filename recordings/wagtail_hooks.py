"""Recordings in the Wagtail admin: for administrators only (retention, support), read-only
apart from deletion; OEP editors share the admin but never see recordings."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy, ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.roles import Role

from .exports import SpreadsheetSafeExportMixin
from .models import Recording, SkillsChecklist
from .speakers import SPEAKERS_FIXED


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """Administrators may list, inspect and delete; nobody adds or edits recordings here (they
    come in through the upload form, with its checks)."""

    actions = frozenset({"view", "delete"})

    def user_has_permission(self, user, action):
        return (
            user.is_authenticated
            and user.is_active
            and action in self.actions
            and user.is_administrator
        )

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=Role.ADMINISTRATOR.value))
            .filter(is_active=True)
            .distinct()
        )


register_permission_policy(Recording, AdministratorsOnlyPolicy(Recording))


@hooks.register("register_log_actions")
def register_recording_actions(actions):
    actions.register_action(
        SPEAKERS_FIXED, "Fix speakers", "Speaker labels corrected by the reviewer"
    )


class RecordingIndexView(SpreadsheetSafeExportMixin, IndexView):
    pass


class RecordingViewSet(ModelViewSet):
    model = Recording
    index_view_class = RecordingIndexView
    icon = "media"
    menu_label = "Recordings"
    add_to_admin_menu = True
    menu_order = 810
    copy_view_enabled = False
    # Required by ModelViewSet; the policy above grants no one the add or change actions.
    form_fields = ["client_pseudonym", "session_date"]
    inspect_view_enabled = True
    list_display = ["__str__", "owner", "session_date", "status", "duration", "created_at"]
    # review__live: whether feedback has been shared (reviews app).
    list_filter = ["status", "owner__team", "owner", "session_date", "review__live"]
    list_export = [
        "pk",
        "owner",
        "owner.team",
        "session_date",
        "client_pseudonym",
        "status",
        "duration",
        "created_at",
    ]
    export_headings = {"pk": "Id", "owner.team": "Team"}
    export_filename = "recordings"
    search_fields = ["client_pseudonym", "owner__username", "owner__last_name"]
    inspect_view_fields = [
        "owner",
        "session_date",
        "client_pseudonym",
        "skills",
        "consent_statement",
        "original_name",
        "size",
        "duration",
        "status",
        "stage",
        "progress",
        "error_code",
        "error_message",
        "timings",
        "stage_log",
        "attempts",
        "heartbeat_at",
        "created_at",
        "updated_at",
    ]


recording_viewset = RecordingViewSet("recordings_admin")


@hooks.register("register_admin_viewset")
def register_recording_viewset():
    return recording_viewset


class OneChecklistPolicy(ModelPermissionPolicy):
    """Editors change and publish the checklist; nobody adds a second one (a second checklist,
    once published, would replace the live one)."""

    def user_has_permission(self, user, action):
        if action == "add" and SkillsChecklist.objects.exists():
            return False
        return super().user_has_permission(user, action)


register_permission_policy(SkillsChecklist, OneChecklistPolicy(SkillsChecklist))


class SkillsChecklistViewSet(SnippetViewSet):
    """OEP editors maintain the checklist; each publish that changes its items becomes a new
    ChecklistVersion, and score cards keep the version they were made with."""

    model = SkillsChecklist
    icon = "list-ul"
    menu_label = "Skills checklist"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", LiveStatusTagColumn(), UpdatedAtColumn()]


register_snippet(SkillsChecklistViewSet)
