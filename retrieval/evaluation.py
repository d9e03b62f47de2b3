"""Retrieval quality on the development questions: Recall@1, Recall@5, MRR@10 per ranker and language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from retrieval.search import Mode, SearchIndex
from retrieval.taxonomy import LANGUAGES
from retrieval.yamlio import load_yaml


@dataclass(frozen=True)
class Question:
    q: str
    lang: str
    relevant: tuple[str, ...]  # translation groups that answer it
    origin: str


class QuestionSetError(ValueError):
    pass


def load_questions(folder: Path, known_groups: set[str]) -> list[Question]:
    """Read every `*.yml` in the folder; each entry needs q, lang and relevant groups that exist."""
    questions: list[Question] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        try:
            entries = load_yaml(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise QuestionSetError(f"{path}: not valid YAML: {exc}") from None
        for n, entry in enumerate(entries):
            where = f"{path}[{n}]"
            if not isinstance(entry, dict) or not str(entry.get("q", "")).strip():
                problems.append(f"{where}: needs a non-empty 'q'")
                continue
            if entry.get("lang") not in LANGUAGES:
                problems.append(f"{where}: lang must be one of {', '.join(LANGUAGES)}")
                continue
            relevant = tuple(str(g) for g in entry.get("relevant") or [])
            unknown = [g for g in relevant if g not in known_groups]
            if not relevant or unknown:
                problems.append(f"{where}: relevant groups {unknown or '[]'} not in the content index")
                continue
            questions.append(Question(str(entry["q"]), entry["lang"], relevant, where))
    if problems:
        raise QuestionSetError("\n".join(problems))
    return questions


@dataclass(frozen=True)
class Scores:
    recall_at_1: float
    recall_at_5: float
    mrr_at_10: float
    count: int


def score(index: SearchIndex, questions: list[Question], mode: Mode) -> dict[str, Scores]:
    """Scores per language; a hit is a result whose translation group is relevant."""
    out: dict[str, Scores] = {}
    for language in LANGUAGES:
        subset = [q for q in questions if q.lang == language]
        if not subset:
            continue
        r1 = r5 = mrr = 0.0
        for question in subset:
            hits = index.search(question.q, language, k=10, mode=mode).hits
            ranks = [i for i, h in enumerate(hits) if h.translation in question.relevant]
            first = ranks[0] if ranks else None
            r1 += first == 0
            r5 += first is not None and first < 5
            mrr += 1.0 / (first + 1) if first is not None else 0.0
        n = len(subset)
        out[language] = Scores(r1 / n, r5 / n, mrr / n, n)
    return out


def evaluate(
    indexes: dict[str, SearchIndex],
    questions: list[Question],
    on_row: Callable[[str], None] | None = None,
) -> list[tuple[str, str, Scores]]:
    """Rows (ranker, language, scores): BM25 once, each encoder dense alone, and each hybrid."""
    rows: list[tuple[str, str, Scores]] = []
    first = next(iter(indexes.values()))
    for language, s in score(first, questions, Mode.bm25).items():
        rows.append(("bm25", language, s))
    if on_row:
        on_row("bm25")
    for name, index in indexes.items():
        for mode in (Mode.dense, Mode.hybrid):
            label = f"{mode.value} {name}" if mode is Mode.dense else f"hybrid bm25+{name}"
            for language, s in score(index, questions, mode).items():
                rows.append((label, language, s))
            if on_row:
                on_row(label)
    return rows


def markdown_table(rows: list[tuple[str, str, Scores]]) -> str:
    lines = [
        "| ranker | lang | questions | Recall@1 | Recall@5 | MRR@10 |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for ranker, language, s in rows:
        lines.append(
            f"| {ranker} | {language} | {s.count} | {s.recall_at_1:.3f} | {s.recall_at_5:.3f} | {s.mrr_at_10:.3f} |"
        )
    return "\n".join(lines)
