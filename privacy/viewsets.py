"""The whole access log in the Wagtail admin, for administrators: filter by person, recording,
kind and date, and export. Nobody adds, edits or deletes records there: the views write them
and the retention command deletes them."""

from wagtail.admin.viewsets.model import ModelViewSet

from accounts.permissions import AdministratorsOnlyPolicy

from .models import AccessRecord


class AccessLogPolicy(AdministratorsOnlyPolicy):
    actions = frozenset({"view"})


class AccessRecordViewSet(ModelViewSet):
    model = AccessRecord
    icon = "view"
    menu_label = "Access log"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    # Required by ModelViewSet; the policy grants no one the add or change actions.
    form_fields = ["kind"]
    list_display = ["accessed_at", "accessor", "accessor_role", "kind", "recording", "subject"]
    list_filter = ["kind", "accessor", "subject", "accessed_at"]
    list_export = ["accessed_at", "accessor", "accessor_role", "kind", "recording", "subject"]
    export_filename = "access-log"
