"""Who may edit and publish compendium entries and bulletins, set up idempotently.

OEP editors add and change pages under the compendium and bulletin indexes only, and cannot
publish: their changes go through the "OEP moderation" workflow, whose one approval task is
carried out by Wagtail's Moderators group or an administrator.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts.roles import Role

WORKFLOW_NAME = "OEP moderation"
TASK_NAME = "OEP approval"
MODERATORS = "Moderators"  # created by Wagtail's own migrations
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
EDITOR_MODEL_PERMISSIONS = [("compendium", "theme", ["add_theme", "change_theme"])]


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def ensure_editorial_setup(*pages: Page) -> Workflow:
    """Give OEP editors their part of the tree and put those pages under the workflow."""
    editors = Group.objects.get(name=Role.OEP_EDITOR.value)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    administrators = Group.objects.get(name=Role.ADMINISTRATOR.value)

    for page in pages:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=page, permission=_page_permission(codename)
            )

    root_collection = Collection.get_first_root_node()
    document_type = ContentType.objects.get(app_label="wagtaildocs", model="document")
    for codename in EDITOR_DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root_collection,
            permission=Permission.objects.get(content_type=document_type, codename=codename),
        )
    for app_label, model, codenames in EDITOR_MODEL_PERMISSIONS:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=codenames,
            )
        )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators, administrators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
