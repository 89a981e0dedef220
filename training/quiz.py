"""A lesson's quiz: the form built from its quiz blocks, and marking on the server.

The questions, options and right answers always come from the stored lesson, never from the
submission: a submitted option id that the question does not have fails validation, and ids of
questions that are not in this lesson are ignored.
"""

from dataclasses import dataclass, field

from django import forms

PASS_MARK_PERCENT = 75


@dataclass
class Question:
    """One quiz block of a lesson, with the learner's answer and its marking when there is one."""

    id: str
    text: str
    options: list  # [(option_id, text, correct, explanation)]
    selected: list = field(default_factory=list)
    answered: bool = False
    error: str = ""

    @property
    def field_name(self) -> str:
        return f"q-{self.id}"

    @property
    def correct_ids(self) -> set[str]:
        return {option_id for option_id, _text, correct, _expl in self.options if correct}

    @property
    def multiple(self) -> bool:
        return len(self.correct_ids) > 1

    @property
    def is_correct(self) -> bool:
        return is_right(self.correct_ids, self.selected)

    @property
    def option_rows(self):
        """Options with the learner's choice and, once answered, whether the option was right."""
        return [
            {
                "id": option_id,
                "text": text,
                "correct": correct,
                "explanation": explanation,
                "checked": option_id in self.selected,
            }
            for option_id, text, correct, explanation in self.options
        ]


def is_right(correct_ids: set[str], selected) -> bool:
    """A question is right only when exactly the right options are chosen: no more, no fewer."""
    return bool(correct_ids) and set(selected) == correct_ids


def question_from_value(question_id: str, value) -> Question:
    """A Question from a quiz block's value; option ids are the ids of its list items."""
    options = [
        (child.id, child.value["text"], child.value["correct"], child.value["explanation"])
        for child in value["options"].bound_blocks
    ]
    return Question(id=question_id, text=value["question"], options=options)


def questions_from_body(body) -> list[Question]:
    return [
        question_from_value(block.id, block.value) for block in body if block.block_type == "quiz"
    ]


def score(questions: list[Question]) -> tuple[int, int]:
    """(right, total) over the lesson's questions."""
    return sum(question.is_correct for question in questions), len(questions)


def percent(right: int, total: int) -> int:
    return round(100 * right / total) if total else 0


class QuizForm(forms.Form):
    """One field per question: radios when one option is right, checkboxes when several are."""

    def __init__(self, questions: list[Question], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            choices = [(option_id, text) for option_id, text, _c, _e in question.options]
            if question.multiple:
                self.fields[question.field_name] = forms.MultipleChoiceField(
                    choices=choices,
                    label=question.text,
                    error_messages={"required": "Choose at least one answer to this question."},
                )
            else:
                self.fields[question.field_name] = forms.ChoiceField(
                    choices=choices,
                    label=question.text,
                    error_messages={"required": "Choose an answer to this question."},
                )

    def answers(self) -> dict[str, list[str]]:
        """Question id -> chosen option ids, from cleaned data."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data[question.field_name]
            answers[question.id] = list(value) if isinstance(value, list) else [value]
        return answers
