"""What signed-in pages remember from content (routes, view restrictions, the lesson list,
navigation) is never used after the content changed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from accounts.roles import Role
from tests.training.factories import LessonPageFactory, ModulePageFactory, TrainingIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(people, client):
    module = ModulePageFactory(parent=TrainingIndexPageFactory(), title="Structuring sessions")
    LessonPageFactory(parent=module, title="Check-in and review")
    client.force_login(people["practitioner"])
    for _ in range(2):
        assert client.get(module.url).status_code == 200
    return module


def test_a_changed_slug_routes_at_once(client, module):
    old_url = module.url
    module.slug = "sessions-with-structure"
    module.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get("/training/sessions-with-structure/").status_code == 200


def test_a_retitled_lesson_shows_at_once_on_its_module_page(client, module):
    lesson = module.get_children().get().specific
    lesson.title = "Checking in, then reviewing"
    lesson.save_revision().publish()
    assert "Checking in, then reviewing" in client.get(module.url).content.decode()


def test_a_new_lesson_shows_at_once(client, module):
    LessonPageFactory(parent=module, title="Summaries and next steps")
    assert "Summaries and next steps" in client.get(module.url).content.decode()


def test_a_restriction_added_above_a_page_applies_at_once(client, module):
    restriction = PageViewRestriction.objects.create(
        page=module.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=Role.OEP_EDITOR.value))
    response = client.get(module.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_unpublished_section_leaves_the_navigation_at_once(client, module, people):
    training = module.get_parent()
    assert 'data-nav="learn"' in client.get("/").content.decode()
    training.unpublish()
    assert 'data-nav="learn"' not in client.get("/").content.decode()
