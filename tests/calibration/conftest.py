"""A session full of things to pseudonymise, recorded by the practitioner of the `people` cast."""

import pytest

from recordings.enums import SpeakerRole
from tests.recordings.factories import RecordingFactory

P, C = SpeakerRole.PRACTITIONER, SpeakerRole.CLIENT

# Lower case, no punctuation, as speech recognition writes it; names of the cast (see `people`
# in tests/conftest.py, given the names below), a name nobody told the site, a place, a phone
# number and a date of birth.
SESSION = [
    ("A", P, "hello jordan it is patricia here from the north team how have you been"),
    ("B", C, "alright patricia my mate kwabena got me a job near hollins road"),
    ("A", P, "well done what did melanie say when you told her"),
    ("B", C, "she said ring her on oh seven seven double nine four five six one two three"),
    ("A", P, "and for the form your date of birth is the third of may nineteen eighty five"),
    ("B", C, "yes and kwabena is coming to the next one"),
    ("A", P, "so to sum up you start on monday what might get in the way"),
]
NAMES = ["jordan", "patricia", "pat", "north", "melanie", "kwabena", "hollins"]


@pytest.fixture
def cast(people):
    """The cast's real-looking names: the practitioner Patricia, her manager Melanie."""
    for role, first, last in [
        ("practitioner", "Patricia", "Okafor"),
        ("manager", "Melanie", "Stone"),
        ("other_manager", "Omar", "Haddad"),
        ("admin", "Ada", "Lovelace"),
    ]:
        people[role].first_name, people[role].last_name = first, last
        people[role].save()
    return people


@pytest.fixture
def session(cast):
    return RecordingFactory(
        owner=cast["practitioner"],
        client_pseudonym="Jordan",
        scored=True,
        lines=SESSION,
        content=b"0123456789" * 100,
    )
