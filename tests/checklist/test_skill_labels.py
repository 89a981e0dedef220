"""A SEEDS skill carries one label everywhere: the one the skills checklist gives it."""

from checklist.enums import Skill
from recordings.forms import RecordingUploadForm
from scoring.checklist import SKILL_CODES, load_checklist
from training.models import ModulePage


def checklist_titles():
    return {skill.code: skill.title for skill in load_checklist().skills}


def test_recording_skills_are_the_checklists_skills_with_its_titles():
    assert tuple(Skill.values) == SKILL_CODES
    assert dict(Skill.choices) == checklist_titles()
    assert Skill.STRUCTURING == "structuring"


def test_upload_form_and_training_label_a_skill_as_the_checklist_does():
    upload = dict(RecordingUploadForm.base_fields["skills"].choices)
    topics = dict(ModulePage._meta.get_field("skill").choices)
    for code, title in checklist_titles().items():
        assert upload[code] == title
        assert topics[code] == title


def test_training_adds_its_wider_topics_after_the_four_skills():
    topics = [code for code, _label in ModulePage._meta.get_field("skill").choices]
    assert topics == [
        *SKILL_CODES,
        "motivational_interviewing",
        "desistance",
        "reflective_supervision",
    ]
