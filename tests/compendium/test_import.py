"""import_compendium on the shipped file: 56 published entries, idempotent, editors' edits kept."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from compendium.models import CompendiumIndexPage, EvidencePage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_import_publishes_56_titled_non_empty_entries_under_the_index():
    call_command("import_compendium", stdout=None)
    index = CompendiumIndexPage.objects.get()
    assert index.get_parent().specific_class is HomePage
    entries = EvidencePage.objects.child_of(index).live().order_by("number")
    assert [entry.number for entry in entries] == list(range(1, 57))
    assert all(entry.title and len(entry.body) > 0 for entry in entries)
    assert "Crown copyright" in index.source_statement
    calverley = entries.get(number=17)
    assert calverley.authors == "Adam Calverley"
    assert "implications" in [block.block_type for block in calverley.body]


def test_reimport_updates_in_place_keeps_editors_changes_unless_forced(people, capsys):
    call_command("import_compendium")
    pages, revisions = EvidencePage.objects.count(), Revision.objects.count()

    call_command("import_compendium")
    assert (EvidencePage.objects.count(), Revision.objects.count()) == (pages, revisions)

    entry = EvidencePage.objects.get(number=3)
    entry.title = "Desistance, edited by an editor"
    entry.save_revision(user=people["editor"]).publish()
    call_command("import_compendium")
    assert EvidencePage.objects.get(number=3).title == "Desistance, edited by an editor"
    assert "1 kept as editors changed them (3; --force overwrites)" in capsys.readouterr().out

    call_command("import_compendium", "--force")
    assert EvidencePage.objects.get(number=3).title == "Desistance & the desistance paradigm"
    assert EvidencePage.objects.count() == pages
