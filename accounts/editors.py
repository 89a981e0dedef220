"""What OEP editors may do, in one place: the page permissions each part of the site gives them
and the snippets they maintain. The migrations that first granted the checklist permissions are
history; loaders and the compendium's editorial setup grant through here.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .roles import Role

# Compendium entries and bulletins go through moderation, so editors add and change but do not
# publish; training modules are the editors' own teaching material and they publish them.
MODERATED_PAGE_PERMISSIONS = ("add_page", "change_page")
SELF_PUBLISHED_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")
# (app label, model, codenames) of the snippets editors maintain.
MODEL_PERMISSIONS = (("compendium", "theme", ("add_theme", "change_theme")),)


def editors() -> Group | None:
    return Group.objects.filter(name=Role.OEP_EDITOR.value).first()


def grant_page_permissions(page: Page, codenames) -> None:
    """Give OEP editors ``codenames`` on ``page`` and below it; idempotent."""
    group = editors()
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_document_permissions() -> None:
    """Editors attach documents (sources, bulletin downloads) from the root collection."""
    group = editors()
    if group is None:
        return
    root_collection = Collection.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtaildocs", codename__in=DOCUMENT_PERMISSIONS
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )


def grant_model_permissions() -> None:
    group = editors()
    if group is None:
        return
    for app_label, model, codenames in MODEL_PERMISSIONS:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=codenames,
            )
        )
