"""A safe search-result highlighter: an excerpt of plain text with the query's words marked.

Wagtail's database backend ranks results but does not highlight them, so this works over the
same text the index holds. Every piece of text is escaped by format_html around the <mark>s.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

EXCERPT_CHARS = 240


def query_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", query or "") if len(term) > 1]


def _pattern(terms: list[str]):
    # Whole words, allowing endings: "desist" marks "desistance", as the stemmed search does.
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def mark(text: str, query: str) -> SafeString:
    """The whole text, escaped, with the query's words in <mark>."""
    terms = query_terms(query)
    if not terms:
        return format_html("{}", text)
    pairs, last = [], 0
    for match in _pattern(terms).finditer(text):
        pairs.append((text[last : match.start()], match.group()))
        last = match.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pairs), text[last:])


def highlight(text: str, query: str, length: int = EXCERPT_CHARS) -> SafeString:
    """An excerpt of `text` around the first match of the query, matches marked."""
    text = re.sub(r"\s+", " ", text or "").strip()
    terms = query_terms(query)
    first = _pattern(terms).search(text) if terms else None
    start = max(0, first.start() - length // 3) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start
    excerpt = text[start : start + length]
    more = start + length < len(text)
    if more:
        excerpt = excerpt.rsplit(" ", 1)[0]
    return format_html("{}{}{}", "… " if start else "", mark(excerpt, query), " …" if more else "")
