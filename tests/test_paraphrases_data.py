"""The paraphrase list is written apart from the training, keyword and evaluation lists, and stays so."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from places import indicators
from retrieval.settings import ROOT
from tests.paraphrases import all_cases, need_cases, normalised, priority_cases, template_cases

# Everything the models or keyword readers learn from, and every evaluation set.
SOURCES = [
    *sorted((ROOT / "data" / "nlu").rglob("*.yml")),
    *sorted((ROOT / "data" / "eval").rglob("*.yml")),
    *sorted((ROOT / "data" / "lexicon").rglob("*.yml")),
    ROOT / "data" / "services" / "needs.yml",
    ROOT / "places" / "indicators.py",
    ROOT / "places" / "meaning.py",  # the descriptions the encoder reads priorities against
    ROOT / "places" / "compare.py",
    ROOT / "services" / "needs.py",
    ROOT / "bot" / "nlu" / "intents.py",
    *sorted((ROOT / "bot" / "actions").glob("*.py")),
]


def _keyword_entries() -> list[str]:
    """Every word or phrase in the priority keyword tables (however they are nested)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)

    for name in dir(indicators):
        if name.isupper() and name.endswith("_WORDS"):
            walk(getattr(indicators, name))
    return found


@pytest.fixture(scope="module")
def corpus() -> str:
    texts = [path.read_text(encoding="utf-8") for path in SOURCES if Path(path).exists()]
    return "\n".join(normalised(line) for text in texts for line in text.splitlines())


def test_sources_are_found() -> None:
    """The check below is empty if the lists moved: at least the NLU data, the evals and the needs must load."""
    assert sum(1 for p in SOURCES if "nlu" in p.parts) >= 10
    assert sum(1 for p in SOURCES if "eval" in p.parts) >= 10
    assert len(_keyword_entries()) > 50


@pytest.mark.parametrize("case", all_cases(), ids=lambda c: f"{c.group}-{c.id}")
def test_phrase_is_not_copied_from_training_keyword_or_eval_lists(case, corpus: str) -> None:
    assert normalised(case.text) not in corpus


def test_no_keyword_entry_is_a_whole_phrase() -> None:
    phrases = {normalised(c.text) for c in all_cases()}
    assert not phrases & {normalised(entry) for entry in _keyword_entries()}


def test_sizes_and_halves() -> None:
    """At least 40 priorities and 25 needs per language; 5 positives and 5 negatives per template and language;
    both halves used in every group."""
    for cases, least in ((priority_cases(), 40), (need_cases(), 25)):
        per_language = Counter(c.language for c in cases)
        assert per_language["en"] >= least and per_language["fr"] >= least
        assert {c.split for c in cases} == {"dev", "heldout"}
    per = Counter((c.group, c.language, c.expected["reaches"]) for c in template_cases())
    assert per and min(per.values()) >= 5
    assert len({c.id for c in all_cases()}) == len(all_cases())
