"""Turn the text of the OEP Compendium (December 2010) into a foreword and numbered entries.

Pure Python, no Django: the importer adapts what this returns into Wagtail pages, and the tests
check it against the shipped file. The text is a word-processor export, so the rules below are
written for its quirks: entry headings are a number alone on a line ("12.") or a number and title
("17. Desistance amongst..."), but numbered lists inside entries look the same ("4. Feelings of
responsibility..."); images survive as "[image: name]" placeholders; and the floating text boxes
of the original (chart labels, pull-quotes) are all gathered after the last entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RESEARCH_SUMMARY = "research_summary"
FIELDWORK_REPORT = "fieldwork_report"
PRACTITIONER_VIEW = "practitioner_view"
TOOL = "tool"
PILOT = "pilot"

IMAGE = re.compile(r"\[image:[^\]]*\]")
NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s*(.*?)\s*$")
BULLET = re.compile(r"^\s*[·•\-–]\s+(.*?)\s*$")
IMPLICATIONS = re.compile(r"^Implications for practice\s*:?\s*(.*)$", re.IGNORECASE)
QUOTATION = re.compile(r"^[“\"](?P<quote>.+)[”\"]\s*(?P<attribution>[^“”\"]{0,80})$")
TERMINAL = tuple(".!?:;\"”’')")
# A run of blank lines this long after the last entry marks where the text boxes begin.
TEXT_BOX_GAP = 5

# The compendium's own sections say most about what kind of evidence an entry is; within the
# research and fieldwork sections, the title (and for tools and pilots the text) says the rest.
SECTION_KINDS = {
    "Practice Materials": TOOL,
    "Practitioner Comments": PRACTITIONER_VIEW,
    "Research Bulletins": RESEARCH_SUMMARY,
}
RESEARCH_KIND_RULES = [
    (PRACTITIONER_VIEW, re.compile(r"discussing|\binterview\b|regional events", re.I)),
    (TOOL, re.compile(r"toolkit|questionnaire|guide\b", re.I)),
]
FIELDWORK_KIND_RULES = [
    (PRACTITIONER_VIEW, "title", re.compile(r"interview with", re.I)),
    (
        TOOL,
        "opening",
        re.compile(r"\btool(s|kit)?\b|workbook|framework|exercises|sentence plan", re.I),
    ),
    (PILOT, "title", re.compile(r"\bpilot|\bproject\b", re.I)),
    (PILOT, "text", re.compile(r"\bpilot", re.I)),
]


@dataclass
class Block:
    """One piece of an entry's body, named as the StreamField block it becomes."""

    kind: str  # heading | paragraph | bullet_list | numbered_list | quotation | implications
    text: str = ""
    items: list[str] = field(default_factory=list)
    attribution: str = ""
    children: list[Block] = field(default_factory=list)

    def plain_text(self) -> str:
        parts = [self.text, *self.items, self.attribution]
        parts += [child.plain_text() for child in self.children]
        return "\n".join(part for part in parts if part)


@dataclass
class Entry:
    number: int
    heading: str  # the heading as printed, title and authors together
    title: str
    authors: str
    contributor: str
    kind: str
    section: str
    blocks: list[Block]
    references: list[str]
    first_line: int  # 0-based line numbers in the source, end exclusive
    end_line: int

    def plain_text(self) -> str:
        return "\n".join(block.plain_text() for block in self.blocks)

    @property
    def closing_text(self) -> str:
        return self.blocks[-1].plain_text().splitlines()[-1] if self.blocks else ""


@dataclass
class Compendium:
    front_matter: str
    foreword: list[Block]
    entries: list[Entry]
    sections: dict[int, str]  # entry number where a section starts -> section name
    trailing: str  # text boxes gathered after the last entry: kept, but not an entry
    spans: list[tuple[str, int, int]]  # every part of the source, in order, by line range


def parse_compendium(text: str) -> Compendium:
    lines = text.split("\n")
    foreword_at = next(i for i, line in enumerate(lines) if line.strip() == "Foreword")
    headings = _find_headings(lines, foreword_at + 1)
    trailing_at = _find_trailing(lines, headings[-1][1])

    sections: dict[int, str] = {}
    spans = [("front matter", 0, foreword_at), ("foreword", foreword_at, headings[0][1])]
    entries = []
    section = ""
    for index, (number, start) in enumerate(headings):
        section = sections.get(number, section)
        end = headings[index + 1][1] if index + 1 < len(headings) else trailing_at
        # A section heading ("Practice Materials", "Fieldwork") stands alone at the end of the
        # entry before the section's first entry.
        last = _last_content_line(lines, start, end)
        if index + 1 < len(headings) and _is_section_heading(lines[last]):
            name = _squash(lines[last])
            sections[headings[index + 1][0]] = name
            spans.append((f"entry {number}", start, last))
            spans.append((f"section {name}", last, end))
            end = last
        else:
            spans.append((f"entry {number}", start, end))
        entries.append(_parse_entry(lines, number, start, end, section))
    spans.append(("trailing text boxes", trailing_at, len(lines)))

    return Compendium(
        front_matter=_clean("\n".join(lines[:foreword_at])),
        foreword=parse_blocks(lines[foreword_at + 1 : headings[0][1]]),
        entries=entries,
        sections=sections,
        trailing=_clean("\n".join(lines[trailing_at:])),
        spans=spans,
    )


