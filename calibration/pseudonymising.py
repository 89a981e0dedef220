"""The pseudonymised copy of a recording's transcript for calibration: the names the site knows
(the practitioner, the client's pseudonym, every user and team) and what the recogniser in
`pseudonymise` finds, replaced consistently across the whole transcript.

Text only, never audio: a voice identifies a person and cannot be checked by reading, so
participants get the pseudonymised lines and no player.
"""

from django.contrib.auth import get_user_model

from accounts.models import Team
from pseudonymise import Pseudonymiser


def split_terms(text: str) -> list[str]:
    """The extra words the person checking asked to replace: comma- or line-separated."""
    return [term.strip() for term in text.replace("\n", ",").split(",") if term.strip()]


def known_people(recording):
    """Names the site knows: the client's pseudonym, the owner and every user, by first name,
    surname and full name (usernames are left out: they are words like "manager")."""
    people = [recording.client_pseudonym]
    for first, last in get_user_model().objects.values_list("first_name", "last_name"):
        people.append(f"{first} {last}".strip())
    return [name for name in people if name]


def pseudonymiser_for(recording, extra_terms=""):
    return Pseudonymiser(
        people=known_people(recording) + split_terms(extra_terms),
        teams=list(Team.objects.values_list("name", flat=True)),
    )


def pseudonymised_lines(recording, extra_terms=""):
    """(lines, replacements): the transcript as participants will read it, and what was
    replaced, for the person checking."""
    segments = list(recording.segments.order_by("start", "index"))
    pseudonymiser = pseudonymiser_for(recording, extra_terms)
    texts = pseudonymiser.pseudonymise_lines([segment.text for segment in segments])
    lines = [
        {"index": segment.index, "start": segment.start, "role": segment.role, "text": text}
        for segment, text in zip(segments, texts, strict=True)
    ]
    return lines, pseudonymiser.replacements
