"""A reply is told only to people who may still see the recording: a manager who has left the
practitioner's team since commenting hears nothing of it (the notice names the practitioner and
the session), while the team's managers of now still do when they answered in the thread."""

import pytest

from notifications.models import Event, Notification
from tests.accounts.factories import ManagerFactory

from .test_comments import reply_to_comment, shared, shared_comment  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_a_manager_who_left_the_team_is_not_told_of_a_reply(client, people, team, shared_comment):  # noqa: F811
    successor = ManagerFactory(username="sam", teams=[team])
    client.force_login(successor)
    assert (
        reply_to_comment(client, shared_comment, "Welcome from your new manager.").status_code
        == 201
    )
    team.managers.remove(people["manager"])

    client.force_login(people["practitioner"])
    assert reply_to_comment(client, shared_comment, "Thanks, noted.").status_code == 201

    told = set(
        Notification.objects.filter(event=Event.REPLY, actor=people["practitioner"]).values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"sam"}
