import io

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.models import Page

from training.loader import load_training
from training.models import LessonPage, ModulePage, TrainingIndexPage

pytestmark = pytest.mark.django_db


def load(content_dir):
    out = io.StringIO()
    call_command("load_training", content_dir=content_dir, stdout=out)
    return out.getvalue()


def test_load_creates_published_index_modules_and_lessons(evidence_entry, content_dir):
    load(content_dir)
    index = TrainingIndexPage.objects.get()
    assert index.get_parent().specific_class.__name__ == "HomePage"
    modules = ModulePage.objects.child_of(index)
    assert [m.slug for m in modules] == ["structuring-sessions", "relationship-building"]
    assert all(m.live for m in modules)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    assert lesson.live and not lesson.has_unpublished_changes
    assert lesson.checklist_items == "A1, A2"
    assert lesson.practice_skill == "structuring"
    assert [b.block_type for b in lesson.body] == [
        "text", "key_points", "practice_example", "evidence", "reflective_exercise",
        "quiz", "quiz", "quiz",
    ]  # fmt: skip
    assert lesson.body[3].value["entry"].pk == evidence_entry.pk
    assert modules[0].outcomes == [
        "Open a session with a check-in and a review.",
        "Close it with a summary and agreed next steps.",
    ]


def test_loading_twice_changes_nothing(evidence_entry, content_dir):
    load(content_dir)
    pages = Page.objects.count()
    revisions = {p.pk: p.latest_revision_id for p in LessonPage.objects.all()}
    quiz_ids = [b.id for b in LessonPage.objects.get(slug="check-in-and-review").body]

    output = load(content_dir)

    assert Page.objects.count() == pages
    assert {p.pk: p.latest_revision_id for p in LessonPage.objects.all()} == revisions
    assert [b.id for b in LessonPage.objects.get(slug="check-in-and-review").body] == quiz_ids
    assert "0 created, 0 updated" in output


def test_editing_yaml_updates_the_page_in_place(evidence_entry, content_dir):
    load(content_dir)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    question_ids = [b.id for b in lesson.body if b.block_type == "quiz"]
    path = content_dir / "01-structuring-sessions.yaml"
    path.write_text(
        path.read_text()
        .replace("title: Check-in and review", "title: Checking in")
        .replace("Which of these is an open question?", "Which one is an open question?")
    )

    load(content_dir)

    lesson.refresh_from_db()
    assert LessonPage.objects.filter(slug="check-in-and-review").count() == 1
    assert lesson.title == "Checking in"
    assert lesson.live and not lesson.has_unpublished_changes
    first_quiz = next(b for b in lesson.body if b.block_type == "quiz")
    assert first_quiz.value["question"] == "Which one is an open question?"
    # Answers already given still point at the same questions.
    assert [b.id for b in lesson.body if b.block_type == "quiz"] == question_ids


def test_an_editors_change_survives_a_reload_unless_forced(people, evidence_entry, content_dir):
    load(content_dir)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    lesson.title = "Checking in, as the editor wrote it"
    lesson.save_revision(user=people["editor"]).publish()

    output = load(content_dir)

    lesson.refresh_from_db()
    assert lesson.title == "Checking in, as the editor wrote it"
    assert "kept as editors changed them" in output

    call_command("load_training", content_dir=content_dir, force=True, stdout=io.StringIO())
    lesson.refresh_from_db()
    assert lesson.title == "Check-in and review"


def test_missing_compendium_entry_names_file_and_entry(content_dir):
    with pytest.raises(CommandError) as error:
        load(content_dir)
    message = str(error.value)
    assert "01-structuring-sessions.yaml" in message
    assert "check-in-and-review" in message
    assert "evidence entry 12" in message
    assert not ModulePage.objects.exists()  # all or nothing


def test_invalid_quiz_is_refused_with_its_place(evidence_entry, content_dir):
    path = content_dir / "02-relationship-building.yaml"
    path.write_text(path.read_text().replace("correct: true", "correct: false"))
    with pytest.raises(CommandError, match="02-relationship-building.yaml, lesson open-questions"):
        load(content_dir)


def test_unknown_checklist_item_is_refused(evidence_entry, content_dir):
    path = content_dir / "02-relationship-building.yaml"
    path.write_text(path.read_text().replace("checklist_items: [B1]", "checklist_items: [Z9]"))
    with pytest.raises(CommandError, match="Z9"):
        load(content_dir)


def test_editors_may_edit_and_preview_lessons_in_admin(client, people, evidence_entry, content_dir):
    load_training(content_dir)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    client.force_login(people["editor"])
    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200

    # The admin's preview renders the page through this request, as the signed-in editor.
    editor_request = RequestFactory().get(
        "/", HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}"
    )
    preview = lesson.make_preview_request(editor_request, lesson.default_preview_mode)
    assert preview.status_code == 200
    assert b"A check-in that finds a crisis" in preview.content
    assert b"Which of these is an open question?" in preview.content


def test_practitioners_cannot_edit_lessons_in_admin(client, people, evidence_entry, content_dir):
    load_training(content_dir)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    client.force_login(people["practitioner"])
    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 302


def test_quiz_settings_load_from_the_lessons_quiz_entry(evidence_entry, content_dir):
    path = content_dir / "01-structuring-sessions.yaml"
    text = path.read_text().replace(
        "    practice_skill: structuring\n",
        "    practice_skill: structuring\n    quiz:\n      pass_mark: 67\n      draw: 2\n",
    )
    path.write_text(text)
    load(content_dir)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    assert (lesson.quiz_pass_mark, lesson.quiz_draw) == (67, 2)
    other = LessonPage.objects.get(slug="summaries-and-next-steps")
    assert (other.quiz_pass_mark, other.quiz_draw) == (80, None)
    assert "0 created, 0 updated" in load(content_dir)

    path.write_text(text.replace("draw: 2", "draw: 4"))
    with pytest.raises(CommandError, match="`draw` is a number of questions from 1 to 3"):
        load(content_dir)


def test_reordering_options_keeps_each_options_id(evidence_entry, content_dir):
    def option_ids():
        lesson = LessonPage.objects.get(slug="check-in-and-review")
        return {o[1]: o[0] for q in lesson.questions() for o in q.options}

    load(content_dir)
    before = option_ids()
    path = content_dir / "01-structuring-sessions.yaml"
    text = path.read_text()
    right = '            - text: "How did the interview go?"\n              correct: true\n              explanation: It invites the client to tell the story.\n'  # noqa: E501
    wrong = '            - text: "Did the interview go well?"\n              correct: false\n              explanation: It can be answered yes or no.\n'  # noqa: E501
    assert right + wrong in text
    path.write_text(text.replace(right + wrong, wrong + right))
    load(content_dir)
    lesson = LessonPage.objects.get(slug="check-in-and-review")
    assert lesson.questions()[0].options[0][1] == "Did the interview go well?"
    assert option_ids() == before
