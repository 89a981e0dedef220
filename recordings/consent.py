"""The consent statement a practitioner confirms before uploading, with its versions.

Each recording keeps the version (and the words) it was given under. A changed statement is a
new entry here with a new version: earlier versions stay, so any recording's consent can be
read as it was given. Never edit the words of a version that recordings were given under.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ConsentStatement:
    version: str
    text: str


STATEMENTS = (
    ConsentStatement(
        version="1",
        text=(
            "The client agreed, at the start of the recording, to this session being recorded "
            "and used for coaching and supervision, and was told who will hear it and how long "
            "it is kept."
        ),
    ),
)

CURRENT = STATEMENTS[-1]


def statement(version: str) -> ConsentStatement | None:
    """The statement of `version`, or None for a version this site never had."""
    return next((s for s in STATEMENTS if s.version == version), None)
