"""The checklist as versioned data, and the score card every recording gets."""

import pytest
from django.core.management import call_command

from checklist.models import ChecklistVersion, SkillsChecklist
from recordings.enums import SpeakerRole
from recordings.models import ScoreCard
from recordings.scorecards import score_recording
from scoring import SCORER_VERSION, encoder, load_checklist
from scoring.session import READERS_NOT_RUN
from tests.roles import assert_admin_refuses

from .conftest import add_lines, make_recording

pytestmark = pytest.mark.django_db

SESSION = [
    ("A", SpeakerRole.PRACTITIONER, "Before we start, how have you been since last week?"),
    ("B", SpeakerRole.CLIENT, "Alright. I went to the job centre like we said."),
    ("A", SpeakerRole.PRACTITIONER, "Well done, that took real effort. How did it go?"),
    ("B", SpeakerRole.CLIENT, "They had a warehouse job. I applied."),
    (
        "A",
        SpeakerRole.PRACTITIONER,
        "So to sum up, you went to the job centre like we said, they had a warehouse job and "
        "you applied. Have I got that right?",
    ),
    ("A", SpeakerRole.PRACTITIONER, "Before next time, what might get in the way?"),
]


def edit_item_and_publish(code, **changes):
    checklist = SkillsChecklist.objects.get()
    item = checklist.items.get(code=code)
    for field, value in changes.items():
        setattr(item, field, value)
    item.save()
    checklist.save_revision().publish()


def test_load_checklist_publishes_the_shipped_file_as_version_one():
    call_command("load_checklist", verbosity=0)
    call_command("load_checklist", verbosity=0)
    version = ChecklistVersion.objects.get()
    assert (version.number, version.label) == (1, "seeds-v1")
    shipped_ids = [item.id for item in load_checklist().items]
    assert [item.id for item in version.checklist().items] == shipped_ids
    assert "A1" in shipped_ids and "D8" in shipped_ids


def test_an_edit_creates_a_new_version_and_old_score_cards_keep_theirs(people):
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    score_recording(recording)
    first = ScoreCard.objects.latest_for(recording).checklist_version

    edit_item_and_publish("A8", title="Summarises the session")

    second = ChecklistVersion.objects.current()
    assert second.number == first.number + 1
    assert second.checklist().item("A8").title == "Summarises the session"
    first.refresh_from_db()
    assert first.checklist().item("A8").title == "Summarises"
    assert ScoreCard.objects.latest_for(recording).checklist_version == first


def test_publishing_without_changing_items_adds_no_version():
    call_command("load_checklist", verbosity=0)
    SkillsChecklist.objects.get().save_revision().publish()
    assert ChecklistVersion.objects.count() == 1


def test_score_card_names_its_versions_and_points_at_moments(people):
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    note = score_recording(recording)

    card = ScoreCard.objects.latest_for(recording)
    assert card.scorer_version == SCORER_VERSION
    assert card.checklist_version.label == "seeds-v1"
    assert "seeds-v1" in note
    summary = card.items["A8"]
    assert summary["present"]
    assert {ev["start"] for ev in summary["evidence"]} == {20.0}
    assert card.items["B5"]["present"]


def test_a_transcript_is_scored_as_speech_and_its_evidence_quotes_the_transcript(people):
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    score_recording(recording)

    card = ScoreCard.objects.latest_for(recording)
    quotes = [entry["text"] for item in card.items.values() for entry in item["evidence"]]
    assert quotes
    assert set(quotes) <= {text for _, _, text in SESSION}


def test_rescoring_after_a_speaker_fix_adds_a_card_and_keeps_the_first(people):
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    score_recording(recording)
    first = ScoreCard.objects.latest_for(recording)
    assert first.items["A8"]["present"]

    recording.segments.filter(index=4).update(role=SpeakerRole.CLIENT)
    score_recording(recording)

    assert ScoreCard.objects.filter(recording=recording).count() == 2
    assert not ScoreCard.objects.latest_for(recording).items["A8"]["present"]
    first.refresh_from_db()
    assert first.items["A8"]["present"], "a card is never changed"
    assert first.roles["4"] == SpeakerRole.PRACTITIONER


def test_an_item_added_by_editors_without_a_detector_is_left_to_the_reviewer(people):
    call_command("load_checklist", verbosity=0)
    checklist = SkillsChecklist.objects.get()
    checklist.items.create(
        code="A11",
        skill="structuring",
        title="Ends on time",
        behaviour="ends the session at the agreed time",
        detect="M",
    )
    checklist.save_revision().publish()
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    score_recording(recording)
    added = ScoreCard.objects.latest_for(recording).items["A11"]
    assert not added["present"]
    assert added["evidence"] == []


def checklist_edit_url():
    checklist = SkillsChecklist.objects.get()
    return f"/admin/snippets/checklist/skillschecklist/edit/{checklist.pk}/"


def test_editor_can_edit_the_checklist_in_the_admin(client, people):
    call_command("load_checklist", verbosity=0)
    client.force_login(people["editor"])
    response = client.get(checklist_edit_url())
    assert response.status_code == 200
    assert b"Check-in" in response.content


@pytest.mark.parametrize("who", ["practitioner", "manager"])
def test_practitioners_and_managers_cannot_edit_the_checklist(client, people, who):
    call_command("load_checklist", verbosity=0)
    client.force_login(people[who])
    response = client.get(checklist_edit_url())
    assert_admin_refuses(response, who, checklist_edit_url())
    assert ChecklistVersion.objects.count() == 1


def test_a_scoring_without_its_reading_models_says_so_in_the_stage_log(people, monkeypatch):
    recording = make_recording(people["practitioner"])
    add_lines(recording, SESSION)
    assert "Note:" not in score_recording(recording)
    monkeypatch.setattr(encoder, "embedder_available", lambda: False)
    assert f"Note: {READERS_NOT_RUN}." in score_recording(recording)
    assert ScoreCard.objects.latest_for(recording).result["notes"] == [READERS_NOT_RUN]