def _find_headings(lines: list[str], start: int) -> list[tuple[int, int]]:
    """(number, line index) of each entry heading, in order.

    A heading is the next expected entry number at the start of a line. What makes "4." a list
    item rather than entry 4 is that it continues a numbered list already open in this entry.
    """
    headings: list[tuple[int, int]] = []
    expected = 1
    list_next = None  # the number the open numbered list would continue with
    for i in range(start, len(lines)):
        match = NUMBERED.match(lines[i])
        if not match:
            if lines[i].strip() and list_next is not None and not _inside_list_item(lines, i):
                list_next = None
            continue
        number = int(match.group(1))
        if number == expected and number != list_next:
            headings.append((number, i))
            expected += 1
            list_next = None
        elif number == 1:
            list_next = 2
        elif list_next is not None:
            list_next = number + 1
    return headings


def _inside_list_item(lines: list[str], i: int) -> bool:
    """Whether line i is the text of a list item whose number stood alone on the line above,
    or the broken-off end of such a line ("...most effective for" / "different offenders")."""
    previous = _previous_content_line(lines, i)
    if previous is None:
        return False
    match = NUMBERED.match(lines[previous])
    if match and not match.group(2):
        return True
    return lines[i].lstrip()[:1].islower()


def _previous_content_line(lines: list[str], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j].strip():
            return j
    return None


def _last_content_line(lines: list[str], start: int, end: int) -> int | None:
    for j in range(end - 1, start, -1):
        if lines[j].strip():
            return j
    return None


def _is_section_heading(line: str) -> bool:
    text = _squash(line)
    return (
        0 < len(text.split()) <= 3
        and text[:1].isupper()
        and all(word[:1].isupper() for word in text.split())
        and not text.endswith(TERMINAL)
        and not BULLET.match(line)
    )


def _find_trailing(lines: list[str], last_heading: int) -> int:
    """Where the gathered text boxes begin: the first long run of blank lines after the last
    heading, moved back over the short labels that stand just before it."""
    blank_run = 0
    for i in range(last_heading + 1, len(lines)):
        if lines[i].strip():
            blank_run = 0
            continue
        blank_run += 1
        if blank_run == TEXT_BOX_GAP:
            start = i - blank_run + 1
            while True:
                previous = _previous_content_line(lines, start)
                if previous is None or len(lines[previous].split()) > 6:
                    return start
                start = previous
    return len(lines)


def _parse_entry(lines, number, start, end, section) -> Entry:
    heading_line = NUMBERED.match(lines[start]).group(2)
    cursor = start + 1
    if not heading_line:
        while not lines[cursor].strip():
            cursor += 1
        heading_line = lines[cursor].strip()
        cursor += 1
    # A heading broken over two lines: "...Cohort Study, by Offender" / "Management Analytical
    # Services 2010", or "Warwickshire Probation Trust:" / "Stepping Stones".
    if cursor < end and lines[cursor].strip():
        following = lines[cursor].strip()
        short_fragment = len(following.split()) <= 6 and not following.endswith(TERMINAL)
        if heading_line.rstrip().endswith(":") or short_fragment:
            heading_line = f"{heading_line.strip()} {following}"
            cursor += 1
    heading = _squash(heading_line)
    if section == "Fieldwork":
        title, contributor, authors = *_split_contributor(heading), ""
    else:
        title, authors = _split_authors(heading)
        contributor = ""
    blocks = parse_blocks(lines[cursor:end])
    body_text = "\n".join(block.plain_text() for block in blocks)
    return Entry(
        number=number,
        heading=heading,
        title=title,
        authors=authors,
        contributor=contributor,
        kind=_classify(section, title, blocks),
        section=section,
        blocks=blocks,
        references=find_references(body_text),
        first_line=start,
        end_line=end,
    )


def _split_authors(heading: str) -> tuple[str, str]:
    by = re.match(r"^(?P<title>.+?)[,;]?\s+by\s+(?P<authors>.+)$", heading)
    if by:
        return by["title"].strip(), _tidy_authors(by["authors"])
    if ";" in heading:
        title, authors = heading.rsplit(";", 1)
        return title.strip(), _tidy_authors(authors)
    if ", " in heading:
        title, tail = heading.rsplit(", ", 1)
        if len(tail.split()) <= 7 and tail[:1].isupper():
            return title.strip(), _tidy_authors(tail)
    return heading, ""


def _tidy_authors(authors: str) -> str:
    authors = re.sub(r",\s*&", " &", authors.strip().rstrip(",;"))
    authors = re.sub(r",(\S)", r", \1", authors)
    return re.sub(r"\s+((?:19|20)\d\d)$", r" (\1)", authors)


def _split_contributor(heading: str) -> tuple[str, str]:
    match = re.match(r"^(?P<who>[^:–]+?)\s*(?::|\s–\s)\s*(?P<title>.+)$", heading)
    if match:
        return match["title"].strip(), match["who"].strip()
    return heading, ""


