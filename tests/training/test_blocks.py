"""Each lesson block renders what a learner needs to see."""

import re

import pytest
from wagtail.blocks import StructBlockValidationError

from scoring.checklist import load_checklist
from training.blocks import (
    ChecklistLinkBlock,
    DialogueLineBlock,
    EvidenceLinkBlock,
    KeyPointsBlock,
    PracticeExampleBlock,
    QuizQuestionBlock,
    ReflectiveExerciseBlock,
)
from training.models import LessonPage

pytestmark = pytest.mark.django_db


def render(block, data):
    return block.render(block.to_python(data))


def test_key_points_render_as_a_list():
    html = render(KeyPointsBlock(), ["Ask first", "Then listen"])
    assert "Key points" in html
    assert "<li>Ask first</li>" in html and "<li>Then listen</li>" in html


def test_practice_example_shows_each_speaker_and_named_technique():
    html = render(
        PracticeExampleBlock(),
        {
            "title": "A check-in",
            "context": "Weekly appointment.",
            "lines": [
                {"speaker": "practitioner", "text": "How have you been?", "technique": "Check-in"},
                {"speaker": "client", "text": "Not bad.", "technique": ""},
            ],
        },
    )
    assert "Practice example: A check-in" in html
    assert "Weekly appointment." in html
    assert html.index("Practitioner") < html.index("How have you been?") < html.index("Check-in")
    assert "Client" in html and "Not bad." in html
    assert (
        html.count("govuk-tag govuk-tag--blue") == 1
    )  # only the practitioner's line names a technique


def test_client_lines_may_not_name_a_technique():
    block = DialogueLineBlock()
    value = block.to_python({"speaker": "client", "text": "Hi", "technique": "Open question"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "Only practitioner lines" in str(error.value.block_errors["technique"])


def test_reflective_exercise_shows_prompt_and_guidance():
    html = render(
        ReflectiveExerciseBlock(), {"prompt": "How did you open?", "guidance": "Be honest."}
    )
    assert "How did you open?" in html and "Be honest." in html


def test_quiz_question_renders_fieldset_with_legend_and_labelled_options():
    html = render(
        QuizQuestionBlock(),
        {
            "question": "Which are open questions?",
            "options": [
                {"text": "What happened?", "correct": True, "explanation": "Invites a story."},
                {"text": "How did it feel?", "correct": True, "explanation": "Invites feeling."},
                {"text": "Was it late?", "correct": False, "explanation": "Yes or no."},
            ],
        },
    )
    assert "<fieldset" in html
    assert (
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
        "Which are open questions?</legend>"
    ) in html
    assert html.count('type="checkbox"') == 3  # two right answers: select all that apply
    assert "Select all that apply." in html
    assert len(re.findall(r'<label [^>]*for="option-', html)) == 3
    assert "Invites a story." not in html  # explanations only after answering


def test_quiz_question_needs_a_right_answer():
    block = QuizQuestionBlock()
    value = block.to_python(
        {
            "question": "q",
            "options": [
                {"text": "a", "correct": False, "explanation": "x"},
                {"text": "b", "correct": False, "explanation": "y"},
            ],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "at least one option as correct" in str(error.value.non_block_errors)


def test_evidence_link_shows_title_citation_and_note(evidence_entry):
    html = render(EvidenceLinkBlock(), {"entry": evidence_entry.pk, "note": "Why it matters."})
    assert "Engaging offenders in change" in html
    assert evidence_entry.citation in html
    assert "entry 12" in html
    assert f'href="{evidence_entry.url}"' in html
    assert "Why it matters." in html


def test_checklist_link_shows_each_item_with_its_checklist_title():
    html = render(ChecklistLinkBlock(), {"items": ["A1", "B1"]})
    checklist = load_checklist()
    assert f"<strong>A1</strong> {checklist.item('A1').title}" in html
    assert f"<strong>B1</strong> {checklist.item('B1').title}" in html


def test_lesson_page_renders_every_block_in_order(client, people, training):
    client.force_login(people["practitioner"])
    lesson = training["lesson"]
    html = client.get(lesson.url).content.decode()
    order = [
        "A <strong>check-in</strong> comes first.",
        "Ask about wellbeing before business.",
        "A check-in that finds a crisis",
        "Engaging offenders in change",
        "Think of your last session.",
        "Check your understanding",
        "Which of these is an open question?",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    # The lesson's checklist items, each with its title from the shipped checklist.
    assert f"<strong>A2</strong> {load_checklist().item('A2').title}" in html
    assert isinstance(lesson, LessonPage)
