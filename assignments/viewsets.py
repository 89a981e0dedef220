"""Assignments in the Wagtail admin: every assignment, for administrators to correct or remove
(managers assign through the site's own form, which checks whom they manage)."""

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SpreadsheetSafeExportMixin

from .models import Assignment


class AssignmentIndexView(SpreadsheetSafeExportMixin, IndexView):
    pass


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    index_view_class = AssignmentIndexView
    icon = "tasks"
    menu_label = "Assignments"
    add_to_admin_menu = True
    menu_order = 820
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = [
        "practitioner",
        "lesson",
        "module",
        "due_date",
        "note",
        "skill",
        "growth_point",
        "practice_task",
        "completed_at",
    ]
    list_display = ["__str__", "practitioner", "assigned_by", "due_date", "status_label"]
    list_filter = ["practitioner__team", "due_date", "completed_at"]
    search_fields = ["practitioner__username", "practitioner__last_name", "note"]
    list_export = [
        "pk",
        "practitioner",
        "practitioner.team",
        "assigned_by",
        "target",
        "due_date",
        "status_label",
        "completed_at",
    ]
    export_headings = {
        "pk": "Id",
        "practitioner.team": "Team",
        "target": "Lesson or module",
        "status_label": "Status",
    }
    export_filename = "assignments"
