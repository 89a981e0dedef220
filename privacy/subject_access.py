"""A subject-access export: everything the site holds about one person, as one JSON document.

The sections name what they hold (profile, recordings with transcripts and score cards,
reviews, feedback, comments, responses and replies, training, the access log by and about
them, the enrolled voice print); any other table that points at the person (Wagtail's audit
entries, revisions, pages they own, whatever an app adds later) follows under "other_records",
found by its foreign keys, so nothing is left out because this module did not know of it. Audio
files are listed, not included: an administrator can download them from each recording's page.
"""

import json

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from recordings.models import Recording, VoicePrint
from recordings.signals import AccessKind, record_access
from reviews.models import Comment, Reading, Reply, Response, Review
from training.models import LessonCompletion, QuizAttempt, ReflectiveLogEntry

from .access_log import log_subject_access_export
from .models import AccessRecord

# Held elsewhere in the document, or not personal (the password hash is never exported).
USER_FIELDS_LEFT_OUT = {"password"}
# (model label, field name) pairs the named sections already cover.
COVERED = {
    ("accounts.Team", "managers"),
    ("recordings.Recording", "owner"),
    ("recordings.VoicePrint", "owner"),
    ("reviews.Review", "reviewer"),
    ("reviews.Response", "author"),
    ("reviews.Comment", "author"),
    ("reviews.Reply", "author"),
    ("reviews.Reading", "reader"),
    ("training.LessonCompletion", "user"),
    ("training.QuizAttempt", "user"),
    ("training.ReflectiveLogEntry", "user"),
    ("privacy.AccessRecord", "accessor"),
    ("privacy.AccessRecord", "subject"),
}


def row(obj, exclude=()):
    """The object's own columns as plain values (related objects by their ids)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude:
            continue
        value = field.value_from_object(obj)
        if isinstance(value, FieldFile):
            value = value.name
        data[field.attname if field.is_relation else field.name] = value
    return data


def _review(review):
    return {
        **row(review),
        "item_ratings": [row(r, exclude={"review"}) for r in review.item_ratings.all()],
        "skill_ratings": [row(r, exclude={"review"}) for r in review.skill_ratings.all()],
        "feedback_points": [row(p, exclude={"review"}) for p in review.points.all()],
        "responses": [row(r, exclude={"review"}) for r in review.responses.all()],
        "readings": [row(r, exclude={"review"}) for r in review.readings.all()],
        "comments": [row(c, exclude={"review"}) for c in review.comments.all()],
        "replies": [row(r, exclude={"review"}) for r in review.replies.all()],
    }


def _recording(recording):
    try:
        review = _review(recording.review)
    except Review.DoesNotExist:
        review = None
    return {
        **row(recording),
        "transcript": [row(s, exclude={"recording"}) for s in recording.segments.all()],
        "score_cards": [row(c, exclude={"recording"}) for c in recording.scorecards.all()],
        "review": review,
    }


def _voice_print(person):
    voice = VoicePrint.objects.filter(owner=person).first()
    if voice is None:
        return None
    return {
        "about": (
            "A voice print: numbers worked out from a sample of the person's voice, used only to "
            "tell them from the client in their own recordings. The sample was not kept."
        ),
        **row(voice),
    }


def _access(records):
    return [
        {**row(record), "kind_label": record.get_kind_display()}
        for record in records.order_by("accessed_at", "pk")
    ]


def _other_records(person):
    """Rows of any other table with a foreign key to the person, by "app.Model.field"."""
    found = {}
    for model in apps.get_models():
        if model._meta.proxy:  # the same rows as the model it stands for
            continue
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete) or field.auto_created:
                continue
            if field.related_model is not type(person):
                continue
            if (model._meta.label, field.name) in COVERED:
                continue
            rows = [row(obj) for obj in model._default_manager.filter(**{field.name: person})]
            if rows:
                found[f"{model._meta.label}.{field.name}"] = rows
    return found


def _sign_in_records(person):
    """django-axes keeps failed and successful sign-ins by user name, not by foreign key."""
    found = {}
    for label in ("axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        rows = [row(obj) for obj in model.objects.filter(username=person.get_username())]
        if rows:
            found[label] = rows
    return found


def subject_access_data(person) -> dict:
    recordings = Recording.objects.filter(owner=person).order_by("created_at")
    return {
        "about": (
            f"Everything {settings.WAGTAIL_SITE_NAME} holds about one person, exported on "
            "an administrator's request. Audio files are named, not included."
        ),
        "exported_at": timezone.now(),
        "profile": {
            **row(person, exclude=USER_FIELDS_LEFT_OUT),
            "groups": sorted(person.groups.values_list("name", flat=True)),
        },
        "team": row(person.team) if person.team_id else None,
        "teams_managed": [row(team) for team in person.managed_teams.all()],
        "recordings": [_recording(recording) for recording in recordings],
        "reviews_written": [
            _review(review) for review in Review.objects.filter(reviewer=person).order_by("pk")
        ],
        "responses_written": [row(r) for r in Response.objects.filter(author=person)],
        "comments_written": [row(c) for c in Comment.objects.filter(author=person)],
        "replies_written": [row(r) for r in Reply.objects.filter(author=person)],
        "feedback_read": [row(r) for r in Reading.objects.filter(reader=person)],
        "training": {
            "lessons_completed": [row(c) for c in LessonCompletion.objects.filter(user=person)],
            "quiz_attempts": [row(a) for a in QuizAttempt.objects.filter(user=person)],
            "reflective_log": [row(e) for e in ReflectiveLogEntry.objects.filter(user=person)],
        },
        "access_records": {
            "by_them": _access(AccessRecord.objects.filter(accessor=person)),
            "about_them": _access(AccessRecord.objects.filter(subject=person)),
        },
        "voice_print": _voice_print(person),
        "sign_in_records": _sign_in_records(person),
        "other_records": _other_records(person),
    }


def export_subject_access(administrator, person) -> bytes:
    """The export as UTF-8 JSON; the access log records that `administrator` made it."""
    log_subject_access_export(administrator, person)
    record_access(
        administrator,
        AccessKind.SUBJECT_ACCESS_EXPORT,
        Recording.objects.filter(owner=person),
    )
    data = subject_access_data(person)
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False).encode()
