"""The paraphrase list (tests/data/paraphrases.yml), loaded once for the tests that read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from retrieval.folding import fold

PARAPHRASES = Path(__file__).parent / "data" / "paraphrases.yml"

# "french" in the list stands for any of the indicators that measure French in daily life.
FRENCH = ("french_speakers_share", "bilingual_share", "fls_designated", "welcoming_francophone_community")


@dataclass(frozen=True)
class Case:
    group: str
    language: str
    text: str
    split: str
    expected: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.language}:{self.text}"


def _raw() -> dict[str, Any]:
    return yaml.safe_load(PARAPHRASES.read_text(encoding="utf-8"))


def priority_cases() -> list[Case]:
    raw = _raw()["priorities"]
    return [
        Case("priorities", lang, row["text"], row["split"], dict(row["want"])) for lang in ("en", "fr") for row in raw[lang]
    ]


def need_cases() -> list[Case]:
    raw = _raw()["needs"]
    cases = []
    for lang in ("en", "fr"):
        for row in raw[lang]:
            expected = {"need": row["need"]} if "need" in row else {"not": list(row["not"])}
            cases.append(Case("needs", lang, row["text"], row["split"], expected))
    return cases


def template_cases() -> list[Case]:
    """One case per phrase; expected: the template's decision, and whether the phrase should reach it."""
    cases = []
    for name, group in _raw()["templates"].items():
        for lang in ("en", "fr"):
            for polarity in ("positive", "negative"):
                for row in group[lang][polarity]:
                    expected = {"decision": group["decision"], "reaches": polarity == "positive"}
                    cases.append(Case(name, lang, row["text"], row["split"], expected))
    return cases


def all_cases() -> list[Case]:
    return priority_cases() + need_cases() + template_cases()


def normalised(text: str) -> str:
    """Folded, punctuation dropped, spaces squeezed: how two texts are compared for a copy."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())
