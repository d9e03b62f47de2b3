"""Measure redaction on the labelled messages of data/eval/privacy: recall and precision per kind and language.

Definitions (each table row states them once):
- recall: share of labelled spans whose characters are all replaced (a postal code's first three
  characters are meant to stay, so only its last three count);
- precision: share of replaced spans that overlap a labelled span;
- right kind: share of the removed labelled spans replaced by the placeholder of their own kind;
- hard negatives changed: share of messages without personal information that the redaction altered.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from privacy.engine import Finding, Redactor
from privacy.kinds import Kind

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "data" / "eval" / "privacy"
SPLITS = ("dev", "heldout")
# The bars of issue 16: minimum recall per kind in each language; maximum share of hard negatives changed.
_STRICT = (Kind.SIN, Kind.UCI, Kind.PASSPORT, Kind.HEALTH_CARD, Kind.CARD_NUMBER, Kind.EMAIL, Kind.PHONE)
RECALL_BARS = {
    **dict.fromkeys(_STRICT, 0.99),
    **dict.fromkeys((Kind.POSTAL_CODE, Kind.ADDRESS, Kind.DATE_OF_BIRTH), 0.95),
    Kind.PERSON: 0.85,
}
MAX_NEGATIVES_CHANGED = 0.02
# Rasa's entity annotations in training examples: [text]{"entity": ...} or [text](entity)
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")


@dataclass
class Message:
    id: str
    lang: str
    kind: str
    text: str
    pii: list[tuple[Kind, int, int]] = field(default_factory=list)


def load_messages(split: str, folder: Path = EVAL_DIR) -> list[Message]:
    """The labelled messages of one split; each labelled value must occur in its message."""
    raw = yaml.safe_load((folder / f"{split}.yml").read_text(encoding="utf-8")) or []
    messages = []
    for item in raw:
        spans, cursor = [], 0
        for label in item.get("pii") or []:
            start = item["text"].find(label["value"], cursor)
            if start < 0:
                start = item["text"].find(label["value"])
            if start < 0:
                raise ValueError(f"{split}.yml: {item['id']}: {label['value']!r} is not in the text")
            spans.append((Kind(label["type"]), start, start + len(label["value"])))
            cursor = start + len(label["value"])
        messages.append(Message(item["id"], item["lang"], item["kind"], item["text"], spans))
    return messages


def _must_go(kind: Kind, text: str, start: int, end: int) -> list[int]:
    """Offsets of the characters that redaction must remove (letters and digits only)."""
    if kind == Kind.POSTAL_CODE:
        start += 3
    return [i for i in range(start, end) if text[i].isalnum()]


@dataclass
class Counts:
    gold: int = 0
    removed: int = 0
    right_kind: int = 0
    predicted: int = 0
    correct: int = 0


@dataclass
class Report:
    split: str
    rows: dict[tuple[str, str], Counts]
    negatives: dict[str, tuple[int, int]]
    latency_ms: list[float]
    misses: list[str]

    def recall(self, kind: str, lang: str) -> float | None:
        c = self.rows.get((kind, lang))
        return c.removed / c.gold if c and c.gold else None

    def failures(self) -> list[str]:
        """The bars this report does not reach."""
        out = []
        for kind, bar in RECALL_BARS.items():
            for lang in ("en", "fr"):
                value = self.recall(kind.value, lang)
                if value is not None and value < bar:
                    out.append(f"{kind.value} {lang}: recall {value:.2f} < {bar}")
        for lang, (changed, total) in self.negatives.items():
            if total and changed / total > MAX_NEGATIVES_CHANGED:
                out.append(f"hard negatives {lang}: {changed}/{total} changed > {MAX_NEGATIVES_CHANGED:.0%}")
        return out


def evaluate(redactor: Redactor, split: str, folder: Path = EVAL_DIR) -> Report:
    messages = load_messages(split, folder)
    rows: dict[tuple[str, str], Counts] = defaultdict(Counts)
    negatives: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    latency: list[float] = []
    misses: list[str] = []
    for m in messages:
        started = time.perf_counter()
        redaction = redactor.redact(m.text, m.lang)
        latency.append((time.perf_counter() - started) * 1000)
        findings: list[Finding] = redactor.find(m.text, m.lang)
        if m.kind == "hard_negative":
            negatives[m.lang][1] += 1
            if redaction.text != m.text:
                negatives[m.lang][0] += 1
                misses.append(f"{m.id} changed: {redaction.text}")
        for kind, start, end in m.pii:
            c = rows[(kind.value, m.lang)]
            c.gold += 1
            covered = set()
            kinds = set()
            for f in findings:
                if f.start < end and start < f.end:
                    covered |= set(range(f.start, f.end))
                    kinds.add(f.kind)
            if all(i in covered for i in _must_go(kind, m.text, start, end)):
                c.removed += 1
                c.right_kind += kind in kinds
            else:
                misses.append(f"{m.id} missed {kind.value} {m.text[start:end]!r}: {redaction.text}")
        for f in findings:
            c = rows[(f.kind.value, m.lang)]
            c.predicted += 1
            if any(f.start < end and start < f.end for _, start, end in m.pii):
                c.correct += 1
            elif m.kind == "positive":
                misses.append(f"{m.id} extra {f.kind.value} {m.text[f.start : f.end]!r}")
    return Report(split, dict(rows), {k: (v[0], v[1]) for k, v in negatives.items()}, latency, misses)


def _fmt(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "–"


def _bar(kind: Kind) -> str:
    return f"{RECALL_BARS[kind]:.2f}" if kind in RECALL_BARS else "–"


def to_markdown(report: Report) -> str:
    lines = [
        f"**{report.split}**",
        "",
        "| kind | lang | recall | bar | precision | right kind |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for kind in Kind:
        for lang in ("en", "fr"):
            c = report.rows.get((kind.value, lang))
            if not c:
                continue
            lines.append(
                f"| {kind.value} | {lang} | {_fmt(c.removed, c.gold)} | {_bar(kind)} "
                f"| {_fmt(c.correct, c.predicted)} | {_fmt(c.right_kind, c.removed)} |"
            )
    lines += ["", "| hard negatives | changed | bar |", "| --- | ---: | ---: |"]
    for lang in ("en", "fr"):
        changed, total = report.negatives.get(lang, (0, 0))
        lines.append(f"| {lang} | {_fmt(changed, total)} | ≤ {MAX_NEGATIVES_CHANGED:.2f} |")
    lat = sorted(report.latency_ms)
    p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
    lines += [
        "",
        f"Redaction time per message (in this run, one process): median {statistics.median(lat):.1f} ms, "
        f"p95 {p95:.1f} ms, over {len(lat)} messages.",
        "",
        "Bars not reached: " + ("; ".join(report.failures()) or "none"),
    ]
    return "\n".join(lines)


def write_block(path: Path, name: str, text: str) -> None:
    """Put `text` between `<!-- name:start -->` and `<!-- name:end -->` in the file (appended if absent)."""
    doc = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text}\n{end}"
    if start in doc and end in doc:
        doc = doc[: doc.index(start)] + block + doc[doc.index(end) + len(end) :]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")


def nlu_examples_changed(redactor: Redactor, folder: Path = ROOT / "data" / "nlu") -> tuple[int, int, list[str]]:
    """Another set of hard negatives: the dialogue's training examples (none holds personal information
    except by accident); (changed, total, the changed ones redacted)."""
    changed, total, lines = 0, 0, []
    for path in sorted(folder.rglob("*.yml")):
        lang = "fr" if "fr" in path.relative_to(folder).parts else "en"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("nlu") or []:
            for line in str(item.get("examples") or "").splitlines():
                if not line.strip().startswith("- "):
                    continue
                text = _ANNOTATION.sub(r"\1", line.strip()[2:])
                total += 1
                redaction = redactor.redact(text, lang)
                if redaction.changed:
                    changed += 1
                    lines.append(f"{path.name}: {redaction.text}")
    return changed, total, lines
