"""The first research bulletins: four source documents shipped in data/bulletins/, each with
what is known of its author, date, source and licence (data/bulletins/bulletins.yaml), and a
plain-text-to-blocks reader for their light Markdown (headings, lists, emphasis)."""

import re
from dataclasses import dataclass
from datetime import date

import yaml
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


def _seed(row: dict) -> BulletinSeed:
    note = row.pop("licence_note", "")
    row.setdefault("licence", f"{UNKNOWN_LICENCE} {note}".strip())
    return BulletinSeed(**{**row, "related_entries": tuple(row["related_entries"])})


# What is known of each document is data, kept beside the documents themselves.
SEEDS = [
    _seed(row)
    for row in yaml.safe_load((BULLETIN_DIR / "bulletins.yaml").read_text(encoding="utf-8"))
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
