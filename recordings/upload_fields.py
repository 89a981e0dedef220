"""Fields other apps add to the upload form, without the recordings app knowing those apps.

An app registers a Wagtail hook `recording_upload_fields`: a function taking the request and
returning {field name: form field} (the assignments app adds "Practice task", to tag the
session to a task a manager set). And a hook `recording_uploaded`: a function taking
(request, recording, cleaned_data), called once the new recording is saved."""

from wagtail import hooks

FIELDS_HOOK = "recording_upload_fields"
UPLOADED_HOOK = "recording_uploaded"


def extra_fields(request) -> dict:
    fields = {}
    for hook in hooks.get_hooks(FIELDS_HOOK):
        fields.update(hook(request) or {})
    return fields


def uploaded(request, recording, cleaned_data):
    for hook in hooks.get_hooks(UPLOADED_HOOK):
        hook(request, recording, cleaned_data)
