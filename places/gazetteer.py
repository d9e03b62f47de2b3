"""Find the places named in a message, with spaCy's PhraseMatcher over the gazetteer.

Names are matched case- and accent-insensitively, including the common
misspellings listed in `data/places/gazetteer.yml`. The most specific region
wins when a message names several places.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

from retrieval.folding import fold
from retrieval.yamlio import load_yaml


@dataclass(frozen=True)
class Place:
    id: str
    en: str
    fr: str
    region: str
    # The id of the place's record in data/places (its figures), where it has one.
    record: str | None = None

    def name(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class Gazetteer:
    """Matches place names in text."""

    def __init__(self, path: Path, extra: list[dict] | None = None):
        """`extra`: more entries in the gazetteer's shape (e.g. every place that has figures)."""
        raw = load_yaml(path.read_text(encoding="utf-8"))
        known = {p["id"] for p in raw["places"]}
        raw["places"] = [*raw["places"], *(e for e in extra or [] if e["id"] not in known)]
        self.places = [Place(p["id"], p["en"], p["fr"], p["region"], p.get("record")) for p in raw["places"]]
        self._by_id = {p.id: p for p in self.places}
        # A blank pipeline: only the tokenizer is needed, no model.
        self._nlp = spacy.blank("xx")
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        for entry in raw["places"]:
            names = {entry["en"], entry["fr"], *entry.get("variants", [])}
            patterns = [self._nlp.make_doc(fold(name)) for name in names]
            self._matcher.add(entry["id"], patterns)

    def find(self, text: str) -> list[Place]:
        """Every place named in the text, in order of appearance, without repeats."""
        doc = self._nlp.make_doc(fold(text[:2000]))
        spans = sorted(
            ((start, end, self._nlp.vocab.strings[match_id]) for match_id, start, end in self._matcher(doc)),
            key=lambda m: (m[0], -(m[1] - m[0])),
        )
        found: list[Place] = []
        last_end = -1
        for start, end, place_id in spans:
            if start < last_end:  # inside a longer match ("thunder bay" over "bay")
                continue
            last_end = end
            place = self._by_id[place_id]
            if place not in found:
                found.append(place)
        return found

    def without(self, text: str, region: str) -> str:
        """The text without the names of the place whose region is `region` (a municipality, "ON-..."):
        where the place is known, it filters the search, and its name would only pull every item
        about that city to the top ("register my child at school in Toronto" is not about Toronto's
        library). Text whose folded form changes length is returned unchanged."""
        if "-" not in region or len(fold(text)) != len(text):
            return text
        doc = self._nlp.make_doc(fold(text))
        spans = sorted(
            (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
            for match_id, start, end in self._matcher(doc)
            if self._by_id[self._nlp.vocab.strings[match_id]].region == region
        )
        if not spans:
            return text
        out, last = [], 0
        for begin, end in spans:
            if begin >= last:
                out.append(text[last:begin])
                last = end
        out.append(text[last:])
        stripped = " ".join("".join(out).split())
        return stripped if stripped.strip(" ,.?!") else text

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def suggest(self, text: str, limit: int = 3) -> list[Place]:
        """Places whose names look like the words of the text (for misspellings not listed)."""
        import difflib

        names: dict[str, Place] = {}
        for place in self.places:
            for name in (place.en, place.fr):
                names.setdefault(fold(name), place)
        words = [w for w in fold(text).replace(",", " ").replace("?", " ").split() if len(w) >= 4]
        found: list[Place] = []
        for word in words:
            for match in difflib.get_close_matches(word, list(names), n=limit, cutoff=0.75):
                if names[match] not in found:
                    found.append(names[match])
        return found[:limit]

    def by_name(self, name: str) -> Place | None:
        """The place whose English or French name is exactly `name` (case and accents ignored)."""
        folded = fold(name)
        return next((p for p in self.places if folded in (fold(p.en), fold(p.fr))), None)
