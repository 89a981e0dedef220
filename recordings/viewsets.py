"""Recordings in the Wagtail admin: for administrators only (retention, support), read-only
apart from deletion; OEP editors share the admin but never see recordings."""

from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SpreadsheetSafeExportMixin

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


class RecordingViewSet(ModelViewSet):
    model = Recording
    index_view_class = RecordingIndexView
    inspect_view_class = RecordingInspectView
    edit_view_class = RecordingEditView
    icon = "media"
    menu_label = "Recordings"
    add_to_admin_menu = True
    menu_order = 810
    copy_view_enabled = False
    # Required by ModelViewSet; the policy above grants no one the add or change actions.
    form_fields = ["client_pseudonym", "session_date"]
    inspect_view_enabled = True
    list_display = ["__str__", "owner", "session_date", "status", "duration", "created_at"]
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
