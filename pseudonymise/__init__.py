"""Pseudonymised copies of transcripts: names, places, dates of birth and phone numbers are
replaced, the same original always by the same label ("Person A", "Place B", "[phone number]").

Plain Python, no Django: the caller passes the names it knows (the practitioner, the client's
pseudonym, teams, users); a recogniser finds the others in lower-case speech-recognition text
without punctuation, from common first names and towns, and from cues ("my name is ...",
"my brother ...", "I live in ...", "born on ...", runs of spoken digits).

    >>> p = Pseudonymiser(people=["Priya Patel"])
    >>> p.pseudonymise("hi priya my name is dwayne i live in leeds")
    'hi Person A my name is Person B i live in Place A'
"""

import re
from dataclasses import dataclass, field
from string import ascii_uppercase

from .words import COMMON_WORDS, FIRST_NAMES, MONTHS, NUMBER_WORDS, PLACES, words

PERSON, PLACE, TEAM = "person", "place", "team"
PHONE, DATE_OF_BIRTH, DATE = "phone number", "date of birth", "date"
FIXED_LABELS = {PHONE: "[phone number]", DATE_OF_BIRTH: "[date of birth]", DATE: "[date]"}
LABEL_PREFIX = {PERSON: "Person", PLACE: "Place", TEAM: "Team"}

# Words that are never a name or a place, beyond everyday words: roles and places every
# probation conversation mentions, and the labels this module writes.
NOT_NAMES = COMMON_WORDS | {
    "client", "practitioner", "manager", "officer", "probation", "team", "person", "label",
    "north", "south", "east", "west", "school", "college", "prison", "hospital", "town", "city",
    "hostel", "flat", "house", "area", "centre", "center", "court", "jail", "work", "job",
    "main", "high", "ring", "back", "same", "estate", "road", "street", "phone", "number",
}  # fmt: skip

_WORD = r"[^\W\d_][\w']*"
_ORDINALS = words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth"
)
_NUMBERS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand oh"
)
_DAY = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|(?:twenty|thirty)[\s-](?:"
    + "|".join(_ORDINALS[:9])
    + ")|"
    + "|".join(_ORDINALS)
    + ")"
)
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_YEAR = (
    r"(?:\d{4}|'?\d{2}\b|(?:nineteen|twenty|two\s+thousand)"
    r"(?:\s+(?:and\s+)?(?:" + "|".join(_NUMBERS) + r")\b){0,2})"
)
_NUMERIC_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
_SPOKEN_DATE = (
    rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s+{_YEAR})?"
    rf"|{_MONTH}\s+(?:the\s+)?{_DAY}(?:\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_YEAR}"
)
DATE_OF_BIRTH_RE = re.compile(
    r"\b(?:born(?:\s+on)?|born\s+in|date\s+of\s+birth(?:\s+is)?|d\s?o\s?b(?:\s+is)?|"
    r"birthday(?:\s+is)?(?:\s+on)?|birthday's)\s+"
    rf"(?P<date>{_NUMERIC_DATE}|{_SPOKEN_DATE}|{_YEAR})",
    re.IGNORECASE,
)
NUMERIC_DATE_RE = re.compile(rf"(?<![\w/.-]){_NUMERIC_DATE}(?![\w/.-])")

