"""BM25 over passages, with language-aware stemming (bm25s + PyStemmer, Snowball)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_FRENCH

from retrieval.folding import fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMERS = {"en": "english", "fr": "french"}


class Analyzer:
    """Tokenise, drop stop words and stem, for one language."""

    def __init__(self, language: str):
        if language not in _STEMMERS:
            raise ValueError(f"unsupported language '{language}'; allowed: {', '.join(_STEMMERS)}")
        self.language = language
        self._stemmer = Stemmer.Stemmer(_STEMMERS[language])
        stop = STOPWORDS_EN if language == "en" else STOPWORDS_FRENCH
        self._stop = {fold(w) for w in stop}

    def __call__(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in self._stop]
        return list(self._stemmer.stemWords(words))


class BM25Ranker:
    """BM25 over the passages of one language."""

    def __init__(self, texts: Sequence[str], language: str):
        self.analyzer = Analyzer(language)
        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        if self.size:
            self._bm25.index([self.analyzer(t) or ["_"] for t in texts], show_progress=False)

    def rank(self, query: str, allowed: np.ndarray, depth: int) -> list[tuple[int, float]]:
        """(row, score) of the best rows among `allowed` (a boolean mask), best first."""
        tokens = [t for t in self.analyzer(query) if t in self._bm25.vocab_dict] if self.size else []
        if not self.size or not tokens or not allowed.any():
            return []
        scores = self._bm25.get_scores(tokens) * allowed
        order = np.argsort(-scores, kind="stable")[:depth]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]
