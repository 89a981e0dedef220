"""The manager's review: drafts, autosave, sharing, versioned edits, ratings against the
machine, the audit log, speaker fixes, and the "reviews to do" list."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recordings.enums import RecordingStatus, SpeakerRole
from recordings.models import ScoreCard
from recordings.scorecards import score_recording
from reviews.enums import Agreement, Rating
from reviews.models import Review
from scoring import encoder
from scoring.session import READERS_NOT_RUN
from tests.recordings.factories import RecordingFactory

from .conftest import SESSION, first_found_item, post_review, scored_recording

pytestmark = pytest.mark.django_db


def actions_logged(instance):
    return list(
        ModelLogEntry.objects.for_instance(instance)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


def test_review_page_shows_player_transcript_evidence_and_metrics(client, people, recording):
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:review", args=[recording.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'src="/recordings/{recording.pk}/audio/"' in html
    assert "Before we start, how have you been since last week?" in html
    assert 'data-testid="evidence-link"' in html
    assert 'data-seek="0.0"' in html, "evidence of the check-in jumps to its moment"
    assert "Reflections to questions" in html and "1:1 fair, 2:1 good" in html
    assert "Machine proposes: Satisfactory" in html


def test_a_saved_draft_is_not_shown_to_the_practitioner(client, people, recording):
    client.force_login(people["manager"])
    response = post_review(client, recording, action="save")
    assert response.status_code == 302
    review = Review.objects.get(recording=recording)
    assert not review.live
    assert review.revisions.count() == 1

    client.force_login(people["practitioner"])
    assert client.get(reverse("reviews:feedback", args=[recording.pk])).status_code == 404
    listing = client.get(reverse("recordings:list")).content.decode()
    assert "Read the feedback" not in listing


def test_autosave_replaces_the_reviewers_own_draft_instead_of_piling_up(client, people, recording):
    client.force_login(people["manager"])
    autosave = {"X-Requested-With": "autosave"}
    first = post_review(client, recording, headers=autosave, work_on="Draft one")
    second = post_review(client, recording, headers=autosave, work_on="Draft two")
    assert first.status_code == second.status_code == 200
    assert "saved_at" in second.json()
    review = Review.objects.get(recording=recording)
    assert review.revisions.count() == 1
    assert review.get_latest_revision_as_object().work_on.text == "Draft two"


def test_sharing_publishes_and_later_edits_are_new_versions_unseen_until_shared(
    client, people, recording
):
    client.force_login(people["manager"])
    post_review(client, recording, action="share", work_on="Ask open questions.")
    review = Review.objects.get(recording=recording)
    assert review.live
    shared_revision = review.live_revision

    post_review(client, recording, action="save", work_on="Ask one open question at a time.")
    review.refresh_from_db()
    assert review.revisions.count() == 2
    assert review.has_unpublished_changes
    assert review.live_revision == shared_revision

    client.force_login(people["practitioner"])
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert "Ask open questions." in page
    assert "one open question at a time" not in page

    client.force_login(people["manager"])
    post_review(client, recording, action="share", work_on="Ask one open question at a time.")
    client.force_login(people["practitioner"])
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert "Ask one open question at a time." in page
    assert review.revisions.count() == 3


def test_sharing_needs_the_feedback_shape(client, people, recording):
    client.force_login(people["manager"])
    response = post_review(
        client,
        recording,
        action="share",
        work_on_example="",
        skill_structuring="",
        went_well_1_at="",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give an example of what it could have sounded like." in html
    assert "Give an overall rating for Structuring." in html, "structuring was practised"
    assert "Choose the moment of what went well." in html
    assert not Review.objects.filter(recording=recording, live=True).exists()


def test_points_are_anchored_to_transcript_moments(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    review = Review.objects.get(recording=recording)
    went_well = review.went_well
    assert [(p.line, p.at) for p in went_well] == [(0, 0.0), (2, 10.0)]
    work_on = review.work_on
    assert (work_on.line, work_on.at) == (4, 20.0)
    assert work_on.example == "What happened after you handed in the form?"


def test_ratings_record_whether_they_confirm_or_override_the_machine(client, people, recording):
    found = first_found_item(recording)
    items = ScoreCard.objects.latest_for(recording).items
    prompt = next(code for code, item in items.items() if item["mode"] != "verdict")
    missed = next(
        code
        for code, item in items.items()
        if item["mode"] == "verdict" and not item["present"] and not item["counts_against"]
    )
    client.force_login(people["manager"])
    post_review(
        client,
        recording,
        action="share",
        **{f"item_{found}": "missed_opportunity", f"item_{prompt}": "satisfactory"},
        **{f"item_{missed}": "satisfactory"},
    )
    review = Review.objects.get(recording=recording)
    overridden = review.item_rating(found)
    assert overridden.machine_proposal == Rating.SATISFACTORY
    assert overridden.agreement == Agreement.OVERRIDDEN
    assert review.item_rating(prompt).agreement == "", "prompts are never confirm/override"
    assert review.item_rating(missed).agreement == Agreement.MISSED

    post_review(client, recording, action="share", **{f"item_{found}": "satisfactory"})
    review = Review.objects.get(recording=recording)
    assert review.item_rating(found).agreement == Agreement.CONFIRMED


def test_every_step_is_in_the_audit_log(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="save")
    post_review(client, recording, action="save", went_well_2="Kept it short.")
    post_review(client, recording, action="share", skill_structuring="needs_improvement")
    review = Review.objects.get(recording=recording)
    client.force_login(people["practitioner"])
    client.post(reverse("reviews:respond", args=[recording.pk]), {"text": "Thanks, will try."})
    client.post(reverse("reviews:mark_read", args=[recording.pk]))

    assert actions_logged(review) == [
        "wagtail.edit",
        "reviews.rate",
        "wagtail.edit",  # only the wording changed: no new "rate" entry
        "wagtail.edit",
        "reviews.rate",
        "reviews.share",
        "reviews.respond",
        "reviews.read",
    ]
    share = ModelLogEntry.objects.for_instance(review).get(action="reviews.share")
    assert share.user == people["manager"]
    assert share.message == "Feedback shared with the practitioner"


def test_speaker_fixes_on_the_review_page_rescore_are_logged_and_come_back(
    client, people, recording
):
    client.force_login(people["manager"])
    review_page = reverse("reviews:review", args=[recording.pk])
    page = client.get(review_page).content.decode()
    swap_url = reverse("reviews:swap_speakers", args=[recording.pk])
    assert f'action="{swap_url}"' in page
    before = ScoreCard.objects.latest_for(recording).result["codes"]

    response = client.post(swap_url)
    assert response.status_code == 302
    assert response.url == review_page + "#transcript"
    assert recording.segments.get(index=0).role == SpeakerRole.CLIENT
    assert ScoreCard.objects.latest_for(recording).result["codes"] != before

    response = client.post(
        reverse("reviews:reassign_line", args=[recording.pk, 0]),
        {"role": "practitioner"},
    )
    assert response.url == review_page + "#line-0"
    assert recording.segments.get(index=0).role == SpeakerRole.PRACTITIONER
    assert actions_logged(recording) == [
        "recordings.speakers_fixed",
        "recordings.speakers_fixed",
    ]


def test_the_recording_page_has_no_speaker_endpoints_of_its_own(client, people, recording):
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("recordings:swap_speakers", args=[1])
    client.force_login(people["manager"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert reverse("reviews:swap_speakers", args=[recording.pk]) not in page
    assert reverse("reviews:review", args=[recording.pk]) in page


def test_reviews_to_do_lists_unshared_ready_recordings_of_my_teams_oldest_first(
    client, people, recording
):
    older = scored_recording(people["colleague"], client_pseudonym="Older")
    older.created_at = recording.created_at.replace(year=2025)
    older.save(update_fields=["created_at"])
    scored_recording(people["other_practitioner"], client_pseudonym="Elsewhere")
    scored_recording(
        people["practitioner"], client_pseudonym="Still processing", status=RecordingStatus.QUEUED
    )
    shared = scored_recording(people["practitioner"], client_pseudonym="Already shared")
    client.force_login(people["manager"])
    post_review(client, shared, action="share")
    post_review(client, recording, action="save")

    page = client.get(reverse("reviews:queue")).content.decode()
    assert page.index("Older") < page.index("Client A")
    assert reverse("reviews:review", args=[recording.pk]) in page
    assert "Draft" in page, "a draft review is still to do"
    for absent in ("Elsewhere", "Still processing", "Already shared"):
        assert absent not in page


def test_a_recording_still_processing_cannot_be_reviewed_yet(client, people):
    queued = scored_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    client.force_login(people["manager"])
    response = client.get(reverse("reviews:review", args=[queued.pk]))
    assert response.status_code == 302
    assert response.url == queued.get_absolute_url()


def test_reopening_the_review_page_shows_the_draft_as_left(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="save", item_A1="missed_opportunity")
    form = client.get(reverse("reviews:review", args=[recording.pk])).context["form"]
    assert form["item_A1"].value() == "missed_opportunity"
    assert form["skill_structuring"].value() == "satisfactory"
    assert form["went_well_2"].value() == "Specific praise for going to the job centre."
    assert form["work_on_at"].value() == "0:20"


def test_recordings_admin_exports_csv(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    client.force_login(people["admin"])
    export = client.get("/admin/recordings_admin/?export=csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0].startswith("Id,Owner,Team,Date of the session,Client pseudonym,Status")
    assert any("North" in line and "Client A" in line for line in lines[1:])


def test_a_scoring_on_the_rules_alone_is_flagged_on_the_review_page(
    client, people, recording, monkeypatch
):
    client.force_login(people["manager"])
    page = reverse("reviews:review", args=[recording.pk])
    assert 'data-testid="scorer-note"' not in client.get(page).content.decode()
    monkeypatch.setattr(encoder, "embedder_available", lambda: False)
    score_recording(recording)
    html = client.get(page).content.decode()
    assert 'data-testid="scorer-note"' in html
    assert READERS_NOT_RUN in html


def test_evidence_that_counts_against_is_marked_so_on_the_review_page(client, people):
    # the client holds the practitioner to an undertaking not done: C5 counts against, and the
    # page says so beside the quoted turn rather than showing it as evidence the item was shown
    reminded = RecordingFactory(
        owner=people["practitioner"],
        scored=True,
        lines=[
            *SESSION[:2],
            ("B", SpeakerRole.CLIENT, "And you said last week you'd do my housing letter."),
            ("A", SpeakerRole.PRACTITIONER, "Did I? Sorry, it's been mad. I'll look into it."),
        ],
    )
    assert ScoreCard.objects.latest_for(reminded).items["C5"]["verdict"] == "counts against"
    client.force_login(people["manager"])
    html = client.get(reverse("reviews:review", args=[reminded.pk])).content.decode()
    c5 = html[html.index('data-testid="item-C5"') :].split('data-testid="item-C6"')[0]
    assert "you said last week you&#x27;d do my housing letter" in c5
    assert "(counts against)" in c5
    assert (
        "(counts against)"
        not in html[html.index('data-testid="item-A1"') :].split('data-testid="item-A2"')[0]
    )