def _classify(section: str, title: str, blocks: list[Block]) -> str:
    if section in SECTION_KINDS:
        return SECTION_KINDS[section]
    if section == "Fieldwork":
        texts = {
            "title": title,
            "opening": " ".join([title, *(block.plain_text() for block in blocks[:2])]),
            "text": " ".join(block.plain_text() for block in blocks),
        }
        for kind, where, pattern in FIELDWORK_KIND_RULES:
            if pattern.search(texts[where]):
                return kind
        return FIELDWORK_REPORT
    for kind, pattern in RESEARCH_KIND_RULES:
        if pattern.search(title):
            return kind
    return RESEARCH_SUMMARY


NAME = r"[A-Z][\w’'\-]+"
YEAR = r"(?:19|20)\d\d[a-z]?"
CITATION = re.compile(
    # "(Blumstein & Cohen, 1987)", "(Marques et al., 2005)", "(Weaver and McNeill, 2007)"
    rf"\((?P<inner>{NAME}(?:(?:,| and| &| et al\.?)\s*[A-Z]?[\w’'\-.]*)*,?\s*{YEAR})\)"
    # "Farrall (1995)", "Zamble and Quincey (1997)", "Marshall et al. (2003)"
    rf"|(?P<outer>{NAME}(?:\s+(?:and|&)\s+{NAME}|\s+et al\.?)?\s+\({YEAR}\))"
)


def find_references(text: str) -> list[str]:
    """The works an entry cites in its text, e.g. "(Blumstein & Cohen, 1987)" or "Farrall
    (1995)", once each in order of first mention. The compendium has no reference lists."""
    found: list[str] = []
    for match in CITATION.finditer(text):
        citation = _squash(match["inner"] or match["outer"])
        if citation not in found:
            found.append(citation)
    return found


def parse_blocks(raw_lines: list[str]) -> list[Block]:
    """Body text -> blocks: bullets, numbered lists, quotations, headings, paragraphs, and an
    "implications for practice" block holding whatever follows that phrase up to a heading."""
    units = [_classify_line(line) for line in _logical_lines(raw_lines)]
    # A run of short title-like lines is a chart's labels, not a cascade of headings.
    for i, (kind, text) in enumerate(units):
        if kind != "heading":
            continue
        neighbours = [units[j][0] for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if "heading" in neighbours or i == len(units) - 1:
            units[i] = ("label", text)

    blocks: list[Block] = []
    implications: Block | None = None
    for kind, payload in units:
        if kind == "heading":
            implications = None
        target = implications.children if implications else blocks
        if kind == "implications":
            implications = Block("implications", text="Implications for practice")
            blocks.append(implications)
            if payload:
                implications.children.append(Block("paragraph", text=payload))
        elif kind in ("bullet", "label", "numbered"):
            list_kind = "numbered_list" if kind == "numbered" else "bullet_list"
            if target and target[-1].kind == list_kind and not target[-1].text:
                target[-1].items.append(payload)
            else:
                target.append(Block(list_kind, items=[payload]))
        elif kind == "quotation":
            target.append(Block("quotation", text=payload[0], attribution=payload[1]))
        else:
            target.append(Block(kind, text=payload))
    return blocks


def _logical_lines(raw_lines: list[str]) -> list[str]:
    """Non-blank lines with images removed, a lone list number joined to its text, and a line
    broken mid-sentence joined to its continuation."""
    result: list[str] = []
    for raw in raw_lines:
        line = _squash(IMAGE.sub("", raw))
        if not line:
            continue
        if result:
            previous = result[-1]
            lone_number = NUMBERED.match(previous) and not NUMBERED.match(previous).group(2)
            broken = (
                line[:1].islower() and not previous.endswith(TERMINAL) and not BULLET.match(line)
            )
            if lone_number or broken:
                result[-1] = f"{previous} {line}"
                continue
        result.append(line)
    return result


def _classify_line(line: str):
    if match := BULLET.match(line):
        return "bullet", match.group(1)
    if match := NUMBERED.match(line):
        return "numbered", match.group(2)
    if match := IMPLICATIONS.match(line):
        return "implications", match.group(1).strip()
    if match := QUOTATION.match(line):
        attribution = match["attribution"].strip().rstrip(".").strip("()").strip()
        return "quotation", (match["quote"].strip(), attribution)
    words = line.split()
    if (
        len(words) <= 7
        and line[:1].isupper()
        and not line.endswith((".", ",", ";", ":"))
        and "   " not in line
    ):
        return "heading", line
    return "paragraph", line


def _squash(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def _clean(text: str) -> str:
    lines = [_squash(IMAGE.sub("", line)) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def words(text: str) -> list[str]:
    """The words of a text, for checking that parsing lost nothing: list numbers, bullets and
    image placeholders are layout, not content, so they are left out."""
    text = IMAGE.sub(" ", text)
    return [word for word in re.findall(r"\w+", text) if not re.fullmatch(r"\d{1,2}", word)]
