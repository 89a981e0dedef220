"""A database made by the previous main migrates to this layout and keeps its data: the
checklist moves to its own app, and a shared review's copied scores become a score card."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from checklist.models import ChecklistVersion, SkillsChecklist
from recordings.models import Recording, ScoreCard
from reviews.models import Review

# The previous main's leaf migrations of the apps this layout changed; the checklist app did not
# exist, nor did privacy. Every other app stays at its current leaf.
PREVIOUS_MAIN = {
    "recordings": "0005_editors_do_not_add_checklists",
    "reviews": "0002_review_keeps_the_shared_scores",
    "checklist": None,
    # Did not exist either; its access log points at recordings' latest tables.
    "privacy": None,
}
CHECKLIST_MODELS = ("checklistversion", "skillschecklist", "skillschecklistitem")


def migrate(targets):
    """Migrates the test database to `targets`; returns the historical apps at that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def previous_main_targets():
    """PREVIOUS_MAIN's targets, and for every other app its latest migration that needs nothing
    newer than them (an app added since, whose first migration needs a newer one, stays out)."""
    graph = MigrationExecutor(connection).loader.graph
    allowed = set()
    for app, name in PREVIOUS_MAIN.items():
        if name is not None:
            allowed.update(graph.forwards_plan((app, name)))

    def possible(node):
        return all(
            dependency in allowed
            for dependency in graph.forwards_plan(node)
            if dependency[0] in PREVIOUS_MAIN
        )

    targets = list(PREVIOUS_MAIN.items())
    for app in {app for app, _ in graph.leaf_nodes()} - set(PREVIOUS_MAIN):
        candidates = [node for node in graph.nodes if node[0] == app and possible(node)]
        # The latest possible migration: the one the most others of this app lead up to.
        best = max(candidates, key=lambda node: len(graph.forwards_plan(node)), default=None)
        targets.append((app, best[1] if best else None))
    return targets


def latest_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def rows_of_the_previous_main(apps):
    """A checklist with an item and its version, a scored recording and a review shared with
    a copy of its scores and roles, made with the previous main's models."""
    User = apps.get_model("accounts", "User")
    SkillsChecklist = apps.get_model("recordings", "SkillsChecklist")
    SkillsChecklistItem = apps.get_model("recordings", "SkillsChecklistItem")
    ChecklistVersion = apps.get_model("recordings", "ChecklistVersion")
    Recording = apps.get_model("recordings", "Recording")
    TranscriptSegment = apps.get_model("recordings", "TranscriptSegment")
    ScoreCard = apps.get_model("recordings", "ScoreCard")
    Review = apps.get_model("reviews", "Review")

    owner = User.objects.create(username="pat-before-the-move")
    checklist = SkillsChecklist.objects.create(name="SEEDS skills checklist", notes="Before")
    item = SkillsChecklistItem.objects.create(
        checklist=checklist,
        sort_order=0,
        code="A1",
        skill="structuring",
        title="Check-in",
        behaviour="Asks how the week went.",
    )
    version = ChecklistVersion.objects.create(
        number=7, label="seeds-v7", data={"version": "seeds-v7", "skills": []}
    )
    recording = Recording.objects.create(
        owner=owner,
        session_date=date(2026, 1, 15),
        client_pseudonym="Client before the move",
        consent_given=True,
        consent_statement="Agreed on tape.",
        audio="2026/01/before.wav",
        original_name="session.wav",
        status="ready",
    )
    for index, role in enumerate(["practitioner", "client"]):
        TranscriptSegment.objects.create(
            recording=recording,
            index=index,
            start=index * 5.0,
            end=index * 5.0 + 4,
            text="Hi.",
            role=role,
        )
    scores = {"scorer_version": "before", "items": {"A1": {"present": True}}}
    card = ScoreCard.objects.create(
        recording=recording, checklist_version=version, scorer_version="before", result=scores
    )
    shared = {"result": scores, "roles": {"0": "client", "1": "practitioner"}}
    review = Review.objects.create(
        recording=recording, checklist_version=version, live=True, shared_scores=shared
    )
    content_types = {
        model: ContentType.objects.get_or_create(app_label="recordings", model=model)[0].pk
        for model in CHECKLIST_MODELS
    }
    return {
        "checklist": checklist.pk,
        "item": item.pk,
        "version": version.pk,
        "recording": recording.pk,
        "card": card.pk,
        "review": review.pk,
        "shared": shared,
        "content_types": content_types,
    }


@pytest.mark.django_db(transaction=True)
def test_a_database_of_the_previous_main_migrates_and_keeps_its_data():
    try:
        before = rows_of_the_previous_main(migrate(previous_main_targets()))
        migrate(latest_targets())
    finally:
        # Whatever happened, the tests after this one find the database they expect.
        migrate(latest_targets())

    checklist = SkillsChecklist.objects.get(pk=before["checklist"])
    assert [item.pk for item in checklist.items.all()] == [before["item"]]
    assert checklist.items.get().code == "A1"
    version = ChecklistVersion.objects.get(pk=before["version"])
    assert version.label == "seeds-v7"
    assert ChecklistVersion._meta.db_table == "checklist_checklistversion"

    card = ScoreCard.objects.get(pk=before["card"])
    assert card.checklist_version == version
    # Cards kept from before roles were recorded take the lines' roles.
    assert card.roles == {"0": "practitioner", "1": "client"}

    review = Review.objects.get(pk=before["review"])
    assert review.scorecard is not None
    assert review.scorecard.result == before["shared"]["result"]
    assert review.scorecard.roles == before["shared"]["roles"]
    assert review.scorecard.checklist_version == version
    assert Recording.objects.get(pk=before["recording"]).scorecards.count() == 2
    # transcribed before the window length was kept, when every window was three minutes
    assert Recording.objects.get(pk=before["recording"]).transcription_window_seconds == 180.0

    for model, pk in before["content_types"].items():
        assert ContentType.objects.get(pk=pk).app_label == "checklist", model
    assert not ContentType.objects.filter(app_label="recordings", model__in=CHECKLIST_MODELS)
