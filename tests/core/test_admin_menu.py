"""The admin menu: related views grouped under one item, and no two items fighting for a place."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def _menu_for(user):
    return admin_menu.menu_items_for_request(_request(user))


def test_practice_menu_groups_recordings_checklist_and_teams():
    admin = UserFactory(is_superuser=True)
    items = {item.label: item for item in _menu_for(admin)}

    practice = items["Practice"]
    labels = [entry.label for entry in practice.menu.menu_items_for_request(_request(admin))]
    assert labels == ["Recordings", "Skills checklist", "Teams"]
    assert not {"Recordings", "Skills checklist", "Teams"} & set(items)


def test_no_two_top_level_menu_items_share_an_order():
    admin = UserFactory(is_superuser=True)
    orders = [item.order for item in _menu_for(admin)]
    assert len(orders) == len(set(orders)), orders
