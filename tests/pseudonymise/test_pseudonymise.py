"""Pseudonymised transcripts: known names, a recogniser for lower-case speech-recognition text,
phone numbers and dates of birth, each replaced the same way every time."""

import re
import subprocess
import sys
from pathlib import Path

from pseudonymise import Pseudonymiser

KNOWN = {
    "people": ["Priya Patel", "Mel Jones", "Client Sam"],
    "teams": ["North"],
}
# Lower case, no punctuation: how Whisper's text reads once normalised.
TRANSCRIPT = [
    "hello sam how have you been since i saw you priya here from the north team",
    "alright miss patel my name is dwayne by the way my mate kofi says hi",
    "i moved to hollins road last month you can ring me on oh seven seven double nine "
    "four five six one two three",
    "my date of birth is the third of may nineteen eighty five if you need it",
    "mel jones said kofi was the one who got me the job in leeds",
    "or text 07700 900123 dob 12/03/1985",
]


def pseudonymised(lines=TRANSCRIPT):
    pseudonymiser = Pseudonymiser(**KNOWN)
    return pseudonymiser.pseudonymise_lines(lines), pseudonymiser


def words_of(lines):
    return set(re.findall(r"[\w']+", " ".join(lines).lower()))


def test_no_known_name_survives_in_any_case():
    lines, _ = pseudonymised([line.title() for line in TRANSCRIPT] + TRANSCRIPT)
    left = words_of(lines)
    for name in ["priya", "patel", "mel", "jones", "sam", "north"]:
        assert name not in left, name


def test_an_unknown_lower_case_name_after_a_cue_is_caught():
    lines, _ = pseudonymised()
    assert "dwayne" not in words_of(lines)
    assert "kofi" not in words_of(lines), "a name not in any list, after 'my mate'"
    assert "my name is Person" in lines[1]


def test_places_by_name_and_by_cue_are_replaced():
    lines, _ = pseudonymised()
    assert "leeds" not in words_of(lines)
    assert "hollins" not in words_of(lines)
    assert "i moved to Place" in lines[2]


def test_phone_numbers_spoken_or_written_are_replaced():
    lines, _ = pseudonymised()
    assert "ring me on [phone number]" in lines[2]
    assert "or text [phone number]" in lines[5]
    assert not re.search(r"\d{5}", " ".join(lines))


def test_dates_of_birth_spoken_or_written_are_replaced():
    lines, _ = pseudonymised()
    assert lines[3] == "my date of birth is [date of birth] if you need it"
    assert lines[5].endswith("dob [date of birth]")


def test_the_same_name_gets_the_same_label_on_every_line_and_across_its_forms():
    lines, pseudonymiser = pseudonymised()
    labels = {r.original: r.label for r in pseudonymiser.replacements}
    assert lines[1].count(labels["kofi"]) == 1 and lines[4].count(labels["kofi"]) == 1
    # A known person's first name, surname and full name are one person.
    assert labels["priya"] == labels["patel"]
    assert labels["mel jones"] != labels["priya"]
    assert len({labels["sam"], labels["priya"], labels["dwayne"], labels["kofi"]}) == 4


def test_a_name_found_by_its_cue_on_a_later_line_is_replaced_on_earlier_lines_too():
    lines, _ = pseudonymised(["did tariq ring you", "kwame did my brother kwame is back"])
    assert lines == ["did Person A ring you", "Person B did my brother Person B is back"]


def test_everyday_words_and_small_numbers_are_left_alone():
    text = "so what happened after you went to work on monday one or two things went well"
    assert Pseudonymiser(**KNOWN).pseudonymise(text) == text


def test_a_client_pseudonym_of_common_words_does_not_replace_each_word():
    pseudonymiser = Pseudonymiser(people=["Client A"])
    assert pseudonymiser.pseudonymise("a client said client a is late") == (
        "a client said Person A is late"
    )


def test_the_module_loads_no_django():
    code = "import sys, pseudonymise; print([m for m in sys.modules if m.startswith('django')])"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert done.stdout.strip() == "[]"
