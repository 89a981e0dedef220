"""Recordings in the Wagtail admin: the permission policy, the audit-log actions and the
administrators' list (recordings.viewsets). The retention settings register themselves
(`@register_setting` in recordings.models.retention)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.permissions import AdministratorsOnlyPolicy

from .erasure import LOG_ACTIONS as ERASURE_ACTIONS
from .models import Recording
from .speakers import SPEAKERS_FIXED
from .viewsets import RecordingViewSet

register_permission_policy(Recording, AdministratorsOnlyPolicy(Recording))


@hooks.register("register_log_actions")
def register_recording_actions(actions):
    actions.register_action(
        SPEAKERS_FIXED, "Fix speakers", "Speaker labels corrected by the reviewer"
    )
    for action, (label, message) in ERASURE_ACTIONS.items():
        actions.register_action(action, label, message)


recording_viewset = RecordingViewSet("recordings_admin")


@hooks.register("register_admin_viewset")
def register_recording_viewset():
    return recording_viewset
