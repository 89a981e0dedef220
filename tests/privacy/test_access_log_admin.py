"""The whole access log in the admin: administrators list it; managers and editors, who also
use the admin, cannot; nobody edits or deletes a record there."""

import pytest
from django.urls import reverse

from privacy.models import AccessRecord
from tests.roles import assert_admin_refuses

from .factories import AccessRecordFactory

pytestmark = pytest.mark.django_db

INDEX = "access_log:index"


@pytest.fixture
def record(people, ready_recording):
    return AccessRecordFactory(
        recording=ready_recording, accessor=people["manager"], accessor_role="Treatment manager"
    )


def test_administrators_read_the_whole_access_log(client, people, record):
    client.force_login(people["admin"])
    page = client.get(reverse(INDEX)).content.decode()
    assert "Treatment manager" in page
    assert people["manager"].get_full_name() in page


@pytest.mark.parametrize("role", ["manager", "editor"])
def test_managers_and_editors_cannot_read_it(client, people, record, role):
    client.force_login(people[role])
    assert_admin_refuses(client.get(reverse(INDEX)), role, reverse(INDEX))


def test_nobody_deletes_a_record_in_the_admin(client, people, record):
    client.force_login(people["admin"])
    path = reverse("access_log:delete", args=[record.pk])
    assert_admin_refuses(client.post(path), "admin", path)
    assert AccessRecord.objects.filter(pk=record.pk).exists()
