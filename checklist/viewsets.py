"""The skills checklist in the Wagtail admin: OEP editors change and publish the one checklist."""

from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SkillsChecklist


class OneChecklistPolicy(ModelPermissionPolicy):
    """Editors change and publish the checklist; nobody adds a second one (a second checklist,
    once published, would replace the live one)."""

    def user_has_permission(self, user, action):
        if action == "add" and SkillsChecklist.objects.exists():
            return False
        return super().user_has_permission(user, action)


class SkillsChecklistViewSet(SnippetViewSet):
    """Each publish that changes the items becomes a new ChecklistVersion, and score cards keep
    the version they were made with."""

    model = SkillsChecklist
    icon = "list-ul"
    menu_label = "Skills checklist"
    list_display = ["name", LiveStatusTagColumn(), UpdatedAtColumn()]
