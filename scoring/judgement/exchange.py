"""The exchange itself, read without cue words: does the client take up what the practitioner
says, and do the client's words come back in what the practitioner says next?

Both are shares over the session's turns, never counts, so they mean the same in a short
session and a long one and whatever the case is about. They read only who speaks and which
content words pass from one speaker to the other, so they hold for any writer's wording and
for raw speech-recognition text ("mates" still meets "mates", whatever the practitioner's
textbook phrases were).
"""

from __future__ import annotations

from ..similarity import content_stems, lexical_overlap, word_count
from .context import SUBSTANTIVE_WORDS, SessionView, elaborates


def client_follows(view: SessionView) -> float | None:
    """Share of the practitioner's turns that the client's reply takes up: it shares a content
    word with the turn, or goes on at some length without pushing back (``elaborates``).

    A client who answers "yeah" and "dunno" to a run of telling follows nothing; a client who
    carries on with the practitioner's question or reflection follows it, in any words. None
    when no practitioner turn with content has a reply."""
    followed = []
    for i, is_practitioner in enumerate(view.practitioner):
        if not is_practitioner:
            continue
        at, reply = view.reply(i)
        said = content_stems(view.texts[i])
        if at is None or not said:
            continue
        followed.append(bool(said & content_stems(reply)) or elaborates(reply))
    return sum(followed) / len(followed) if followed else None


def words_taken_up(view: SessionView) -> float | None:
    """Mean share of a practitioner turn's content words that the client had just said, over
    the turns that follow a client turn with something in it (five words or more).

    A practitioner who works with what the client brings builds their turns from the client's
    words; one who lectures, moves on or answers for the client brings their own. None when
    no client turn has something in it."""
    shares = [
        lexical_overlap(view.texts[i], view.texts[i - 1])
        for i, is_practitioner in enumerate(view.practitioner)
        if is_practitioner
        and i > 0
        and not view.practitioner[i - 1]
        and word_count(view.texts[i - 1]) >= SUBSTANTIVE_WORDS
    ]
    return sum(shares) / len(shares) if shares else None


def client_share(view: SessionView) -> float | None:
    """The client's share of the words spoken: who does the talking (and the thinking)."""
    mine = sum(word_count(t) for t, p in zip(view.texts, view.practitioner, strict=True) if p)
    theirs = sum(word_count(t) for t, p in zip(view.texts, view.practitioner, strict=True) if not p)
    return theirs / (mine + theirs) if mine + theirs else None


def exchange_rates(view: SessionView) -> dict[str, float | None]:
    """The three measures of the exchange the skill scores combine with the judged acts."""
    return {
        "client_follows": client_follows(view),
        "words_taken_up": words_taken_up(view),
        "client_share": client_share(view),
    }
