"""The team chooser and the team list are for administrators: managers and editors, who also
use the admin, and practitioners, who do not, never see the list of teams."""

import pytest
from django.urls import reverse

from tests.roles import sign_in

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_accounts_team:choose"
RESULTS = "wagtailsnippetchoosers_accounts_team:choose_results"
CHOSEN = "wagtailsnippetchoosers_accounts_team:chosen"


def test_administrators_choose_a_team(client, people, team, other_team):
    client.force_login(people["admin"])
    response = client.get(reverse(CHOOSER))
    assert response.status_code == 200
    assert "South" in response.content.decode()
    assert client.get(reverse(CHOSEN, args=[team.pk])).status_code == 200


@pytest.mark.parametrize("role", ["manager", "editor", "practitioner", "anonymous"])
@pytest.mark.parametrize("url", [CHOOSER, RESULTS, CHOSEN])
def test_nobody_else_reaches_the_team_chooser(client, people, team, other_team, role, url):
    sign_in(client, people, role)
    path = reverse(url, args=[other_team.pk]) if url == CHOSEN else reverse(url)
    response = client.get(path)
    # 403 for those who may use the admin; the admin's sign-in page for the others.
    expected = 403 if role in ("manager", "editor") else 302
    assert response.status_code == expected
    assert "South" not in response.content.decode()


@pytest.mark.parametrize("role", ["manager", "editor"])
def test_managers_and_editors_cannot_list_teams(client, people, other_team, role):
    client.force_login(people[role])
    response = client.get(reverse("wagtailsnippets_accounts_team:list"))
    assert response.status_code == 302
    assert "South" not in response.content.decode()
