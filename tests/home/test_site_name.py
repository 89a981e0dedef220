"""The browser tab names the service as the Wagtail Site is named, set in the admin."""

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def title(response):
    return response.content.decode().split("<title>", 1)[1].split("</title>", 1)[0]


def test_page_title_ends_with_the_sites_name(client):
    Site.objects.filter(is_default_site=True).update(site_name="Probation practice hub")
    assert title(client.get("/")).endswith("– Probation practice hub")


def test_page_title_falls_back_to_the_service_name_when_the_site_is_unnamed(client):
    Site.objects.filter(is_default_site=True).update(site_name="")
    assert title(client.get("/")).endswith("– SEEDS practice platform")
