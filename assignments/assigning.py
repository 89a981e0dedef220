"""Making assignments: one per practitioner, to a person or to each member of a team, audited."""

from django.db import transaction
from wagtail.log_actions import log

from accounts.teams import practitioners_managed_by
from training.models import ModulePage

from .completion import complete_finished
from .models import Assignment

ASSIGN = "assignments.assign"


def assignees(manager, practitioner=None, team=None):
    """Who gets the assignment: the practitioner, or the active members of the team whom
    `manager` manages (never the manager themself)."""
    if practitioner is not None:
        return [practitioner]
    return list(practitioners_managed_by(manager).filter(team=team))


@transaction.atomic
def assign(manager, target, due_date, *, practitioner=None, team=None, **details):
    """Assignments of `target` (a lesson or module page) due on `due_date`; `details` are the
    note, skill, growth point, practice task and source recording. Work already done counts."""
    target = target.specific
    target_field = "module" if isinstance(target, ModulePage) else "lesson"
    made = []
    for person in assignees(manager, practitioner, team):
        assignment = Assignment.objects.create(
            practitioner=person,
            assigned_by=manager,
            team=team,
            due_date=due_date,
            **{target_field: target},
            **details,
        )
        log(assignment, ASSIGN, user=manager)
        made.append(assignment)
    for person in {assignment.practitioner for assignment in made}:
        complete_finished(person)
    for assignment in made:
        assignment.refresh_from_db(fields=["completed_at"])
    return made
