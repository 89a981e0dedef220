"""OEP editors edit compendium pages and bulletins but publish only through moderation."""

import pytest
from django.core.management import call_command
from wagtail.documents.permissions import permission_policy as documents

from compendium.models import BulletinIndexPage, BulletinPage
from home.models import HomePage
from tests.roles import assert_admin_refuses
from training.loader import training_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulletin_index(small_compendium):
    call_command("seed_bulletins")
    return BulletinIndexPage.objects.get()


def draft_by(editor, bulletin_index):
    page = BulletinPage(title="New findings on engagement", slug="new-findings", live=False)
    bulletin_index.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def test_editor_may_add_and_edit_but_not_publish_bulletins_or_entries(
    people, bulletin_index, small_compendium
):
    editor = people["editor"]
    for index in (bulletin_index, small_compendium):
        permissions = index.permissions_for_user(editor)
        assert permissions.can_add_subpage()
        assert permissions.can_edit()
        assert not permissions.can_publish()
        assert not permissions.can_publish_subpage()


def test_editor_cannot_edit_the_home_page(client, people, bulletin_index):
    home = HomePage.objects.get()
    assert not home.permissions_for_user(people["editor"]).can_edit()
    client.force_login(people["editor"])
    path = f"/admin/pages/{home.pk}/edit/"
    assert_admin_refuses(client.get(path), "editor", path)


def test_editor_submission_waits_for_a_moderator_who_publishes_it(people, bulletin_index):
    page = draft_by(people["editor"], bulletin_index)
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "OEP moderation"

    state = workflow.start(page, people["editor"])
    page.refresh_from_db()
    assert not page.live
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, people["admin"])
    assert not task_state.task.specific.get_actions(page, people["editor"])

    moderator = people["manager"]
    moderator.groups.add(task_state.task.specific.groups.get(name="Moderators"))
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.title == "New findings on engagement"


def test_administrator_can_approve_too(people, bulletin_index):
    page = draft_by(people["editor"], bulletin_index)
    state = page.get_workflow().start(page, people["editor"])
    task = state.current_task_state.task.specific
    assert "approve" in [action[0] for action in task.get_actions(page, people["admin"])]
    task.on_action(state.current_task_state, people["admin"], "approve")
    page.refresh_from_db()
    assert page.live


def test_editor_publishes_training_modules_directly_but_compendium_pages_through_moderation(
    people, bulletin_index
):
    editor = people["editor"]
    assert training_index().permissions_for_user(editor).can_publish_subpage()
    assert not bulletin_index.permissions_for_user(editor).can_publish_subpage()
    assert editor.has_perm("compendium.change_theme")
    assert documents.user_has_permission(editor, "add")
