"""Recordings in the Wagtail admin: the permission policy, the audit-log actions and the Practice
menu (recordings.viewsets) with the administrators' list of recordings, the checklist and teams.
The retention settings register themselves (`@register_setting` in recordings.models.retention)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from accounts.permissions import AdministratorsOnlyPolicy

from .corrections import LOG_ACTIONS as CORRECTION_ACTIONS
from .erasure import LOG_ACTIONS as ERASURE_ACTIONS
from .models import Recording
from .periodic import REQUEUE_STALE, RETENTION
from .speakers import LOG_ACTIONS as SPEAKER_ACTIONS
from .viewsets import PracticeViewSetGroup
from .voices import LOG_ACTIONS as VOICE_ACTIONS

register_permission_policy(Recording, AdministratorsOnlyPolicy(Recording))


@hooks.register("register_log_actions")
def register_recording_actions(actions):
    # Each module that writes to the audit log declares its actions beside the code that logs
    # them; they are registered here, in one loop.
    for module_actions in (CORRECTION_ACTIONS, ERASURE_ACTIONS, SPEAKER_ACTIONS, VOICE_ACTIONS):
        for action, (label, message) in module_actions.items():
            actions.register_action(action, label, message)


# Through register_snippet, because the group holds the checklist and team snippets, which must
# be registered as snippets before the admin loads (their permissions and choosers need it).
register_snippet(PracticeViewSetGroup)


@hooks.register("register_periodic_jobs")
def register_recordings_periodic_jobs():
    return [REQUEUE_STALE, RETENTION]
