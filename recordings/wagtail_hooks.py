"""Recordings in the Wagtail admin: the permission policy, the audit-log actions and the Practice
menu (recordings.viewsets) with the administrators' list of recordings, the checklist and teams.
The retention settings register themselves (`@register_setting` in recordings.models.retention)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from accounts.permissions import AdministratorsOnlyPolicy

from .erasure import LOG_ACTIONS as ERASURE_ACTIONS
from .models import Recording
from .periodic import REQUEUE_STALE, RETENTION
from .speakers import SPEAKERS_FIXED
from .viewsets import PracticeViewSetGroup
from .voices import LOG_ACTIONS as VOICE_ACTIONS

register_permission_policy(Recording, AdministratorsOnlyPolicy(Recording))


@hooks.register("register_log_actions")
def register_recording_actions(actions):
    actions.register_action(
        SPEAKERS_FIXED, "Fix speakers", "Speaker labels corrected by the reviewer"
    )
    for action, (label, message) in ERASURE_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_log_actions")
def register_voice_actions(actions):
    for action, (label, message) in VOICE_ACTIONS.items():
        actions.register_action(action, label, message)


# Through register_snippet, because the group holds the checklist and team snippets, which must
# be registered as snippets before the admin loads (their permissions and choosers need it).
register_snippet(PracticeViewSetGroup)


@hooks.register("register_periodic_jobs")
def register_recordings_periodic_jobs():
    return [REQUEUE_STALE, RETENTION]
