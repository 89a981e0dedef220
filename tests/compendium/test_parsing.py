"""The parser on the shipped compendium: every entry whole, in order, nothing lost."""

import pytest

from compendium.parsing import parse_blocks, words
from compendium.source import compendium_text


def test_finds_the_56_entries_numbered_in_order(shipped):
    assert [entry.number for entry in shipped.entries] == list(range(1, 57))


@pytest.mark.parametrize(
    ("number", "title", "authors", "contributor"),
    [
        (
            1,
            "Calling time on crime: Motivation, generativity and agency in Irish probationers",
            "Deirdre Healy & Ian O’Donnell",
            "",
        ),
        (3, "Desistance & the desistance paradigm", "Shadd Maruna", ""),
        (6, "What Else Works?", "Frank Porporino", ""),
        (17, "Desistance amongst ethnic minority male offenders", "Adam Calverley", ""),
        (
            25,
            "The Offender Management Community Cohort Study",
            "Offender Management Analytical Services (2010)",
            "",
        ),
        (
            32,
            "10 Things that Motivational Interviewing is not",
            "William Miller & Stephen Rollnick",
            "",
        ),
        (37, "Complex Case Services", "", "Cambridgeshire and Peterborough Probation Trust"),
        (52, "Stepping Stones", "", "Warwickshire Probation Trust"),
        (56, "Sentence Planning – The Web", "", "West Yorkshire Probation Trust"),
    ],
)
def test_entry_titles_authors_and_trusts(shipped, number, title, authors, contributor):
    entry = shipped.entries[number - 1]
    assert (entry.title, entry.authors, entry.contributor) == (title, authors, contributor)


@pytest.mark.parametrize(
    ("number", "closing"),
    [
        (1, "practice still includes this type of work."),
        (3, "From deficits to strengths"),
        (
            17,
            "how they wish to engage with family and community",
        ),
        (
            36,
            "share your feelings about the work you are engaged in?",
        ),
        (56, "not to how serious the problem is in that area."),
    ],
)
def test_entries_end_with_their_own_closing_sentence(shipped, number, closing):
    assert shipped.entries[number - 1].closing_text.endswith(closing)


def test_no_entry_contains_the_next_entrys_heading(shipped):
    for entry, following in zip(shipped.entries, shipped.entries[1:], strict=False):
        assert following.title not in entry.plain_text(), entry.number


def test_every_word_of_each_entry_survives_parsing_in_order(shipped):
    lines = compendium_text().split("\n")
    for entry in shipped.entries:
        source = words("\n".join(lines[entry.first_line : entry.end_line]))
        parsed = words(entry.heading + "\n" + entry.plain_text())
        assert parsed == source, entry.number


def test_the_parts_of_the_file_tile_it_with_nothing_between_them(shipped):
    lines = compendium_text().split("\n")
    assert shipped.spans[0][1] == 0
    assert shipped.spans[-1][2] == len(lines)
    for (name, _start, end), (next_name, next_start, _end) in zip(
        shipped.spans, shipped.spans[1:], strict=False
    ):
        assert end == next_start, (name, next_name)


def test_numbered_lists_inside_entries_stay_inside_them(shipped):
    maruna = shipped.entries[2]
    lists = [block for block in maruna.blocks if block.kind == "numbered_list"]
    assert lists[0].items[0] == "Stable intimate relationships"
    assert lists[0].items[3] == "Feelings of responsibility, hope and self-efficacy"
    assert shipped.entries[3].title.startswith("21st Century Social Work in Scotland")


def test_sections_of_the_compendium_are_headings_not_entry_text(shipped):
    assert shipped.sections == {
        15: "Research Seminars",
        30: "Practice Materials",
        35: "Practitioner Comments",
        36: "Research Bulletins",
        37: "Fieldwork",
    }
    assert "Research Seminars" not in shipped.entries[13].plain_text()


def test_image_placeholders_and_stray_chart_labels_are_not_entry_text(shipped):
    everything = "\n".join(entry.plain_text() for entry in shipped.entries)
    assert "[image:" not in everything
    assert "OASys DSPD" in shipped.trailing
    assert "Total score of 16+" not in everything
    assert "Total score of 16+" in shipped.trailing


def test_kinds_come_from_the_sections_and_titles(shipped):
    kinds = {entry.number: entry.kind for entry in shipped.entries}
    assert kinds[1] == "research_summary"
    assert kinds[5] == "practitioner_view"
    assert kinds[33] == "tool"
    assert kinds[35] == "practitioner_view"
    assert kinds[37] == "fieldwork_report"
    assert kinds[39] == "pilot"
    assert kinds[52] == "tool"
    assert kinds[55] == "practitioner_view"
    assert set(kinds.values()) == {
        "research_summary",
        "fieldwork_report",
        "practitioner_view",
        "tool",
        "pilot",
    }


def test_implications_for_practice_and_quotations_become_their_own_blocks(shipped):
    first = shipped.entries[0]
    implications = [block for block in first.blocks if block.kind == "implications"]
    assert implications
    assert "personal stories" in implications[0].plain_text()
    maruna = shipped.entries[2]
    quotes = [block for block in maruna.blocks if block.kind == "quotation"]
    assert any(q.attribution == "Glueck & Glueck, 1945" for q in quotes)


def test_references_are_the_works_an_entry_cites(shipped):
    assert "Blumstein & Cohen, 1987" in shipped.entries[2].references
    assert "Farrall (1995)" in shipped.entries[2].references


def test_the_foreword_is_kept_apart_from_the_entries(shipped):
    text = "\n".join(block.plain_text() for block in shipped.foreword)
    assert text.startswith("This Compendium is based on fieldwork and research")
    assert "Calling time on crime" not in text


def test_a_lone_list_number_is_joined_to_its_text():
    blocks = parse_blocks(
        ["1. ", "Risk principle: match services to risk.", "", "2.", "Need principle."]
    )
    assert blocks[0].kind == "numbered_list"
    assert blocks[0].items == ["Risk principle: match services to risk.", "Need principle."]


def test_a_short_entry_gets_the_theme_it_names_twice():
    from compendium.themes import propose_themes

    short = (
        "Offenders in early stages of desistance. At early stage of desistance motivation was high."
    )
    assert "desistance" in propose_themes("Calling time on crime", short)
    assert "desistance" not in propose_themes("Calling time on crime", short + " x" * 1000)
