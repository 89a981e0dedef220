"""StreamField blocks that make up a lesson: text, dialogues, exercises, quiz questions, links."""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .checklist import checklist_choices, checklist_titles

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class KeyPointsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label="Point"), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "training/blocks/key_points.html"


class DialogueLineBlock(blocks.StructBlock):
    speaker = blocks.ChoiceBlock(
        choices=[("practitioner", "Practitioner"), ("client", "Client")], default="practitioner"
    )
    text = blocks.TextBlock()
    technique = blocks.CharBlock(
        required=False, help_text="Practitioner lines: the technique used, e.g. “Check-in (A1)”."
    )

    def clean(self, value):
        value = super().clean(value)
        if value["technique"] and value["speaker"] != "practitioner":
            raise blocks.StructBlockValidationError(
                {"technique": ValidationError("Only practitioner lines name a technique.")}
            )
        return value


class PracticeExampleBlock(blocks.StructBlock):
    """A short dialogue between practitioner and client with each technique named."""

    title = blocks.CharBlock()
    context = blocks.TextBlock(required=False, help_text="Who, where, which contact.")
    lines = blocks.ListBlock(DialogueLineBlock(), min_num=2)

    class Meta:
        icon = "openquote"
        template = "training/blocks/practice_example.html"


class ReflectiveExerciseBlock(blocks.StructBlock):
    """A prompt; the learner's answer is saved to their reflective log."""

    prompt = blocks.TextBlock()
    guidance = blocks.TextBlock(required=False, help_text="What a good answer covers.")

    class Meta:
        icon = "edit"
        template = "training/blocks/reflective_exercise.html"


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    correct = blocks.BooleanBlock(required=False)
    explanation = blocks.TextBlock(help_text="Why this option is right or wrong.")


class QuizQuestionBlock(blocks.StructBlock):
    """A multiple-choice question with one or more right answers and an explanation per option.

    On the lesson page the questions are gathered into one quiz form after the lesson body.
    """

    question = blocks.TextBlock()
    options = blocks.ListBlock(QuizOptionBlock(), min_num=2, max_num=6)

    class Meta:
        icon = "help"
        template = "training/blocks/quiz_question.html"
        help_text = "Quiz questions are gathered into the lesson's quiz, after the lesson body."

    def get_context(self, value, parent_context=None):
        from .quiz import question_from_value

        context = super().get_context(value, parent_context)
        # The lesson passes the learner's `question`; a preview or a bare render shows it blank.
        if "question" not in context:
            context["question"] = question_from_value(context.get("id", ""), value)
        return context

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError("Mark at least one option as correct.")]
            )
        return value


class EvidenceLinkBlock(blocks.StructBlock):
    entry = blocks.PageChooserBlock(page_type="compendium.EvidencePage")
    note = blocks.TextBlock(required=False, help_text="Why this entry matters for the lesson.")

    class Meta:
        icon = "doc-full"
        template = "training/blocks/evidence_link.html"


class ChecklistLinkBlock(blocks.StructBlock):
    items = blocks.MultipleChoiceBlock(choices=checklist_choices)

    class Meta:
        icon = "tasks"
        template = "training/blocks/checklist_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        titles = checklist_titles()
        context["checklist_items"] = [
            (item_id, titles.get(item_id, "")) for item_id in value["items"]
        ]
        return context


class LessonBodyBlock(blocks.StreamBlock):
    # The names match the `type` keys of training/content/*.yaml (see SCHEMA.md).
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="training/blocks/text.html")
    key_points = KeyPointsBlock()
    practice_example = PracticeExampleBlock()
    reflective_exercise = ReflectiveExerciseBlock()
    quiz = QuizQuestionBlock()
    evidence = EvidenceLinkBlock()
    checklist = ChecklistLinkBlock()
