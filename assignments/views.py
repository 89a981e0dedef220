"""Pages for assignments: a practitioner's own, a manager's team list, and the form a manager
assigns training with (pre-filled from a growth point in feedback).

Who may be assigned what follows accounts.teams: a manager may assign to the practitioners and
teams they manage; anyone else named in the form gets a 404 (core.permissions' rule), and
people who manage nobody are refused the form (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from accounts.teams import practitioners_managed_by, teams_managed_by
from checklist.enums import Skill
from core.permissions import get_or_refuse
from recordings.permissions import reviewable_recordings
from training.models import LessonPage, ModulePage

from .assigning import assign
from .forms import AssignmentForm, split_choice
from .models import Assignment
from .skills import skill_of


def _related(queryset):
    return queryset.select_related("practitioner", "practitioner__team", "lesson", "module")


def _practice_url(assignment):
    """The upload form with this practice task and its skill chosen."""
    query = {"practice": assignment.pk, "skill": skill_of(assignment)}
    return f"{reverse('recordings:upload')}?{urlencode(query)}"


@login_required
def my_assignments(request):
    mine = _related(Assignment.objects.filter(practitioner=request.user))
    open_ = list(mine.open())
    # Practice tasks outlive the lesson: still to record after the lesson is completed.
    practice = list(_related(Assignment.objects.open_practice_tasks(request.user)))
    for assignment in practice:
        assignment.practice_url = _practice_url(assignment)
    return render(
        request,
        "assignments/my_assignments.html",
        {
            "open": open_,
            "practice": practice,
            "completed": mine.completed().order_by("-completed_at"),
            "manages_anyone": practitioners_managed_by(request.user).exists(),
        },
    )


def _refuse_unless_manager(user):
    if not (user.is_treatment_manager or user.is_administrator):
        raise PermissionDenied("Assigning training is for treatment managers.")


@login_required
def team_assignments(request):
    _refuse_unless_manager(request.user)
    overseen = _related(Assignment.objects.overseen_by(request.user))
    return render(
        request,
        "assignments/team_assignments.html",
        {
            "overdue": overseen.overdue(),
            "open": overseen.open().exclude(pk__in=overseen.overdue()),
            "completed": overseen.completed().order_by("-completed_at")[:50],
        },
    )


def _assignee(manager, value):
    """(practitioner, team) named by the form's value; 404 if the manager does not manage them."""
    kind, pk = split_choice(value)
    if kind == "practitioner":
        return get_or_refuse(practitioners_managed_by(manager), pk, what="practitioner"), None
    if kind == "team":
        return None, get_or_refuse(teams_managed_by(manager), pk, what="team")
    return None, None


def _initial(request):
    """The form as a growth point's "Assign this lesson" link fills it in."""
    query = request.GET
    initial = {"growth_point": query.get("growth_point", "")}
    if query.get("skill") in Skill.values:
        initial["skill"] = query["skill"]
    if query.get("practitioner", "").isdigit():
        initial["assignee"] = f"practitioner-{query['practitioner']}"
    for kind, model in (("lesson", LessonPage), ("module", ModulePage)):
        if query.get(kind, "").isdigit() and model.objects.filter(pk=query[kind]).exists():
            initial["training"] = f"{kind}-{query[kind]}"
    if query.get("recording", "").isdigit():
        initial["recording"] = query["recording"]
    return initial


def _source_recording(manager, practitioner, pk):
    """The recording whose feedback the growth point is in, if the manager may review it."""
    if practitioner is None or pk is None:
        return None
    return reviewable_recordings(manager).filter(pk=pk, owner=practitioner).first()


@login_required
def new_assignment(request):
    manager = request.user
    _refuse_unless_manager(manager)
    if request.method == "POST":
        practitioner, team = _assignee(manager, request.POST.get("assignee"))
        form = AssignmentForm(request.POST, manager=manager)
        if form.is_valid():
            data = form.cleaned_data
            made = assign(
                manager,
                data["training"],
                data["due_date"],
                practitioner=practitioner,
                team=team,
                note=data["note"],
                skill=data["skill"],
                growth_point=data["growth_point"],
                practice_task=data["practice_task"],
                source_recording=_source_recording(manager, practitioner, data["recording"]),
            )
            if not made:
                messages.warning(request, f"Nobody in {team} was assigned: it has no members.")
                return redirect(reverse("assignments:team"))
            who = (
                practitioner or f"{len(made)} practitioner{'' if len(made) == 1 else 's'} in {team}"
            )
            messages.success(
                request,
                f"“{data['training'].title}” is assigned to {who}, due "
                f"{data['due_date']:%-d %B %Y}.",
            )
            return redirect(reverse("assignments:team"))
    else:
        initial = _initial(request)
        _assignee(manager, initial.get("assignee"))  # a link naming someone else: 404
        form = AssignmentForm(initial=initial, manager=manager)
    return render(request, "assignments/new_assignment.html", {"form": form})
