"""One normaliser between the content and every channel.

Content is Markdown written by editors: hard-wrapped lines, emphasis, links,
lists. A reply is plain text that reads well in a chat bubble, an SMS or a
screen reader: whole sentences, lists as lists, figures exactly as written.

`units(body)` cuts a body into answerable units — sentences, and list items
that remember the sentence introducing their list — in reading order.
`render(units)` puts a selection of them back together as clean text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,2}[.)])\s+(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")

# A sentence ends at . ! ? (or : before a list) followed by a space and a capital, digit or quote.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"»”)]?\s+(?=[\"«“(]?[A-ZÀ-ÖØ-Þ0-9])")
# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = {
    "e.g.", "i.e.", "st.", "ste.", "dr.", "mr.", "mrs.", "ms.", "no.", "nos.", "vs.", "approx.",
    "u.s.", "p.", "ex.", "min.", "max.", "art.", "m.", "mme.", "n°.", "inc.", "ltd.", "ave.",
    "rd.", "tel.", "tél.", "ch.", "sect.", "c.-à-d.", "env.",
}  # fmt: skip


def clean_inline(text: str) -> str:
    """Markdown inline syntax removed, whitespace collapsed; words and figures untouched."""
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = text.replace("\\\n", " ").replace("\\", "")
    return _SPACES.sub(" ", text).strip()


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph of clean text, abbreviations and decimals respected."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        before = paragraph[start : match.start() + 1].rstrip()
        last_word = before.rsplit(" ", 1)[-1].lower().strip('"«“(')
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-zà-ÿ]\.", last_word):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


@dataclass(frozen=True)
class Unit:
    """A sentence or a list item of a content body, in reading order.

    `block` numbers the paragraph or list it belongs to; `lead` is the position
    of the sentence that introduces a list item's list (None elsewhere).
    """

    position: int
    heading: str
    kind: str  # "sentence" | "item"
    text: str
    block: int
    lead: int | None = None

    @property
    def introduces_list(self) -> bool:
        return self.kind == "sentence" and self.text.endswith(":")


def _blocks(body: str) -> Iterable[tuple[str, str, list[str]]]:
    """(heading, kind, lines) for each paragraph ("p") or list ("list") of the body."""
    heading = ""
    kind: str | None = None
    lines: list[str] = []

    def flush() -> Iterable[tuple[str, str, list[str]]]:
        nonlocal kind, lines
        if kind and lines:
            yield heading, kind, lines
        kind, lines = None, []

    for raw in body.splitlines():
        line = raw.rstrip()
        if not line.strip():
            # A blank line ends a paragraph; inside a list it may separate items.
            if kind == "p":
                yield from flush()
            continue
        if found := _HEADING.match(line):
            yield from flush()
            heading = clean_inline(found.group(1))
            continue
        if found := _LIST_ITEM.match(line):
            if kind != "list":
                yield from flush()
                kind = "list"
            lines.append(found.group(1))
            continue
        if kind == "list" and raw[:1] in (" ", "\t"):
            lines[-1] += " " + line.strip()  # a wrapped list item
            continue
        if kind == "list":
            yield from flush()
        if kind is None:
            kind = "p"
            lines = [line.strip()]
        else:
            lines[-1] += " " + line.strip()  # a hard-wrapped paragraph line
    yield from flush()


def units(body: str) -> list[Unit]:
    """The body as sentences and list items; each list item points at its list's lead-in sentence."""
    out: list[Unit] = []
    last_sentence: int | None = None
    previous_kind = ""
    for block, (heading, kind, lines) in enumerate(_blocks(body)):
        if kind == "p":
            for sentence in split_sentences(clean_inline(" ".join(lines))):
                out.append(Unit(len(out), heading, "sentence", sentence, block))
                last_sentence = len(out) - 1
        else:
            lead = last_sentence if previous_kind == "p" and last_sentence is not None else None
            # Only a sentence of the same section, ending in ":", introduces the list.
            if lead is not None and (not out[lead].introduces_list or out[lead].heading != heading):
                lead = None
            for line in lines:
                text = clean_inline(line)
                if text:
                    out.append(Unit(len(out), heading, "item", text, block, lead))
        previous_kind = kind
    return out


def _item_text(text: str) -> str:
    """A list item as a line: without the list's own separators ("; and", trailing ";")."""
    text = re.sub(r"\s*;\s*(and|or|et|ou)?\s*$", "", text.strip())
    return text.rstrip(",")


def render(selected: Sequence[Unit]) -> str:
    """Selected units as plain text: sentences of one paragraph joined, list items on lines of their own.

    A reply never ends on a colon: a lead-in sentence with none of its items
    selected is dropped, and so is a final sentence ending in ":".
    """
    chosen = sorted({u.position: u for u in selected}.values(), key=lambda u: u.position)
    items_of = {u.lead for u in chosen if u.kind == "item" and u.lead is not None}
    kept = [u for u in chosen if not (u.introduces_list and u.position not in items_of)]
    parts: list[str] = []
    previous: Unit | None = None
    for unit in kept:
        if unit.kind == "item":
            line = f"- {_item_text(unit.text)}"
            same_list = previous is not None and (previous.block == unit.block or previous.position == unit.lead)
            parts.append(("\n" if same_list else "\n\n" if previous is not None else "") + line)
        elif previous is not None and previous.block == unit.block and previous.kind == "sentence":
            parts.append(" " + unit.text)
        else:
            parts.append(("\n\n" if previous is not None else "") + unit.text)
        previous = unit
    text = "".join(parts).strip()
    return _close(text)


def _close(text: str) -> str:
    """No dangling colon or list separator at the very end."""
    text = text.rstrip()
    while text.endswith((":", ";", ",")):
        text = text[:-1].rstrip()
        if not text:
            break
        if text[-1] not in '.!?)»”"':
            text += "."
    return text


def clean_text(markdown: str) -> str:
    """A whole Markdown text as clean plain text (every unit, in order)."""
    return render(units(markdown))


def first_sentences(markdown: str, max_words: int, more: str = "") -> str:
    """The opening sentences of a text within max_words (cut by words, ending in `more`, if the first is longer)."""
    out: list[str] = []
    for unit in units(markdown):
        if out and len(" ".join([*out, unit.text]).split()) > max_words:
            break
        out.append(unit.text)
    words = " ".join(out).split()
    return " ".join(out) if len(words) <= max_words else " ".join(words[:max_words]) + more
