"""The form a treatment manager assigns training with, and the upload form's "Practice task"."""

from django import forms
from django.utils import timezone

from accounts.teams import practitioners_managed_by, teams_managed_by
from checklist.enums import Skill
from training.models import Audience, LessonPage, ModulePage

from .models import Assignment

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def assignee_choices(manager):
    people = [(f"practitioner-{p.pk}", str(p)) for p in practitioners_managed_by(manager)]
    teams = [(f"team-{t.pk}", f"Everyone in {t}") for t in teams_managed_by(manager)]
    return [("", "Choose who"), ("Practitioners", people), ("Teams", teams)]


def training_choices():
    """Each practitioners' module, as a whole and lesson by lesson, in the tree's order."""
    choices = [("", "Choose a lesson or module")]
    modules = ModulePage.objects.live().filter(audience=Audience.PRACTITIONER).order_by("path")
    for module in modules:
        lessons = LessonPage.objects.child_of(module).live().order_by("path")
        choices.append(
            (
                module.title,
                [(f"module-{module.pk}", f"The whole module: {module.title}")]
                + [(f"lesson-{lesson.pk}", lesson.title) for lesson in lessons],
            )
        )
    return choices


def split_choice(value):
    """ "lesson-12" -> ("lesson", 12); anything else -> (None, None)."""
    kind, _, pk = (value or "").partition("-")
    return (kind, int(pk)) if pk.isdigit() else (None, None)


class AssignmentForm(forms.Form):
    assignee = forms.ChoiceField(
        label="Assign to", error_messages={"required": "Choose who to assign it to."}
    )
    training = forms.ChoiceField(
        label="Lesson or module",
        error_messages={"required": "Choose the lesson or module to assign."},
    )
    due_date = forms.DateField(
        label="Due date",
        widget=DATE_WIDGET,
        error_messages={
            "required": "Enter the date it is due.",
            "invalid": "Enter the due date as a real date, like 15/01/2026.",
        },
    )
    growth_point = forms.CharField(
        label="Growth point",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What the feedback said to work on.",
    )
    practice_task = forms.CharField(
        label="Practice task",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What to try in the next recorded session. The practitioner tags that "
        "recording to this task, and its feedback shows whether the skill moved.",
    )
    note = forms.CharField(
        label="Note to the practitioner", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    skill = forms.ChoiceField(choices=[("", ""), *Skill.choices], required=False)
    recording = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, manager, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = assignee_choices(manager)
        self.fields["training"].choices = training_choices()
        self.fields["skill"].widget = forms.HiddenInput()

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError("The due date must be today or later.")
        return due

    def clean_training(self):
        kind, pk = split_choice(self.cleaned_data["training"])
        model = {"module": ModulePage, "lesson": LessonPage}.get(kind)
        page = model.objects.live().filter(pk=pk).first() if model else None
        if page is None:
            raise forms.ValidationError("Choose the lesson or module to assign.")
        return page


def practice_task_field(practitioner, initial=None):
    """The upload form's choice of the practitioner's open practice tasks (None without any)."""
    tasks = list(
        Assignment.objects.open_practice_tasks(practitioner).select_related("lesson", "module")
    )
    if not tasks:
        return None
    return forms.ChoiceField(
        label="Practice task",
        required=False,
        choices=[("", "Not for a practice task")]
        + [(str(task.pk), f"{task.target.title}: {task.practice_task[:80]}") for task in tasks],
        initial=initial,
        help_text="Tag this session to a task your manager set, so its feedback shows whether "
        "the skill moved since your previous session.",
    )
