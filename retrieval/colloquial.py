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
def _lexicon(path: Path) -> dict[str, dict[str, str]]:
    raw = load_yaml(path.read_text(encoding="utf-8"))
    return {section: {str(k): str(v) for k, v in words.items()} for section, words in raw.items()}


@functools.cache
def _patterns(path: Path) -> dict[str, list[tuple[re.Pattern[str], str]]]:
    lexicon = _lexicon(path)
    tables = {"en": lexicon["en"], "fr": {**lexicon["spoken_fr"], **lexicon["fr"]}}
    return {
        language: [(re.compile(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])"), value) for key, value in table.items()]
        for language, table in tables.items()
    }


def spoken_french(path: Path | None = None) -> dict[str, str]:
    """Spoken Canadian French words and their standard form ("frette" -> "froid"): never English words, so a
    reader may write them the standard way in any message."""
    return _lexicon(path or get_settings().retrieval.colloquial_path)["spoken_fr"]


def with_standard_words(question: str, language: str, path: Path | None = None) -> str:
    """The question, followed by the content's words for the everyday words it uses (none: unchanged)."""
    folded = fold(question)
    patterns = _patterns(path or get_settings().retrieval.colloquial_path).get(language, [])
    added = [standard for pattern, standard in patterns if pattern.search(folded) and fold(standard) not in folded]
    return " ".join([question, *dict.fromkeys(added)]) if added else question
