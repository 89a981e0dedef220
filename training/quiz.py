"""A lesson's quiz: drawing and shuffling an attempt, the form, and marking on the server.

The questions, options and right answers always come from the stored lesson, never from the
submission: a submitted option id that the question does not have fails validation, and ids of
questions that are not in this attempt are ignored. Marking is by option id, so the order the
options were shown in never matters.

Each attempt has a seed, chosen by the server when the quiz is shown and carried in a signed
form field: it decides which questions are drawn from the lesson's bank and the order of each
question's options, so a form shown again with errors keeps its questions and order, and a
learner cannot choose the questions they are marked on.
"""

import random
import secrets
from dataclasses import dataclass, field, replace

from django import forms
from django.core import signing
from django.utils.text import Truncator

DEFAULT_PASS_MARK_PERCENT = 80
ATTEMPT_FIELD = "attempt"
SIGNING_SALT = "training.quiz.attempt"


@dataclass
class Question:
    """One quiz block of a lesson, with the learner's answer and its marking when there is one."""

    id: str
    text: str
    options: list  # [(option_id, text, correct, explanation)]
    selected: list = field(default_factory=list)
    answered: bool = False
    # Whether the marking may show the right answers and explanations: only once passed, so a
    # failed attempt says which choices were wrong without giving the rest away.
    reveal: bool = False
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

    @property
    def chosen_rows(self):
        """Only the options the learner chose, each saying whether it was a wrong choice."""
        return [
            {"id": option_id, "text": text, "wrong": not correct}
            for option_id, text, correct, _expl in self.options
            if option_id in self.selected
        ]

    @property
    def missed_some(self) -> bool:
        """Every choice was right, yet the answer is not: a right option was left out."""
        return not self.is_correct and all(not row["wrong"] for row in self.chosen_rows)


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


# ---------------------------------------------------------------- one attempt's questions


def new_seed() -> int:
    return secrets.randbelow(2**31)


def draw(questions: list[Question], count: int | None, seed: int) -> list[Question]:
    """`count` distinct questions of the bank chosen by the seed, kept in the lesson's order
    (later questions may build on earlier ones); all of them when `count` is empty or too big."""
    if not count or count >= len(questions):
        return list(questions)
    chosen = set(random.Random(seed).sample(range(len(questions)), count))
    return [question for i, question in enumerate(questions) if i in chosen]


def shuffled(question: Question, seed: int) -> Question:
    """The question with its options in the order this attempt shows them."""
    options = list(question.options)
    random.Random(f"{seed}:{question.id}").shuffle(options)
    return replace(question, options=options)


def attempt_questions(questions: list[Question], count: int | None, seed: int | None):
    """The questions of the attempt with this seed, options in its order. Attempts made before
    attempts had seeds (seed None) asked every question in the stored order."""
    if seed is None:
        return list(questions)
    return [shuffled(question, seed) for question in draw(questions, count, seed)]


def attempt_token(lesson_id: int, seed: int) -> str:
    return signing.dumps({"lesson": lesson_id, "seed": seed}, salt=SIGNING_SALT)


def seed_from_token(lesson_id: int, token: str | None) -> int | None:
    """The seed the server gave this lesson's quiz form, or None if the token is not one."""
    try:
        data = signing.loads(token or "", salt=SIGNING_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("lesson") != lesson_id:
        return None
    seed = data.get("seed")
    return seed if isinstance(seed, int) else None


# ---------------------------------------------------------------- marking


def score(questions: list[Question]) -> tuple[int, int]:
    """(right, total) over the attempt's questions."""
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


def error_links(questions: list[Question]) -> list[tuple[str, str]]:
    """The quiz's error summary (the `error_summary` tag): each unanswered question's error, with
    its number and first words, linked to its first option, as GOV.UK Frontend links a group of
    radios or tick boxes (the option's id as templates/training/blocks/quiz_question.html writes
    it), so following the link puts the focus where the learner answers."""
    return [
        (
            f"option-{question.options[0][0]}" if question.options else f"question-{question.id}",
            f"{question.error} ({number}. {Truncator(question.text).words(8, truncate=' …')})",
        )
        for number, question in enumerate(questions, start=1)
        if question.error
    ]
