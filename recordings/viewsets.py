"""Recordings in the Wagtail admin: for administrators only (retention, support), read-only
apart from deletion; OEP editors share the admin but never see recordings."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SpreadsheetSafeExportMixin

from .models import Recording


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
