"""Reviewers' corrections to a transcript's words and lines: editing a line's words, splitting a
line at a word, merging a line with the next. Each keeps what the machine heard on the line
(`machine_text`), re-scores the recording (the scorer then reads the corrected words) and is
written to Wagtail's audit log, in one transaction, so the log only records changes that were
made. The audit entry names the lines and word counts, never the words: the transcript is
personal data and goes at the end of its retention period, the audit log does not.

Line numbers (`index`) are never reused: a split's second half takes a new number, a merge
removes the second line's; lines are shown in the order they were said (by start time)."""

from django.db import transaction
from django.db.models import Max, Q
from wagtail.log_actions import log

from speech import word_edits

from . import processing
from .models import TranscriptSegment

WORDS_CORRECTED = "recordings.words_corrected"
LINE_SPLIT = "recordings.line_split"
LINES_MERGED = "recordings.lines_merged"

# What the audit log says, registered in wagtail_hooks.py.
LOG_ACTIONS = {
    WORDS_CORRECTED: ("Correct words", "Words of a transcript line corrected by the reviewer"),
    LINE_SPLIT: ("Split line", "A transcript line split in two by the reviewer"),
    LINES_MERGED: ("Merge lines", "Two transcript lines merged by the reviewer"),
}


SPLIT_INSIDE = "Choose a word inside the line to split it at."


class CorrectionError(ValueError):
    """A correction that cannot be made, with a message for the reviewer."""


def _keep_machine_text(*segments):
    """What the machine heard on these lines, taken before the first correction changes them."""
    return " ".join(s.machine_text or s.text for s in segments)


def _overlaps_within(spans, start, end):
    return [list(span) for span in word_edits.overlaps_within(spans, start, end)]


def next_line(segment):
    """The line said after `segment`, or None for the last."""
    return segment.recording.segments.filter(
        Q(start__gt=segment.start) | Q(start=segment.start, index__gt=segment.index)
    ).first()


def _numbers_used(recording):
    """One more than the highest line number the recording has ever had, read under a lock."""
    locked = type(recording).objects.select_for_update().get(pk=recording.pk)
    newest = recording.segments.aggregate(newest=Max("index"))["newest"]
    return max(-1 if newest is None else newest, locked.next_line_index - 1) + 1


def _remember_numbers_used(recording, used):
    type(recording).objects.filter(pk=recording.pk).update(next_line_index=used)
    recording.next_line_index = used


def _new_line_index(recording):
    """A number no line of the recording has ever had."""
    number = _numbers_used(recording)
    _remember_numbers_used(recording, number + 1)
    return number


def _locked(recording, index):
    return recording.segments.select_for_update().get(index=index)


@transaction.atomic
def correct_words(recording, index, text, user):
    """The line's words become `text`; unchanged words keep their timings. Returns the line, or
    None when `text` is what it already says (nothing is changed or logged)."""
    segment = _locked(recording, index)
    text = " ".join(text.split())
    if not text:
        raise CorrectionError("Write the words of the line, or merge it with the next one.")
    if text == segment.text:
        return None
    before = len(word_edits.tokens(segment.text))
    segment.machine_text = _keep_machine_text(segment)
    segment.words = word_edits.retime(segment.words, text, segment.start, segment.end)
    segment.text = text
    # A person listened and wrote what was said: the machine's doubt no longer applies.
    segment.low_confidence = False
    segment.save(update_fields=["machine_text", "words", "text", "low_confidence"])
    processing.rescore(recording)
    log(
        recording,
        WORDS_CORRECTED,
        user=user,
        data={"line": segment.index, "words_before": before, "words_after": len(segment.words)},
    )
    return segment


@transaction.atomic
def split_line(recording, index, at, user):
    """The line cut before its word number `at` (0-based); the second half is a new line of the
    same speaker. Returns (first, second)."""
    segment = _locked(recording, index)
    try:
        first, second = word_edits.split(
            segment.words, segment.text, segment.start, segment.end, at
        )
    except ValueError as error:
        raise CorrectionError(SPLIT_INSIDE) from error
    machine_text = _keep_machine_text(segment)
    overlaps = segment.overlaps
    segment.start, segment.end, segment.text, segment.words = first
    segment.machine_text = machine_text
    segment.overlaps = _overlaps_within(overlaps, segment.start, segment.end)
    segment.save(update_fields=["start", "end", "text", "words", "machine_text", "overlaps"])
    start, end, text, words = second
    new = TranscriptSegment.objects.create(
        recording=recording,
        index=_new_line_index(recording),
        start=start,
        end=end,
        text=text,
        words=words,
        machine_text=machine_text,
        overlaps=_overlaps_within(overlaps, start, end),
        speaker=segment.speaker,
        role=segment.role,
        role_overridden=segment.role_overridden,
        low_confidence=segment.low_confidence,
        avg_logprob=segment.avg_logprob,
        no_speech_prob=segment.no_speech_prob,
    )
    processing.rescore(recording)
    log(
        recording,
        LINE_SPLIT,
        user=user,
        data={"line": segment.index, "new_line": new.index, "at_word": at},
    )
    return segment, new


@transaction.atomic
def merge_with_next(recording, index, user):
    """The line and the one said after it become one line (the first's speaker, if they
    differ). Returns (merged line, the removed line's index)."""
    segment = _locked(recording, index)
    following = next_line(segment)
    if following is None:
        raise CorrectionError("The last line has no next line to merge with.")
    machine_text = _keep_machine_text(segment, following)
    start, end, text, words = word_edits.merge(
        (segment.start, segment.end, segment.text, segment.words),
        (following.start, following.end, following.text, following.words),
    )
    removed = following.index
    # The merged-away number stays used: a later split must not give it to another line.
    _remember_numbers_used(recording, _numbers_used(recording))
    following.delete()
    segment.start, segment.end, segment.text, segment.words = start, end, text, words
    segment.machine_text = machine_text
    segment.low_confidence = segment.low_confidence or following.low_confidence
    segment.overlaps = segment.overlaps + following.overlaps
    segment.save(
        update_fields=[
            *("start", "end", "text", "words", "machine_text", "low_confidence", "overlaps")
        ]
    )
    processing.rescore(recording)
    log(recording, LINES_MERGED, user=user, data={"line": segment.index, "merged_line": removed})
    return segment, removed
