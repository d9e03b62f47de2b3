"""Everyday words searched with the words the content uses ("proprio" -> "propriétaire", "pogey" -> "employment
insurance"), from data/lexicon/colloquial.yml: the encoder and BM25 know the content's words better."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from nwd.settings import get_settings
from retrieval.folding import fold
from retrieval.yamlio import load_yaml


@functools.cache
def _patterns(path: Path) -> dict[str, list[tuple[re.Pattern[str], str]]]:
    raw = load_yaml(path.read_text(encoding="utf-8"))
    return {
        language: [
            (re.compile(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])"), str(value)) for key, value in words.items()
        ]
        for language, words in raw.items()
    }


def with_standard_words(question: str, language: str, path: Path | None = None) -> str:
    """The question, followed by the content's words for the everyday words it uses (none: unchanged)."""
    folded = fold(question)
    patterns = _patterns(path or get_settings().retrieval.colloquial_path).get(language, [])
    added = [standard for pattern, standard in patterns if pattern.search(folded) and fold(standard) not in folded]
    return " ".join([question, *dict.fromkeys(added)]) if added else question
