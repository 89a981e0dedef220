"""Personal pages are never kept by a browser or a proxy; public pages may be."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", [reverse("recordings:list"), reverse("reviews:my_progress"), "/"])
def test_every_page_a_signed_in_person_sees_is_no_store(client, people, url):
    client.force_login(people["practitioner"])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_public_home_page_is_not_marked_private(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
