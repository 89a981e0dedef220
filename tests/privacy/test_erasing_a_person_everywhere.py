"""Erasing a person leaves no text of theirs in any table: every text and JSON column of every
model is searched after the person's user is deleted, with a trail in every app a practitioner
touches (recording, transcript, review, response, comment and reply, notifications, assignment
and practice task, self-assessment, reflection, access log, calibration copy, sign-in attempts)."""

import json

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.db import models

from recordings.signals import AccessKind, record_access
from reviews import commenting, reviewing
from reviews.models import SelfAssessment
from tests.accounts.factories import PractitionerFactory
from tests.assignments.factories import AssignmentFactory, PracticeRecordingFactory
from tests.calibration.factories import CalibrationConsentFactory, CalibrationExerciseFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import ReflectiveLogEntryFactory

pytestmark = pytest.mark.django_db

PSEUDONYM = "Zebedee Quill"
TRACES = ("Perdita", "Øyelaran", "perdita@example.org", PSEUDONYM)
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def every_text_in_the_database():
    """Each model's text and JSON columns, as one string per row."""
    found = []
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not fields or model._meta.proxy:
            continue
        for row in model._base_manager.values_list(*fields):
            found.append((model._meta.label, json.dumps(row, ensure_ascii=False, default=str)))
    return found


def test_deleting_a_practitioner_leaves_no_text_of_theirs_in_any_table(people, team):
    person = PractitionerFactory(
        username="perdita", first_name="Perdita", last_name="Øyelaran", team=team
    )
    manager = people["manager"]
    recording = RecordingFactory(
        owner=person,
        scored=True,
        client_pseudonym=PSEUDONYM,
        lines=[
            ("SPEAKER_00", "practitioner", "Hello Zebedee, I'm Perdita, your probation officer."),
            ("SPEAKER_01", "client", "Hi Perdita."),
        ],
    )
    review = ReviewFactory(recording=recording, reviewer=manager, shared=True)
    reviewing.respond(review, person, "Thanks, Perdita here: I will try a reflection first.")
    comment = commenting.add_comment(review, manager, text="Perdita, well done.", at=0.0, line=0)
    commenting.reply(review, person, "Thanks, Perdita here.", comment=comment)
    SelfAssessment.objects.create(
        recording=recording,
        ratings={},
        proudest_line=0,
        proudest_note="When I, Perdita, checked in.",
        redo_line=1,
    )
    AssignmentFactory(practitioner=person, assigned_by=manager, note="Perdita: see the lesson.")
    PracticeRecordingFactory(assignment__practitioner=person)
    ReflectiveLogEntryFactory(user=person, text="Perdita's reflection on Zebedee Quill.")
    record_access(manager, AccessKind.REVIEW_PAGE, [recording])
    record_access(person, AccessKind.RECORDING_PAGE, [recording])
    consented = RecordingFactory(owner=person, scored=True, client_pseudonym=PSEUDONYM)
    CalibrationConsentFactory(recording=consented)
    CalibrationExerciseFactory(recording=consented)
    AccessAttempt.objects.create(
        username="perdita", ip_address="127.0.0.1", user_agent="test", failures_since_start=1
    )
    before = every_text_in_the_database()
    assert any("Perdita" in text for _model, text in before)  # the trail is really there

    person.delete()

    left = [
        (model, trace)
        for model, text in every_text_in_the_database()
        for trace in TRACES
        if trace in text
    ]
    assert left == []
