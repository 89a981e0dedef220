"""Erasing a person: when a user is deleted (in the Wagtail admin or anywhere else), their
personal text goes from Wagtail's audit entries and from the task backend's rows, and the sign-in
throttle's records of their username go too.

Their recordings go with them (the database cascades, the model's post_delete deletes the audio).
What would remain is text that names them: audit entries whose label or data holds their name,
their e-mail address, or a recording of theirs ("Client A, 15 Jan 2026"), and task rows whose
arguments, results or errors hold it. Entries about the person or their recordings keep the
action, time and actor, under a label with no personal content; the text is replaced everywhere
else. Runs on the user's pre_delete, while their recordings can still be read.

Scrubbing is by whole words (a username "pat" is not taken out of "patience"). In the audit log
the bare client pseudonym and the username are scrubbed only from entries about the person's own
objects, since other practitioners' clients may share a pseudonym such as "Client A"; task rows,
which are only operational records, lose every occurrence.
"""

import json
import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from wagtail.log_actions import registry

from .models import Recording

ERASED = "[erased]"


def _texts(*values):
    """Distinct, non-trivial texts, longest first (so "Pat Smith" goes before "Pat")."""
    found = {value.strip() for value in values if value and len(value.strip()) >= 3}
    return sorted(found, key=len, reverse=True)


def _pattern(texts):
    if not texts:
        return None
    alternatives = "|".join(re.escape(text) for text in texts)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _scrub(value, pattern):
    """`value` (a string, or JSON data) with every match of `pattern` replaced."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, dict):
        return {key: _scrub(item, pattern) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, pattern) for item in value]
    return value


def _mentions(fields, texts):
    """A filter for rows whose text `fields` (JSON fields cast to text) may mention any text;
    JSON may hold non-ASCII characters escaped, so both spellings are looked for."""
    query = Q()
    for text in texts:
        for spelling in {text, json.dumps(text)[1:-1]}:
            for field in fields:
                query |= Q(**{f"{field}__icontains": spelling})
    return query


class PersonalText:
    """What names a person: `everywhere` is scrubbed from every row, `own` only from rows about
    the person's own objects."""

    def __init__(self, user):
        recordings = list(Recording.objects.filter(owner=user))
        self.recording_ids = [str(recording.pk) for recording in recordings]
        self.everywhere = _texts(
            user.get_full_name(), user.email, *(str(recording) for recording in recordings)
        )
        self.own = _texts(
            *self.everywhere,
            user.username,
            user.first_name,
            user.last_name,
            *(recording.client_pseudonym for recording in recordings),
            *(recording.original_name for recording in recordings),
        )


def _recording_content_types():
    recording_models = [
        model
        for model in apps.get_models()
        if issubclass(model, Recording) and (model is Recording or model._meta.proxy)
    ]
    return ContentType.objects.get_for_models(*recording_models, for_concrete_models=False)


def _scrub_log_entries(user, texts: PersonalText):
    user_type = ContentType.objects.get_for_model(user, for_concrete_model=False)
    everywhere, own = _pattern(texts.everywhere), _pattern(texts.own)
    for log_model in registry.get_log_entry_models():
        entries = log_model.objects.annotate(data_text=Cast("data", models.TextField()))
        if any(field.name == "object_id" for field in log_model._meta.get_fields()):
            about_user = Q(content_type=user_type, object_id=str(user.pk))
            about_recordings = Q(
                content_type__in=_recording_content_types().values(),
                object_id__in=texts.recording_ids,
            )
            for entry in entries.filter(about_user):
                entry.label = f"Erased user {user.pk}"
                entry.data = _scrub(entry.data, own)
                entry.save(update_fields=["label", "data"])
            for entry in entries.filter(about_recordings):
                entry.label = f"Recording {entry.object_id}"
                entry.data = _scrub(entry.data, own)
                entry.save(update_fields=["label", "data"])
        if not texts.everywhere:
            continue
        for entry in entries.filter(_mentions(["label", "data_text"], texts.everywhere)):
            entry.label = _scrub(entry.label, everywhere)
            entry.data = _scrub(entry.data, everywhere)
            entry.save(update_fields=["label", "data"])


def _scrub_task_rows(texts: PersonalText):
    if not apps.is_installed("django_tasks_db"):
        return  # other backends (Redis) expire their results themselves
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .tasks import process_recording

    # The finished processing jobs of their recordings tell nothing anyone needs any more.
    finished = DBTaskResult.objects.filter(
        task_path=process_recording.module_path,
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
    )
    their_recordings = set(texts.recording_ids)
    for row in finished.only("id", "args_kwargs"):
        args = (row.args_kwargs or {}).get("args") or []
        if args and str(args[0]) in their_recordings:
            row.delete()
    if not texts.own:
        return
    pattern = _pattern(texts.own)
    rows = DBTaskResult.objects.annotate(
        args_text=Cast("args_kwargs", models.TextField()),
        return_text=Cast("return_value", models.TextField()),
    ).filter(_mentions(["args_text", "return_text", "traceback"], texts.own))
    for row in rows:
        row.args_kwargs = _scrub(row.args_kwargs, pattern)
        row.return_value = _scrub(row.return_value, pattern)
        row.traceback = _scrub(row.traceback, pattern)
        row.save(update_fields=["args_kwargs", "return_value", "traceback"])


def _forget_sign_in_records(user):
    """The sign-in throttle's records (django-axes) name the person by username."""
    if not apps.is_installed("axes"):
        return
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=user.get_username()).delete()


@transaction.atomic
def erase_person_text(user):
    """Removes `user`'s personal text from audit entries, task rows and sign-in records (call
    before deleting the user)."""
    texts = PersonalText(user)
    _scrub_log_entries(user, texts)
    _scrub_task_rows(texts)
    _forget_sign_in_records(user)


def erase_person_text_before_delete(sender, instance, **kwargs):
    erase_person_text(instance)
