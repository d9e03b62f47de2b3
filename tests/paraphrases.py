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
        Case("priorities", lang, row["text"], row["split"], dict(row["want"]))
        for lang in ("en", "fr")
        for row in raw[lang]
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


# Indicators that may be read beside the one asked for without misreading it ("French" also reads the
# designated areas; "real winters" may also read snow).
FAMILIES = (
    frozenset({"january_mean_temp", "annual_snowfall"}),
    frozenset(FRENCH),
    frozenset({"population", "population_growth"}),
    frozenset({"immigrant_share", "settlement_services"}),
)


def _wanted_high(direction: int, opposite: bool) -> bool:
    return (direction > 0) != opposite


def priority_problems(
    case: Case, weights: dict[str, float], opposite: frozenset[str], conflicts: tuple[str, ...]
) -> list[str]:
    """Why a reading of the case's text is wrong (empty when it is right): a priority missing, read the wrong
    way, in conflict, or an unrelated one added."""
    from places.indicators import INDICATORS

    problems: list[str] = []
    allowed: set[str] = set()
    for key, want in case.expected.items():
        keys = FRENCH if key == "french" else (key,)
        allowed |= set(keys)
        for family in FAMILIES:
            if family & set(keys):
                allowed |= family
        read = [k for k in keys if weights.get(k, 0) > 0]
        if not read:
            problems.append(f"{key}: not read")
            continue
        if want == "any":
            continue
        for k in read:
            if k in conflicts:
                problems.append(f"{k}: read both ways")
            elif INDICATORS[k].direction and _wanted_high(INDICATORS[k].direction, k in opposite) != (want == "high"):
                problems.append(f"{k}: read {'high' if want == 'low' else 'low'}, wanted {want}")
    extra = sorted(k for k, w in weights.items() if w > 0 and k not in allowed)
    if extra:
        problems.append(f"unrelated: {', '.join(extra)}")
    return problems


def need_problem(case: Case, need: str | None) -> str | None:
    """Why the need read for a case is wrong (None when right); `need` is None when no need was confident."""
    if "need" in case.expected:
        return None if need == case.expected["need"] else f"read {need}, wanted {case.expected['need']}"
    return f"read {need}, which it is not" if need in case.expected["not"] else None
