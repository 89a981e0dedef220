"""Anonymous pages come from the page cache, never stale and never anyone's own page."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from compendium.models import Theme
from core import content_cache
from core.page_cache import STATUS_HEADER
from home.models import SiteSettings
from tests.compendium.factories import (
    BulletinPageFactory,
    CompendiumIndexPageFactory,
    EvidencePageFactory,
)
from tests.home.factories import HomePageFactory
from tests.training.factories import ModulePageFactory, TrainingIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages():
    """A little of everything an anonymous visitor reads: each public page's URL by name."""
    home = HomePageFactory()
    compendium = CompendiumIndexPageFactory(parent=home)
    women = Theme.objects.create(name="women", slug="women")
    entry = EvidencePageFactory(parent=compendium, title="Engaging women offenders")
    entry.themes.add(women)
    entry.save_revision().publish()
    bulletin = BulletinPageFactory(title="Desistance and compliance")
    training = TrainingIndexPageFactory(parent=home)
    ModulePageFactory(parent=training, title="Structuring sessions")
    # Made on the first page view otherwise, and a new setting is a change of content.
    SiteSettings.for_site(home.get_site())
    return {
        "home": home.url,
        "compendium": compendium.url,
        "evidence": entry.url,
        "theme": compendium.url + compendium.reverse_subpage("theme", args=["women"]),
        "bulletins": bulletin.get_parent().url,
        "bulletin": bulletin.url,
        "training": training.url,
        "entry_page": entry,
    }


PUBLIC_PAGES = ["home", "compendium", "evidence", "theme", "bulletins", "bulletin", "training"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_warm_anonymous_page_takes_at_most_three_queries(
    client, site_pages, name, django_assert_max_num_queries
):
    first = client.get(site_pages[name])
    assert first.status_code == 200
    assert first[STATUS_HEADER] == "miss"
    with django_assert_max_num_queries(3):
        warm = client.get(site_pages[name])
    assert warm[STATUS_HEADER] == "hit"
    assert warm.content == first.content


def test_publishing_a_change_shows_at_once(client, site_pages):
    entry = site_pages["entry_page"]
    client.get(site_pages["evidence"])
    client.get(site_pages["compendium"])

    entry.title = "Engaging women offenders, revised"
    entry.save_revision().publish()

    assert (
        "Engaging women offenders, revised" in client.get(site_pages["evidence"]).content.decode()
    )
    assert (
        "Engaging women offenders, revised" in client.get(site_pages["compendium"]).content.decode()
    )


def test_a_saved_draft_does_not_reach_visitors(client, site_pages):
    entry = site_pages["entry_page"]
    client.get(site_pages["evidence"])
    entry.title = "A draft title"
    entry.save_revision()
    assert "A draft title" not in client.get(site_pages["evidence"]).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, site_pages):
    client.get(site_pages["evidence"])
    site_pages["entry_page"].unpublish()
    assert client.get(site_pages["evidence"]).status_code == 404


def test_a_page_made_private_is_not_served_from_the_cache(client, site_pages):
    client.get(site_pages["evidence"])
    PageViewRestriction.objects.create(
        page=site_pages["entry_page"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(site_pages["evidence"])
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_changed_snippet_shows_at_once(client, site_pages):
    client.get(site_pages["compendium"])
    theme = Theme.objects.get(name="women")
    theme.name = "women and gender"
    theme.save()
    assert ">women and gender</a>" in client.get(site_pages["compendium"]).content.decode()


def test_a_changed_setting_shows_at_once(client, site_pages):
    client.get(site_pages["home"])
    settings = SiteSettings.objects.get()
    settings.footer_text = "A footer changed by an administrator"
    settings.save()
    assert "A footer changed by an administrator" in client.get(site_pages["home"]).content.decode()


def test_a_signed_in_person_never_gets_the_anonymous_page(client, site_pages, people):
    assert client.get(site_pages["home"])[STATUS_HEADER] == "miss"
    client.force_login(people["practitioner"])
    response = client.get(site_pages["home"])
    assert STATUS_HEADER not in response
    assert "Sign out" in response.content.decode()
    assert "My recordings" in response.content.decode()


def test_a_visitor_never_gets_a_signed_in_persons_page(client, site_pages, people):
    client.force_login(people["practitioner"])
    for name in PUBLIC_PAGES:
        client.get(site_pages[name])
    client.logout()
    response = client.get(site_pages["home"])
    assert response[STATUS_HEADER] == "miss"
    assert "Sign out" not in response.content.decode()
    assert "My recordings" not in response.content.decode()


@pytest.mark.parametrize(
    "url", [reverse("recordings:list"), reverse("reviews:my_progress"), reverse("profile")]
)
def test_personal_pages_are_never_cached(client, people, url):
    client.force_login(people["practitioner"])
    for _ in range(2):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert STATUS_HEADER not in response
    assert "no-store" in response["Cache-Control"]


def test_a_page_with_a_csrf_token_is_never_cached(client):
    for _ in range(2):
        response = client.get(reverse("login"))
        assert response.status_code == 200
        assert STATUS_HEADER not in response
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_visitor_with_a_message_waiting_sees_it(client, site_pages):
    client.get(site_pages["home"])
    client.cookies["messages"] = "a message the site left"
    response = client.get(site_pages["home"])
    assert STATUS_HEADER not in response


def test_a_lost_generation_never_brings_back_old_pages(client, site_pages):
    client.get(site_pages["evidence"])
    content_cache.page_cache().delete(content_cache.GENERATION_KEY)
    assert client.get(site_pages["evidence"])[STATUS_HEADER] == "miss"


def test_a_change_is_forgotten_again_once_committed(django_capture_on_commit_callbacks):
    """A request between the change and its commit may have cached the old content."""
    with django_capture_on_commit_callbacks(execute=True):
        content_cache.content_changed()
        during = content_cache.generation()
    assert content_cache.generation() != during


def test_remember_keeps_a_value_until_content_changes(site_pages):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert content_cache.remember("answer", compute) == 1
    assert content_cache.remember("answer", compute) == 1
    Theme.objects.create(name="mentoring", slug="mentoring")
    assert content_cache.remember("answer", compute) == 2
