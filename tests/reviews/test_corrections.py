"""Correcting a transcript from the review page: a line's words, a split at a word, a merge with
the next line, the speaker of a run of lines. Each keeps what the machine heard, is audited
(who, what; never the words), re-scores the recording, and answers the page's script with the
lines that changed or a plain form with a redirect back to the line."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recordings import processing
from recordings.enums import SpeakerRole
from recordings.models import ScoreCard
from reviews.models import Comment
from tests.recordings.factories import RecordingFactory

from .conftest import SESSION
from .factories import ReviewFactory

pytestmark = pytest.mark.django_db

FETCH = {"X-Requested-With": "corrections"}
SUMMARY_ITEM = "A8"


def audit(recording, action):
    return list(
        ModelLogEntry.objects.for_instance(recording)
        .filter(action=action)
        .values_list("user__username", "data")
    )


def url(name, recording, *args):
    return reverse(f"reviews:{name}", args=[recording.pk, *args])


def lines(recording):
    return [(s.index, s.text) for s in recording.segments.all()]


@pytest.fixture
def manager(client, people):
    client.force_login(people["manager"])
    return people["manager"]


def test_correcting_words_keeps_the_machines_text_and_logs_who_did_it(client, manager, recording):
    response = client.post(
        url("correct_words", recording, 3), {"text": "They had a warehouse job. I applied!"}
    )
    assert response.url == url("review", recording) + "#line-3"
    line = recording.segments.get(index=3)
    assert line.text == "They had a warehouse job. I applied!"
    assert line.machine_text == SESSION[3][2]
    assert audit(recording, "recordings.words_corrected") == [
        ("mel", {"line": 3, "words_before": 7, "words_after": 7})
    ]


def test_the_review_page_shows_a_corrected_line_and_what_the_machine_heard(
    client, manager, recording
):
    client.post(url("correct_words", recording, 5), {"text": "Not yet, no."})
    page = client.get(url("review", recording)).content.decode()
    assert 'data-testid="corrected-5"' in page
    assert 'data-testid="original-5">Not yet.</p>' in page
    assert 'data-testid="corrected-4"' not in page


def test_a_second_correction_still_keeps_the_first_machine_text(client, manager, recording):
    client.post(url("correct_words", recording, 5), {"text": "Not yet, no."})
    client.post(url("correct_words", recording, 5), {"text": "No, not yet."})
    assert recording.segments.get(index=5).machine_text == "Not yet."


# A session whose summary draws together what the client said, had Whisper not misheard it.
MISHEARD_SUMMARY = [
    ("A", SpeakerRole.PRACTITIONER, "Before we start, how have you been since last week?"),
    ("B", SpeakerRole.CLIENT, "I went to the job centre on Monday."),
    ("A", SpeakerRole.PRACTITIONER, "Well done. What happened there?"),
    ("B", SpeakerRole.CLIENT, "They had a warehouse job, so I applied."),
    ("A", SpeakerRole.PRACTITIONER, "How do you feel about it?"),
    ("B", SpeakerRole.CLIENT, "Nervous about the interview on Friday."),
    ("A", SpeakerRole.PRACTITIONER, "So to summer, you went to the job centre, applied for the "
     "warehouse job, and the interview on Friday makes you nervous."),
    ("A", SpeakerRole.PRACTITIONER, "Before next time, what might get in the way?"),
]  # fmt: skip


def test_correcting_the_words_to_what_was_said_makes_the_summary_found(client, manager, people):
    recording = RecordingFactory(owner=people["practitioner"], scored=True, lines=MISHEARD_SUMMARY)
    assert not ScoreCard.objects.latest_for(recording).items[SUMMARY_ITEM]["present"]
    heard = recording.segments.get(index=6).text

    client.post(
        url("correct_words", recording, 6), {"text": heard.replace("So to summer", "So to sum up")}
    )

    summary = ScoreCard.objects.latest_for(recording).items[SUMMARY_ITEM]
    assert summary["present"]
    assert [e["utterance"] for e in summary["evidence"]] == [6]
    assert summary["evidence"][0]["text"].startswith("So to sum up")


def test_edited_words_get_times_inside_the_line_so_the_highlight_follows(
    client, manager, recording
):
    client.post(url("correct_words", recording, 5), {"text": "Not yet, no."})
    line = recording.segments.get(index=5)
    assert [w["text"].strip() for w in line.words] == ["Not", "yet,", "no."]
    assert line.words[0]["start"] == line.start and line.words[-1]["end"] == line.end
    assert all(a["end"] <= b["start"] for a, b in zip(line.words, line.words[1:], strict=False))


def test_the_same_words_again_change_nothing_and_log_nothing(client, manager, recording):
    cards = recording.scorecards.count()
    response = client.post(
        url("correct_words", recording, 5), {"text": " Not  yet. "}, headers=FETCH
    )
    assert response.json()["changed"] == []
    assert recording.segments.get(index=5).machine_text == ""
    assert recording.scorecards.count() == cards
    assert audit(recording, "recordings.words_corrected") == []


def test_empty_words_are_refused_and_change_nothing(client, manager, recording):
    response = client.post(url("correct_words", recording, 5), {"text": "  "}, headers=FETCH)
    assert response.status_code == 400
    assert "merge" in response.json()["error"]
    assert recording.segments.get(index=5).text == "Not yet."
    assert audit(recording, "recordings.words_corrected") == []


def test_splitting_a_line_makes_a_new_line_after_it_with_the_same_speaker(
    client, manager, recording
):
    cards = recording.scorecards.count()
    response = client.post(url("split_line", recording, 3), {"at": "5"}, headers=FETCH)
    body = response.json()
    assert body["changed"] == [3, 8] and body["removed"] == []
    assert lines(recording)[3:5] == [(3, "They had a warehouse job."), (8, "I applied.")]
    first, second = recording.segments.get(index=3), recording.segments.get(index=8)
    assert first.end <= second.start
    assert second.role == first.role == SpeakerRole.CLIENT
    assert first.machine_text == second.machine_text == SESSION[3][2]
    assert recording.scorecards.count() == cards + 1
    assert audit(recording, "recordings.line_split") == [
        ("mel", {"line": 3, "new_line": 8, "at_word": 5})
    ]


@pytest.mark.parametrize("at", ["0", "7", "x", ""])
def test_a_split_outside_the_line_is_refused(client, manager, recording, at):
    response = client.post(url("split_line", recording, 3), {"at": at})
    assert response.url == url("review", recording) + "#line-3"
    assert len(lines(recording)) == len(SESSION)
    assert audit(recording, "recordings.line_split") == []


def test_merging_joins_a_line_with_the_next_and_keeps_both_machine_texts(
    client, manager, recording
):
    response = client.post(url("merge_lines", recording, 4), headers=FETCH)
    assert response.json()["changed"] == [4] and response.json()["removed"] == [5]
    merged = recording.segments.get(index=4)
    assert merged.text == f"{SESSION[4][2]} {SESSION[5][2]}"
    assert merged.machine_text == merged.text
    assert not recording.segments.filter(index=5).exists()
    assert audit(recording, "recordings.lines_merged") == [("mel", {"line": 4, "merged_line": 5})]


def test_a_split_line_merges_back_with_the_line_said_after_it(client, manager, recording):
    client.post(url("split_line", recording, 3), {"at": "5"})
    client.post(url("merge_lines", recording, 3))
    assert lines(recording)[3] == (3, SESSION[3][2])
    assert [index for index, _ in lines(recording)] == [0, 1, 2, 3, 4, 5, 6, 7]


def test_a_line_number_is_never_given_to_another_line_after_a_merge(client, manager, recording):
    client.post(url("merge_lines", recording, 6))  # line 7, the highest, is merged into 6
    client.post(url("split_line", recording, 0), {"at": "3"})
    assert recording.segments.filter(index=7).count() == 0
    assert recording.segments.get(index=8).text == "how have you been since last week?"


def test_the_last_line_cannot_be_merged(client, manager, recording):
    response = client.post(url("merge_lines", recording, 7), headers=FETCH)
    assert response.status_code == 400
    assert audit(recording, "recordings.lines_merged") == []


def test_reassigning_a_range_moves_every_line_in_it_and_is_logged_once(client, manager, recording):
    response = client.post(
        url("reassign_range", recording), {"first": "5", "last": "1", "role": "practitioner"}
    )
    assert response.url == url("review", recording) + "#line-1"
    roles = dict(recording.segments.values_list("index", "role"))
    assert [roles[i] for i in range(1, 6)] == [SpeakerRole.PRACTITIONER] * 5
    assert roles[0] == roles[6] == SpeakerRole.PRACTITIONER  # unchanged, as they were
    assert ScoreCard.objects.latest_for(recording).roles["3"] == SpeakerRole.PRACTITIONER
    assert audit(recording, "recordings.speakers_fixed") == [
        ("mel", {"lines": [1, 5], "role": "practitioner", "changed": 3})
    ]


def test_a_range_follows_the_order_lines_were_said_after_a_split(client, manager, recording):
    client.post(url("split_line", recording, 3), {"at": "5"})  # line 8 is said after line 3
    response = client.post(
        url("reassign_range", recording),
        {"first": "8", "last": "4", "role": "client"},
        headers=FETCH,
    )
    assert sorted(response.json()["changed"]) == [4]
    assert recording.segments.get(index=7).role == SpeakerRole.PRACTITIONER


@pytest.mark.parametrize(
    "data", [{"first": "1", "last": "99", "role": "client"}, {"first": "1", "last": "2"}]
)
def test_a_range_with_an_unknown_line_or_role_is_refused(client, manager, recording, data):
    response = client.post(url("reassign_range", recording), data, headers=FETCH)
    assert response.status_code == 400
    assert audit(recording, "recordings.speakers_fixed") == []


def test_the_page_script_gets_the_lines_a_swap_changed(client, manager, recording):
    response = client.post(url("swap_speakers", recording), headers=FETCH)
    assert response.json()["changed"] == list(range(8))
    assert "swapped" in response.json()["message"]


def test_a_correction_whose_rescoring_fails_is_undone_and_not_logged(
    client, manager, recording, monkeypatch
):
    def broken_rescore(recording):
        raise RuntimeError("scorer crashed")

    monkeypatch.setattr(processing, "rescore", broken_rescore)
    client.raise_request_exception = False
    assert client.post(url("correct_words", recording, 5), {"text": "No."}).status_code == 500
    assert recording.segments.get(index=5).text == "Not yet."
    assert ModelLogEntry.objects.for_instance(recording).count() == 0


def test_comments_at_a_moment_follow_their_line_through_a_split_and_a_merge(
    client, manager, recording
):
    review = ReviewFactory(recording=recording, reviewer=manager)
    early = Comment.objects.create(review=review, author=manager, at=15.5, line=3, text="Early")
    late = Comment.objects.create(review=review, author=manager, at=18.5, line=3, text="Late")
    on_next = Comment.objects.create(review=review, author=manager, at=20.5, line=4, text="Next")

    client.post(url("split_line", recording, 3), {"at": "5"})
    new_line = recording.segments.get(index=8)
    assert new_line.start <= 18.5
    assert [c.line for c in Comment.objects.filter(pk__in=[early.pk, late.pk]).order_by("at")] == [
        3,
        8,
    ]

    client.post(url("merge_lines", recording, 8))  # line 4 joins line 8
    on_next.refresh_from_db()
    assert on_next.line == 8


def test_where_both_people_talked_follows_each_half_of_a_split_and_the_merge(
    client, manager, recording
):
    line = recording.segments.get(index=3)  # "They had a warehouse job. I applied."
    length = line.end - line.start
    early = [line.start + 0.1 * length, line.start + 0.3 * length]  # "had a"
    late = [line.end - 0.1 * length, line.end]  # "applied."
    line.overlaps = [early, late]
    line.save()

    client.post(url("split_line", recording, 3), {"at": "5"})
    assert recording.segments.get(index=3).overlaps == [early]
    assert recording.segments.get(index=8).overlaps == [late]

    client.post(url("merge_lines", recording, 3))
    assert recording.segments.get(index=3).overlaps == [early, late]


@pytest.mark.parametrize("page", ["review", "correct_transcript"])
def test_a_line_where_both_talked_and_a_likely_third_voice_are_shown_to_the_reviewer(
    client, manager, recording, page
):
    if page == "correct_transcript":  # the owner's own correction page, before sharing
        client.force_login(recording.owner)
    line = recording.segments.get(index=4)
    line.overlaps = [[line.start + 1.0, line.start + 2.0]]
    line.save()

    plain = client.get(url(page, recording)).content.decode()
    assert 'data-testid="both-talking-4"' in plain
    assert 'data-testid="both-talking-3"' not in plain
    assert 'data-testid="third-voice"' not in plain

    recording.third_voice = True
    recording.save()
    warned = client.get(url(page, recording)).content.decode()
    assert 'data-testid="third-voice"' in warned
    assert "may hold a third voice" in warned
