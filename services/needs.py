"""Which need a message is about: nearest example phrases, embedded with the index's encoder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.build import embed_texts
from retrieval.encoders import Encoder
from retrieval.lexical import BM25Ranker
from retrieval.yamlio import load_yaml
from services.directory import Vocabulary


@dataclass(frozen=True)
class NeedGuess:
    need: str
    similarity: float
    runner_up: str | None


class NeedClassifier:
    """Nearest example phrases per need (dense, both languages), plus BM25 over each need's words.

    The dense part catches paraphrases; the lexical part catches the names people
    use (OHIP, NAS, CLIC, "permis de conduire") that a small encoder may blur.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        needs_path: Path,
        encoder: Encoder,
        lexical_weight: float = 0.05,
        cache_dir: Path | None = None,
    ):
        raw = load_yaml(needs_path.read_text(encoding="utf-8"))["needs"]
        self.encoder = encoder
        self.labels: list[str] = []
        texts: list[str] = []
        for code, spec in raw.items():
            if code not in vocabulary.needs:
                continue
            phrases = [
                spec["en"],
                spec["fr"],
                *spec.get("examples", {}).get("en", []),
                *spec.get("examples", {}).get("fr", []),
            ]
            for phrase in phrases:
                self.labels.append(code)
                texts.append(phrase)
        self._matrix = (
            embed_texts(texts, encoder, cache_dir, as_queries=True) if texts else np.zeros((0, encoder.dim), np.float32)
        )
        self._labels = np.array(self.labels)
        self.lexical_weight = lexical_weight
        self._codes = sorted(set(self.labels))
        self._lexical = {
            lang: BM25Ranker(
                [" ".join(t for t, c in zip(texts, self.labels, strict=True) if c == code) for code in self._codes],
                lang,
            )
            for lang in ("en", "fr")
        }

    def classify(self, message: str, language: str = "en") -> NeedGuess | None:
        per_need = self.scores(message, language)
        if not per_need:
            return None
        ranked = sorted(per_need.items(), key=lambda kv: -kv[1])
        return NeedGuess(ranked[0][0], round(ranked[0][1], 4), ranked[1][0] if len(ranked) > 1 else None)

    def scores(self, message: str, language: str = "en") -> dict[str, float]:
        """Each need's score for the message: the mean of its 3 nearest examples, plus a little BM25."""
        if not len(self.labels):
            return {}
        vector = self.encoder.encode_queries([message])[0]
        scores = self._matrix @ vector
        per_need: dict[str, float] = {}
        for code in self._codes:
            best = np.sort(scores[self._labels == code])[-3:]
            per_need[code] = float(best.mean())
        lexical = self._lexical["fr" if language == "fr" else "en"].rank(
            message, np.ones(len(self._codes), dtype=bool), len(self._codes)
        )
        if lexical:
            top = lexical[0][1]
            for row, value in lexical:
                per_need[self._codes[row]] += self.lexical_weight * value / top
        return per_need
