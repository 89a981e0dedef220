"""Recordings in the Wagtail admin: the permission policy, the audit-log action and the
administrators' list (recordings.viewsets)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.permissions import AdministratorsOnlyPolicy

from .models import Recording
from .speakers import SPEAKERS_FIXED
from .viewsets import RecordingViewSet

register_permission_policy(Recording, AdministratorsOnlyPolicy(Recording))


@hooks.register("register_log_actions")
def register_recording_actions(actions):
    actions.register_action(
        SPEAKERS_FIXED, "Fix speakers", "Speaker labels corrected by the reviewer"
    )


recording_viewset = RecordingViewSet("recordings_admin")


@hooks.register("register_admin_viewset")
def register_recording_viewset():
    return recording_viewset
