"""Administrators set a user's team on the Wagtail user forms, and saving a user for any other
reason keeps the team (it was once dropped, because the form took a field it did not show)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def form_as_a_browser_sends_it(html):
    """The user form's fields with the values the page shows, as a browser would post them."""
    form = BeautifulSoup(html, "html.parser").find("form", method=re.compile("post", re.I))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            chosen = field.find_all("option", selected=True)
            if field.has_attr("multiple"):
                data[name] = [option["value"] for option in chosen]
            elif chosen:
                data[name] = chosen[0]["value"]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value") or field.text
    return data


def test_editing_a_practitioners_name_keeps_their_team(client, people, team):
    practitioner = people["practitioner"]
    client.force_login(people["admin"])
    url = reverse("wagtailusers_users:edit", args=[practitioner.pk])
    data = form_as_a_browser_sends_it(client.get(url).content.decode())
    data["first_name"] = "Patricia"

    response = client.post(url, data)

    assert response.status_code == 302
    practitioner.refresh_from_db()
    assert practitioner.first_name == "Patricia"
    assert practitioner.team == team


def test_an_administrator_moves_a_practitioner_to_another_team(client, people, other_team):
    practitioner = people["practitioner"]
    client.force_login(people["admin"])
    url = reverse("wagtailusers_users:edit", args=[practitioner.pk])
    data = form_as_a_browser_sends_it(client.get(url).content.decode())
    data["team"] = str(other_team.pk)

    assert client.post(url, data).status_code == 302
    practitioner.refresh_from_db()
    assert practitioner.team == other_team
    assert people["other_manager"].manages(practitioner)
    assert not people["manager"].manages(practitioner)


def test_the_new_user_form_offers_the_team(client, people, team):
    client.force_login(people["admin"])
    page = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="team"' in page
    assert team.name in page
