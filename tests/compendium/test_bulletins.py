"""Seeded bulletins with their sources and licences, and the Atom feed."""

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own feed in a test
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents.models import Document

from compendium.models import BulletinDocument, BulletinIndexPage, BulletinPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def bulletins(small_compendium):
    call_command("seed_bulletins")
    return BulletinPage.objects.live()


def test_four_bulletins_are_published_each_with_source_and_licence(client, bulletins):
    assert bulletins.count() == 4
    wong = bulletins.get(slug="voluntary-sector-model-for-engaging-offenders")
    html = client.get(wong.url).content.decode()
    assert "Creative Commons Attribution 4.0" in html
    assert "hojo.12284" in html
    for bulletin in bulletins:
        assert bulletin.source and bulletin.licence and len(bulletin.body) > 0


def test_bulletin_source_markup_is_rendered_not_shown_raw(client, bulletins):
    wong = bulletins.get(slug="voluntary-sector-model-for-engaging-offenders")
    html = client.get(wong.url).content.decode()
    # Its tab-separated tables are tables, headed by their first line.
    assert '<th class="govuk-table__header" scope="col">Service user</th>' in html
    assert '<td class="govuk-table__cell">T2A18</td>' in html
    assert "\t" not in html
    # Footnote marks, italics and escaped asterisks from the source read as intended.
    assert "probation services²" in html
    assert "&lt;sup&gt;" not in html and "&lt;i&gt;" not in html and "&lt;/i&gt;" not in html
    assert "\\*" not in html and "(Note: * Over this period" in html


def test_seeding_again_changes_nothing(bulletins):
    pks = sorted(bulletins.values_list("pk", flat=True))
    revisions = [b.latest_revision_id for b in bulletins.order_by("pk")]
    call_command("seed_bulletins")
    assert sorted(BulletinPage.objects.values_list("pk", flat=True)) == pks
    assert [b.latest_revision_id for b in BulletinPage.objects.order_by("pk")] == revisions


def test_feed_is_valid_atom_newest_first(client, bulletins):
    response = client.get(reverse("compendium:bulletin_feed"))
    feed = ET.fromstring(response.content)  # noqa: S314
    entries = feed.findall(f"{ATOM}entry")
    assert feed.tag == f"{ATOM}feed"
    assert len(entries) == 4
    published = [entry.find(f"{ATOM}published").text for entry in entries]
    assert published == sorted(published, reverse=True)
    assert (
        entries[0].find(f"{ATOM}title").text
        == "Developing a voluntary sector model for engaging offenders"
    )


def test_bulletin_index_lists_newest_first_and_shows_attached_documents(client, bulletins):
    oldest = bulletins.order_by("date").first()
    assert oldest.date == date(2009, 12, 1)
    document = Document.objects.create(
        title="Group notes (PDF)", file=ContentFile(b"%PDF-1.4\n", name="notes.pdf")
    )
    BulletinDocument.objects.create(page=oldest, document=document)
    html = client.get(oldest.url).content.decode()
    assert "Group notes (PDF)" in html
    index_html = client.get(oldest.get_parent().url).content.decode()
    assert index_html.index("Developing a voluntary sector model") < index_html.index(oldest.title)


def test_feed_has_a_page_for_people_linked_from_the_bulletins(client, bulletins):
    index = client.get(BulletinIndexPage.objects.get().url).content.decode()
    page_url = reverse("compendium:bulletin_feed_page")
    assert f'href="{page_url}"' in index
    response = client.get(page_url)
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "Copy this address into your feed reader" in html
    assert f'value="http://testserver{reverse("compendium:bulletin_feed")}"' in html
    assert "Developing a voluntary sector model for engaging offenders" in html
