"""Who may edit and publish compendium entries and bulletins, set up idempotently.

OEP editors add and change pages under the compendium and bulletin indexes only, and cannot
publish: their changes go through the "OEP moderation" workflow, whose one approval task is
carried out by Wagtail's Moderators group or an administrator.
"""

from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts import editors as editor_permissions
from accounts.roles import Role

WORKFLOW_NAME = "OEP moderation"
TASK_NAME = "OEP approval"
MODERATORS = "Moderators"  # created by Wagtail's own migrations


def ensure_editorial_setup(*pages: Page) -> Workflow:
    """Give OEP editors their part of the tree and put those pages under the workflow."""
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    administrators = Group.objects.get(name=Role.ADMINISTRATOR.value)

    for page in pages:
        editor_permissions.grant_page_permissions(
            page, editor_permissions.MODERATED_PAGE_PERMISSIONS
        )

    editor_permissions.grant_document_permissions()
    editor_permissions.grant_model_permissions()

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators, administrators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
