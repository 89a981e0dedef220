"""What assignments add to other apps' pages (core.extensions): the open assignments on the
dashboard and a learner's record, overdue work on the team page, "Assign this lesson" beside
a growth point's lessons, the practice task on the upload form, and on a tagged recording's
feedback whether the skill moved."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from .forms import practice_task_field
from .models import Assignment, PracticeRecording
from .practice import skill_move
from .skills import skill_of

PRACTICE_FIELD = "practice_task"


def _open_of(practitioner):
    return (
        Assignment.objects.filter(practitioner=practitioner)
        .open()
        .select_related("lesson", "module")
    )


def dashboard_panel(request):
    """The home page: a practitioner's open assignments; a manager's overdue ones."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    context = {
        "open": list(_open_of(user)),
        "team_overdue": Assignment.objects.overseen_by(user).overdue().count(),
    }
    if not (context["open"] or context["team_overdue"]):
        return ""
    return render_to_string("assignments/includes/dashboard_panel.html", context, request)


def learner_panel(request, learner):
    """A learner's record of learning: their open assignments, for them and their managers."""
    viewer = getattr(request, "user", None)
    if viewer is None or (viewer.pk != learner.pk and not viewer.manages(learner)):
        return ""
    context = {"open": list(_open_of(learner)), "is_self": viewer.pk == learner.pk}
    return render_to_string("assignments/includes/learner_panel.html", context, request)


def team_panel(request):
    """The team page: overdue assignments of the practitioners the manager manages."""
    overdue = (
        Assignment.objects.overseen_by(request.user)
        .overdue()
        .select_related("practitioner", "lesson", "module")
    )
    return render_to_string(
        "assignments/includes/team_panel.html", {"overdue": list(overdue)}, request
    )


def assign_lesson_link(request, recording, review, skill, lesson):
    """Beside each lesson of a growth point: for the practitioner's managers, assign it."""
    if not request.user.manages(recording.owner):
        return []
    work_on = review.work_on
    query = {
        "practitioner": recording.owner_id,
        "lesson": lesson.pk,
        "skill": skill,
        "recording": recording.pk,
        "growth_point": work_on.text if work_on else "",
    }
    return [("Assign this lesson", f"{reverse('assignments:new')}?{urlencode(query)}")]


def practice_panel(request, recording, review):
    """A recording tagged to a practice task: the skill now and in the previous session."""
    tag = (
        PracticeRecording.objects.filter(recording=recording)
        .select_related("assignment__lesson", "assignment__module")
        .first()
    )
    if tag is None:
        return ""
    assignment = tag.assignment
    skill = skill_of(assignment)
    context = {
        "assignment": assignment,
        "move": skill_move(recording, skill, review) if skill else None,
    }
    return render_to_string("assignments/includes/practice_panel.html", context, request)


def upload_fields(request):
    """The upload form's "Practice task", for a practitioner with open tasks."""
    field = practice_task_field(request.user, initial=request.GET.get("practice"))
    return {PRACTICE_FIELD: field} if field else {}


def tag_uploaded_recording(request, recording, cleaned_data):
    """Tags the new recording to the practice task chosen on the upload form (one of the
    uploader's own open tasks: the field offers no other)."""
    chosen = cleaned_data.get(PRACTICE_FIELD)
    if not chosen:
        return
    assignment = Assignment.objects.open_practice_tasks(recording.owner).filter(pk=chosen).first()
    if assignment is not None:
        PracticeRecording.objects.create(assignment=assignment, recording=recording)