_KIN = words(
    "brother sister son daughter mum mom mam dad partner girlfriend boyfriend wife husband mate "
    "friend cousin uncle aunt auntie nan nanna grandad grandma ex kid baby boss neighbour"
)
PERSON_CUE_RE = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name's|name's|i'm\s+called|i\s+am\s+called|call\s+me|"
    r"(?:he|she|they)\s+(?:is|was|are|were)\s+called|"
    r"mr|mrs|ms|miss|dr|"
    rf"my\s+(?:{'|'.join(_KIN)})(?:\s+is)?(?:\s+called)?)\.?\s+(?P<name>{_WORD})",
    re.IGNORECASE,
)
PLACE_CUE_RE = re.compile(
    r"\b(?:live|lives|living|lived|stay|stays|staying|stayed|moved|move|moving|grew\s+up|"
    rf"born|brought\s+up)\s+(?:in|to|at|near|over\s+in|up\s+in|down\s+in)\s+(?P<name>{_WORD})"
    rf"|\b(?P<street>{_WORD})\s+(?:road|street|avenue|lane|close|crescent|estate|drive|"
    r"terrace|gardens|park|grove)\b",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"[\w']+")


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _phrase_pattern(phrases):
    """One regex finding any of `phrases` as whole words, longest first, any case, with any run
    of spaces between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE) if ordered else None


@dataclass(frozen=True)
class Replacement:
    """One thing replaced: what it was (lower case), what it became, and what kind it was."""

    original: str
    label: str
    kind: str


@dataclass(order=True)
class _Span:
    start: int
    end: int
    priority: int
    kind: str = field(compare=False)
    key: str = field(compare=False)


class Pseudonymiser:
    """Replaces identifying words in one or more texts, consistently: use one instance for all
    the lines of a transcript, so a name is the same label on every line.

    `people`: full or partial names of people the site knows; each person's first and last
    names are replaced by the same label as the full name. `places` and `teams` likewise.
    """

    def __init__(self, *, people=(), places=(), teams=()):
        self._labels: dict[tuple[str, str], str] = {}
        self._originals: dict[tuple[str, str], str] = {}
        self._known: dict[str, tuple[str, str]] = {}  # lower-case phrase -> (kind, key)
        for kind, names in ((PERSON, people), (PLACE, places), (TEAM, teams)):
            for name in names:
                self._know(kind, name)
        self._known_re = _phrase_pattern(self._known)
        self._found: dict[str, tuple[str, str]] = {}  # names the cues found, for every line
        self._found_re = None

    def _know(self, kind, name):
        phrase = _normal(name or "")
        # A whole name the site knows is always replaced ("North" too), unless it is an
        # everyday word that would wreck the text ("will"): the person checking sees those.
        if len(phrase) < 2 or phrase in COMMON_WORDS:
            return
        key = self._known.get(phrase, (kind, phrase))[1]
        self._known.setdefault(phrase, (kind, key))
        # A person's single names are theirs too ("Priya Patel": "priya", "patel"), unless the
        # word is an everyday one ("Client A" does not make every "a" a name).
        for word in phrase.split():
            if len(word) >= 2 and word not in NOT_NAMES and not word.isdigit():
                self._known.setdefault(word, (kind, key))

    # ------------------------------------------------------------------ finding

    def _spans(self, text):
        # Priority breaks ties between spans starting at the same place: dates, phone numbers,
        # then names the site knows, then the recogniser's guesses.
        for match in DATE_OF_BIRTH_RE.finditer(text):
            yield _Span(match.start("date"), match.end("date"), 0, DATE_OF_BIRTH, "")
        for match in NUMERIC_DATE_RE.finditer(text):
            yield _Span(match.start(), match.end(), 1, DATE, "")
        yield from self._phone_spans(text)
        if self._known_re:
            for match in self._known_re.finditer(text):
                kind, key = self._known[_normal(match.group())]
                yield _Span(match.start(), match.end(), 3, kind, key)
        if self._found_re:
            # A name a cue found anywhere is replaced wherever it occurs, with or without a cue.
            for match in self._found_re.finditer(text):
                kind, key = self._found[_normal(match.group())]
                yield _Span(match.start(), match.end(), 4, kind, key)
        for match in _TOKEN_RE.finditer(text):
            word = match.group().lower()
            if word in FIRST_NAMES:
                yield _Span(match.start(), match.end(), 5, PERSON, word)
            elif word in PLACES:
                yield _Span(match.start(), match.end(), 5, PLACE, word)

    def learn(self, text: str):
        """Finds names and places by their cues in `text`, to replace them everywhere."""
        found = []
        for match in PERSON_CUE_RE.finditer(text):
            found.append((PERSON, match.group("name")))
        for match in PLACE_CUE_RE.finditer(text):
            found.append((PLACE, match.group("name") or match.group("street")))
        for kind, word in found:
            name = _normal(word)
            if self._may_be_name(name) and name not in self._known:
                self._found.setdefault(name, (kind, name))
        self._found_re = _phrase_pattern(self._found)

    def _may_be_name(self, word):
        word = word.lower()
        return (
            len(word) >= 2
            and word not in NOT_NAMES
            and word not in NUMBER_WORDS
            and word not in MONTHS
            and word not in self._label_words
        )

    _label_words = {"person", "place", "team"}

    @staticmethod
    def _phone_spans(text):
        """Runs of digits and spoken digits ("oh seven seven double nine ...") long enough to
        be a phone number: eight digits or more, separated by spaces, hyphens or a plus only."""
        runs, run = [], []
        for token in _TOKEN_RE.finditer(text):
            word = token.group().lower()
            if not (word.isdigit() or word in NUMBER_WORDS):
                run = []
                continue
            if run and not re.fullmatch(r"[\s+-]*", text[run[-1].end() : token.start()]):
                run = []
            if not run:
                runs.append(run)
            run.append(token)
        for run in runs:
            if _digit_count([token.group().lower() for token in run]) >= 8:
                start = run[0].start()
                start -= text[:start].endswith("+")  # an international prefix: "+44 ..."
                yield _Span(start, run[-1].end(), 2, PHONE, "")

    # ------------------------------------------------------------------ replacing

    def _label(self, kind, key, original):
        if kind in FIXED_LABELS:
            self._originals.setdefault((kind, _normal(original)), FIXED_LABELS[kind])
            return FIXED_LABELS[kind]
        if (kind, key) not in self._labels:
            count = sum(1 for k, _ in self._labels if k == kind)
            self._labels[(kind, key)] = f"{LABEL_PREFIX[kind]} {_letters(count)}"
        label = self._labels[(kind, key)]
        self._originals.setdefault((kind, _normal(original)), label)
        return label

    def pseudonymise_lines(self, lines: list[str]) -> list[str]:
        """Every line pseudonymised, a name found by its cue on one line replaced on all."""
        for line in lines:
            self.learn(line)
        return [self.pseudonymise(line, learn=False) for line in lines]

    def pseudonymise(self, text: str, *, learn=True) -> str:
        """`text` with every identifying word found replaced by its label."""
        if learn:
            self.learn(text)
        spans = sorted(self._spans(text), key=lambda s: (s.start, -(s.end - s.start), s.priority))
        out, position = [], 0
        for span in spans:
            if span.start < position:
                continue  # inside a span already replaced
            out.append(text[position : span.start])
            out.append(self._label(span.kind, span.key, text[span.start : span.end]))
            position = span.end
        out.append(text[position:])
        return "".join(out)

    @property
    def replacements(self) -> list[Replacement]:
        """Everything replaced so far, in the order first met: for the person checking."""
        return [
            Replacement(original, label, kind)
            for (kind, original), label in self._originals.items()
        ]


def _digit_count(words) -> int:
    """How many digits a run of digits and number words says ("double nine" is two)."""
    count, repeat = 0, 1
    for word in words:
        if word in ("double", "triple"):
            repeat = 2 if word == "double" else 3
            continue
        count += (len(word) if word.isdigit() else 1) * repeat
        repeat = 1
    return count


def _letters(number: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: labels that never run out."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = ascii_uppercase[rest] + letters
    return letters
