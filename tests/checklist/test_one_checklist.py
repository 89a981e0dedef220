"""There is one skills checklist: editors change and publish it but cannot add another, a stray
second one never becomes the version the scorer uses, and its item ids are unique. Re-scoring
keeps a score card's checklist version."""

import pytest
from django.core.management import call_command
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from checklist.models import ChecklistVersion, SkillsChecklist
from recordings.enums import SpeakerRole
from recordings.models import ScoreCard
from recordings.scorecards import score_recording
from tests.recordings.conftest import add_lines, make_recording

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/checklist/skillschecklist/"

SESSION = [
    ("A", SpeakerRole.PRACTITIONER, "Before we start, how have you been since last week?"),
    ("B", SpeakerRole.CLIENT, "Alright. I went to the job centre like we said."),
    ("A", SpeakerRole.PRACTITIONER, "So to sum up, you applied for the warehouse job."),
    ("A", SpeakerRole.PRACTITIONER, "Before next time, what might get in the way?"),
]


@pytest.fixture
def checklist():
    call_command("load_checklist", verbosity=0)
    return SkillsChecklist.objects.get()


def edit_form_data(checklist, items, action="action-publish"):
    rows = [
        {
            "id": str(item.pk) if item.pk else "",
            "code": item.code,
            "skill": item.skill,
            "title": item.title,
            "behaviour": item.behaviour,
            "cues": item.cues,
            "detect": item.detect,
            "counts_against": "on" if item.counts_against else "",
        }
        for item in items
    ]
    data = nested_form_data(
        {
            "name": checklist.name,
            "notes": "Edited in the admin.",
            "items": inline_formset(rows, initial=len(rows)),
        }
    )
    data[action] = "action"
    return data


def test_editors_may_change_and_publish_the_checklist_but_not_add_one(people):
    editor = people["editor"]
    assert editor.has_perm("checklist.change_skillschecklist")
    assert editor.has_perm("checklist.publish_skillschecklist")
    assert not editor.has_perm("checklist.add_skillschecklist")


@pytest.mark.parametrize("who", ["editor", "admin"])
def test_the_admin_offers_no_second_checklist(client, people, checklist, who):
    client.force_login(people[who])
    listing = client.get(SNIPPETS)
    assert listing.status_code == 200
    assert f'href="{SNIPPETS}add/"' not in listing.content.decode()
    response = client.post(SNIPPETS + "add/", edit_form_data(checklist, []), follow=True)
    assert "Sorry, you do not have permission" in response.content.decode()
    assert SkillsChecklist.objects.count() == 1


def test_a_second_checklist_never_replaces_the_one_the_scorer_uses(checklist):
    first = ChecklistVersion.objects.current()
    stray = SkillsChecklist.objects.create(name="Copy")
    stray.items.create(code="Z1", skill="structuring", title="Only here", behaviour="x")
    stray.save_revision().publish()
    assert ChecklistVersion.objects.current() == first
    assert ChecklistVersion.objects.count() == 1


def test_publishing_the_checklist_in_the_admin_records_a_version(client, people, checklist):
    items = list(checklist.items.all())
    items[0].title = "Checks in warmly"
    client.force_login(people["editor"])
    response = client.post(f"{SNIPPETS}edit/{checklist.pk}/", edit_form_data(checklist, items))
    assert response.status_code == 302
    current = ChecklistVersion.objects.current()
    assert current.number == 2
    assert current.checklist().item(items[0].code).title == "Checks in warmly"


def test_two_items_with_the_same_id_are_refused_with_a_clear_error(client, people, checklist):
    items = list(checklist.items.all())
    duplicated = items[1].code
    items[1].code = items[0].code  # "A2" becomes a second "A1"
    client.force_login(people["editor"])
    response = client.post(f"{SNIPPETS}edit/{checklist.pk}/", edit_form_data(checklist, items))
    assert response.status_code == 200
    assert f"Another item already has the id {items[0].code}" in response.content.decode()
    assert ChecklistVersion.objects.count() == 1
    assert checklist.items.filter(code=duplicated).exists()
    assert checklist.items.filter(code=items[0].code).count() == 1


def test_rescoring_keeps_the_cards_checklist_version_and_its_items(people, checklist):
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    score_recording(recording)
    first = ScoreCard.objects.latest_for(recording).checklist_version

    checklist.items.filter(code="A8").delete()
    checklist.save_revision().publish()
    assert ChecklistVersion.objects.current() != first

    recording.segments.filter(index=1).update(role=SpeakerRole.PRACTITIONER)
    score_recording(recording)

    card = ScoreCard.objects.latest_for(recording)
    assert card.checklist_version == first
    assert "A8" in card.items


def test_a_first_scoring_uses_the_current_version(people, checklist):
    checklist.items.filter(code="A8").delete()
    checklist.save_revision().publish()
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    score_recording(recording)
    card = ScoreCard.objects.latest_for(recording)
    assert card.checklist_version == ChecklistVersion.objects.current()
    assert "A8" not in card.items
