"""The first research bulletins: four source documents shipped in data/bulletins/, each with
what is known of its author, date, source and licence, and a plain-text-to-blocks reader for
their light Markdown (headings, lists, emphasis)."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.html import escape

from .source import DATA_DIR

BULLETIN_DIR = DATA_DIR / "bulletins"


@dataclass(frozen=True)
class BulletinSeed:
    slug: str
    title: str
    authors: str
    date: date
    summary: str
    source: str
    licence: str
    start_marker: str  # the body starts at the first line containing this
    related_entries: tuple[int, ...]

    def text(self) -> str:
        return (BULLETIN_DIR / f"{self.slug}.txt").read_text(encoding="utf-8")

    def body_text(self) -> str:
        text = self.text()
        at = text.find(self.start_marker)
        return text[at:] if at >= 0 else text


UNKNOWN_LICENCE = "Not stated in the source document; all rights remain with the copyright holder."

SEEDS = [
    BulletinSeed(
        slug="practitioner-group-desistance-and-compliance",
        title="Practitioner group: desistance and compliance",
        authors="Chairs: Gill Kelly, Tina Eadie. Notes: Sarah Hilder, Brian Stout",
        date=date(2009, 12, 1),
        summary=(
            "Notes of a practitioner group on how professional discretion, organisational "
            "processes and the offender management model help or hinder desistance and "
            "compliance."
        ),
        source=(
            "Notes of the practitioner group “Desistance and Compliance”, December 2009, as "
            "supplied with the SEEDS source documents. The date is the month of the meeting "
            "(the day is not recorded)."
        ),
        licence=UNKNOWN_LICENCE,
        start_marker="The group were asked",
        related_entries=(3, 5, 31),
    ),
    BulletinSeed(
        slug="oep-rationale-and-objectives",
        title="The Offender Engagement Programme: rationale and objectives",
        authors="Sue Rex, Programme and Research Manager, Offender Engagement Programme",
        date=date(2011, 1, 1),
        summary=(
            "Why NOMS set up the Offender Engagement Programme, what it aims to achieve, and "
            "the evidence for skilled one-to-one supervision (Trotter, Taxman, STICS) behind "
            "the SEED pilot."
        ),
        source=(
            "Article by Sue Rex for the NOMS Offender Engagement Programme. The text gives no "
            "publication details; it describes the programme as started in early 2010, so it "
            "is dated here to 2011 (year only, approximate)."
        ),
        licence=UNKNOWN_LICENCE + " Probably Crown copyright (NOMS), as a programme document.",
        start_marker="The Offender Engagement Programme (OEP) is",
        related_entries=(9, 15, 31),
    ),
    BulletinSeed(
        slug="vcs-skills-in-offender-engagement",
        title="Harnessing voluntary and community sector skills in offender engagement",
        authors="",
        date=date(2011, 6, 1),
        summary=(
            "Two ways to use the voluntary and community sector's engagement skills: "
            "transferring its techniques to offender managers, and VCS mentors working "
            "alongside them with the same offenders."
        ),
        source=(
            "Short article supplied with the SEEDS source documents, without a byline or "
            "publication details. It cites work published in 2011, so it is dated here to "
            "2011 (approximate)."
        ),
        licence=UNKNOWN_LICENCE,
        start_marker="The establishment of the Offender Engagement Programme",
        related_entries=(24, 43),
    ),
    BulletinSeed(
        slug="voluntary-sector-model-for-engaging-offenders",
        title="Developing a voluntary sector model for engaging offenders",
        authors="Kevin Wong, Rachel Kinsella and Linda Meadows",
        date=date(2018, 1, 1),
        summary=(
            "Reciprocity, reliability, consistency and emotional pleasure: what young adults on "
            "the T2A Pathway Programme said makes engagement work, mapped onto the NOMS "
            "engaging-practitioner blueprint."
        ),
        source=(
            "Wong, K., Kinsella, R. and Meadows, L. (2018) “Developing a voluntary sector model "
            "for engaging offenders”, Howard Journal of Crime and Justice, "
            "doi:10.1111/hojo.12284. Published version from Manchester Metropolitan "
            "University's e-space, http://e-space.mmu.ac.uk/620415/. Dated to its year of "
            "publication."
        ),
        licence="Creative Commons Attribution 4.0 International (CC BY 4.0)",
        start_marker="**Keywords:**",
        related_entries=(24, 31, 43),
    ),
]


HEADING = re.compile(r"^#{1,6}\s*(.+)$")
BULLET = re.compile(r"^[-*•·]\s+(.+)$")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(.+)$")


SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def inline_html(text: str) -> str:
    """Escape, then turn Markdown emphasis and <links> into the rich text Wagtail stores.

    The sources also carry a little HTML: <i> becomes italic, footnote marks in <sup> become
    superscript digits (rich text in the editor keeps those), and "\\*" is a plain asterisk."""
    text = re.sub(r"<sup>(\d+)</sup>", lambda m: m.group(1).translate(SUPERSCRIPT_DIGITS), text)
    text = re.sub(r"<i>(.+?)</i>", r"*\1*", text)
    literal_star = "\x00"
    text = text.replace("\\*", literal_star)
    html = escape(text)
    html = re.sub(r"&lt;(https?://[^&\s]+)&gt;", r'<a href="\1">\1</a>', html)
    html = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html)
    html = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", html)
    return html.replace(literal_star, "*")


def plain(text: str) -> str:
    return re.sub(r"\*+", "", text).strip()


def table_value(header: list[str]) -> dict:
    return {
        "data": [header],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "",
    }


def table_cell(text: str) -> str:
    return re.sub(r"</?i>", "", text).strip()


def markdown_blocks(text: str) -> list[dict]:
    """Light Markdown -> StreamField data for the bulletin body. Lines of tab-separated cells
    (tables copied from a PDF) become a table whose first line is its header."""
    blocks: list[dict] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            blocks.append(
                {"type": "paragraph", "value": f"<p>{inline_html(' '.join(paragraph))}</p>"}
            )
            paragraph.clear()

    def add_item(kind, item):
        if blocks and blocks[-1]["type"] == kind and not paragraph:
            blocks[-1]["value"].append(item)
        else:
            flush()
            blocks.append({"type": kind, "value": [item]})

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line == "---":
            flush()
            continue
        if "\t" in line:
            flush()
            row = [table_cell(cell) for cell in line.split("\t")]
            if blocks and blocks[-1]["type"] == "table":
                blocks[-1]["value"]["data"].append(row)
            else:
                blocks.append({"type": "table", "value": table_value(row)})
            continue
        if match := HEADING.match(line):
            flush()
            blocks.append({"type": "heading", "value": plain(match.group(1))})
        elif match := BULLET.match(line):
            add_item("bullet_list", plain(match.group(1)))
        elif match := NUMBERED.match(line):
            add_item("numbered_list", plain(match.group(1)))
        elif (
            not paragraph
            and len(line.split()) <= 4
            and not line.endswith((".", ",", ";", ":"))
            and line[:1].isupper()
        ):
            flush()
            blocks.append({"type": "heading", "value": plain(line).capitalize()})
        else:
            paragraph.append(line)
    flush()
    return blocks
