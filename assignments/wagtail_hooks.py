"""Assignments in the admin (viewsets.py), their audit-log actions, and what they add to other
apps' pages through those apps' hooks (panels.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from recordings import upload_fields

from . import panels
from .assigning import ASSIGN
from .completion import COMPLETE
from .models import Assignment
from .periodic import SEND_REMINDERS
from .permissions import AdministratorsManagePolicy
from .viewsets import AssignmentViewSet

register_permission_policy(Assignment, AdministratorsManagePolicy(Assignment))


@hooks.register("register_log_actions")
def register_assignment_actions(actions):
    actions.register_action(ASSIGN, "Assign training", "Training assigned")
    actions.register_action(COMPLETE, "Complete assignment", "Assignment completed")


assignment_viewset = AssignmentViewSet("assignments_admin")


@hooks.register("register_admin_viewset")
def register_assignment_viewset():
    return assignment_viewset


hooks.register("dashboard_panels", panels.dashboard_panel)
hooks.register("my_learning_panels", panels.learner_panel)
hooks.register("team_page_panels", panels.team_panel)
hooks.register("feedback_panels", panels.practice_panel)
hooks.register("growth_point_links", panels.assign_lesson_link)
hooks.register(upload_fields.FIELDS_HOOK, panels.upload_fields)
hooks.register(upload_fields.UPLOADED_HOOK, panels.tag_uploaded_recording)


@hooks.register("register_periodic_jobs")
def register_assignments_periodic_jobs():
    return [SEND_REMINDERS]
