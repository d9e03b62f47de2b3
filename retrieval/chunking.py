"""Split content items into passages: by heading, within a word budget."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.content import ContentItem

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Passage:
    """A piece of one item small enough to embed and to quote as an answer."""

    passage_id: str
    item_id: str
    heading: str
    text: str

    def for_indexing(self, title: str) -> str:
        """What the rankers see: the item title and heading give the passage its context."""
        heading = f" — {self.heading}" if self.heading else ""
        return f"{title}{heading}\n{self.text}"


def _sections(body: str) -> list[tuple[str, str]]:
    matches = list(_HEADING.finditer(body))
    sections = []
    lead = body[: matches[0].start()] if matches else body
    if lead.strip():
        sections.append(("", lead.strip()))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        text = body[match.end() : end].strip()
        if text:
            sections.append((match.group(1).strip(), text))
    return sections


def _split(text: str, max_words: int) -> list[str]:
    """Pack paragraphs, then sentences, into pieces of at most max_words words."""
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        if len(paragraph.split()) <= max_words:
            units.append(paragraph.strip())
        else:
            units.extend(s.strip() for s in _SENTENCE_END.split(paragraph))
    pieces: list[str] = []
    current: list[str] = []
    for unit in units:
        words = unit.split()
        if len(words) > max_words:  # one very long sentence: cut it by words
            if current:
                pieces.append("\n\n".join(current))
                current = []
            pieces.extend(" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words))
            continue
        if current and len(" ".join(current).split()) + len(words) > max_words:
            pieces.append("\n\n".join(current))
            current = []
        current.append(unit)
    if current:
        pieces.append("\n\n".join(current))
    return [p for p in pieces if p.strip()]


def chunk_item(item: ContentItem, max_words: int) -> list[Passage]:
    """The item's passages, in reading order; ids are `<item id>#<n>`."""
    passages: list[Passage] = []
    for heading, text in _sections(item.body):
        for piece in _split(text, max_words):
            passages.append(Passage(f"{item.id}#{len(passages)}", item.id, heading, piece))
    return passages
