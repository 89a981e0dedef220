"""Anonymous readers browse, filter, search and cite the compendium."""

import pytest

from compendium.models import EvidencePage, Theme

pytestmark = pytest.mark.django_db


def test_index_lists_entries_by_number_with_kind_themes_and_the_copyright(client, small_compendium):
    response = client.get(small_compendium.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Calling time on crime") < html.index("Engaging women offenders")
    assert "Research summary" in html and "Tool" in html
    assert ">women</a>" in html
    assert "Crown copyright" in html
    assert '<label class="govuk-label" for="compendium-search">' in html


def test_kind_filter_shows_only_that_kind(client, small_compendium):
    response = client.get(small_compendium.url, {"kind": "tool"})
    html = response.content.decode()
    assert "Structured Crams Contact Headings Framework" in html
    assert "Calling time on crime" not in html


def test_theme_page_lists_the_entries_on_that_theme(client, small_compendium):
    women = Theme.objects.get(name="women")
    url = small_compendium.url + small_compendium.reverse_subpage("theme", args=[women.slug])
    html = client.get(url).content.decode()
    assert "Theme: women" in html
    assert "Engaging women offenders" in html
    assert "Calling time on crime" not in html


def test_unknown_theme_is_not_found(client, small_compendium):
    response = client.get(small_compendium.url + "themes/no-such-theme/")
    assert response.status_code == 404


def test_search_finds_entries_and_marks_the_words_found(client, small_compendium):
    url = small_compendium.url + small_compendium.reverse_subpage("search")
    html = client.get(url, {"q": "desistance"}).content.decode()
    assert "Calling time on crime" in html
    assert "<mark>desistance</mark>" in html
    assert "Structured Crams" not in html


def test_search_escapes_what_the_reader_typed(client, small_compendium):
    url = small_compendium.url + small_compendium.reverse_subpage("search")
    html = client.get(url, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_entry_shows_citation_neighbours_and_source(client, small_compendium):
    entry = EvidencePage.objects.get(number=2)
    html = client.get(entry.url).content.decode()
    assert "Loraine Gelsthorpe. “Engaging women offenders”. In: NOMS Offender Engagement" in html
    assert 'rel="prev"' in html and "Calling time on crime" in html
    assert 'rel="next"' in html and "Structured Crams" in html
    assert "Crown copyright" in html
    assert "No training lessons cite this entry yet." in html


def test_the_index_lists_entries_a_page_at_a_time_under_the_filter_and_themes(client):
    from compendium.models.evidence import ENTRIES_PER_PAGE
    from tests.compendium.factories import CompendiumIndexPageFactory, EvidencePageFactory

    index = CompendiumIndexPageFactory()
    women = Theme.objects.create(name="women", slug="women")
    entries = EvidencePageFactory.create_batch(ENTRIES_PER_PAGE + 5, parent=index)
    entries[-1].themes.add(women)
    entries[-1].save_revision().publish()

    def link(entry):
        return f">{entry.title}</a>"

    first = client.get(index.url).content.decode()
    assert link(entries[0]) in first and link(entries[ENTRIES_PER_PAGE - 1]) in first
    assert link(entries[ENTRIES_PER_PAGE]) not in first
    # The way to narrow the list comes before the list.
    assert first.index('id="kind-filter"') < first.index(link(entries[0]))
    assert first.index(">women</a>") < first.index(link(entries[0]))
    assert 'rel="next"' in first

    second = client.get(index.url, {"page": 2}).content.decode()
    assert link(entries[ENTRIES_PER_PAGE]) in second and link(entries[0]) not in second
