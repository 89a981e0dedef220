"""Recordings in the Wagtail admin: for administrators only (retention, support), read-only
apart from deletion; OEP editors share the admin but never see recordings."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.viewsets import TeamViewSet
from checklist.viewsets import SkillsChecklistViewSet
from core.exports import SpreadsheetSafeExportMixin

from . import erasure
from .models import Recording
from .signals import AccessKind, record_access


class RecordingIndexView(SpreadsheetSafeExportMixin, IndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The access log names each recording that left the site in a spreadsheet.
        record_access(self.request.user, AccessKind.EXPORT, queryset)
        return super().as_spreadsheet(queryset, spreadsheet_format)


class RecordingInspectView(InspectView):
    def get(self, request, *args, **kwargs):
        record_access(request.user, AccessKind.ADMIN_INSPECT, [self.object])
        return super().get(request, *args, **kwargs)


class RecordingEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request.user, AccessKind.ADMIN_EDIT, [self.object])
        return response


class RecordingDeleteView(DeleteView):
    def delete_action(self):
        # The same deletion as the owner's, with its audit entry that names no one.
        erasure.delete_recording(self.object, self.request.user)


class RecordingViewSet(ModelViewSet):
    model = Recording
    index_view_class = RecordingIndexView
    inspect_view_class = RecordingInspectView
    edit_view_class = RecordingEditView
    delete_view_class = RecordingDeleteView
    icon = "media"
    menu_label = "Recordings"
    copy_view_enabled = False
    # Required by ModelViewSet; the policy above grants no one the add or change actions.
    form_fields = ["client_pseudonym", "session_date"]
    inspect_view_enabled = True
    list_display = [
        "__str__",
        "owner",
        "session_date",
        "status",
        # As the site writes lengths (core.timecodes), not raw seconds.
        Column(
            "duration", label="Length", accessor=lambda recording: recording.get_duration_display()
        ),
        "created_at",
    ]
    list_filter = ["status", "owner__team", "owner", "session_date"]
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
        "consent_version",
        "consent_withdrawn_at",
        "feedback_shared_at",
        "audio_erased_at",
        "transcript_erased_at",
        "erasure_reason",
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


class PracticeViewSetGroup(ViewSetGroup):
    """One admin menu for the practice side: the sessions, the checklist they are scored against
    and the teams whose managers review them (the compendium and training are pages)."""

    menu_label = "Practice"
    menu_icon = "media"
    # After Wagtail's own Pages (100), Images (300), Documents (400) and Snippets (500).
    menu_order = 600
    items = (RecordingViewSet("recordings_admin"), SkillsChecklistViewSet, TeamViewSet)
