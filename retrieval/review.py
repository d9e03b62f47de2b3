"""What each publisher must re-check, and what the index holds by publisher kind and language.

`stale` is what `python -m retrieval stale` prints and what the staff console
will show: the items past their `review_by` date, grouped by the publisher of
the page they link, so each government sees its own list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from retrieval.content import ContentItem
from retrieval.publishers import PublisherKind, Publishers


@dataclass(frozen=True)
class StaleItem:
    id: str
    title: str
    origin: str
    review_by: dt.date
    days_overdue: int


def stale_by_publisher(items: list[ContentItem], publishers: Publishers, today: dt.date) -> dict[str, list[StaleItem]]:
    """Items whose `review_by` is before `today`, by publisher id (most overdue first)."""
    found: dict[str, list[StaleItem]] = {}
    for item in items:
        if item.review_by < today:
            found.setdefault(item.publisher, []).append(
                StaleItem(item.id, item.title, item.origin, item.review_by, (today - item.review_by).days)
            )
    return {
        pid: sorted(rows, key=lambda r: (-r.days_overdue, r.id))
        for pid, rows in sorted(found.items(), key=lambda kv: publishers[kv[0]].name.en)
    }


def counts_by_kind_and_language(items: list[ContentItem], publishers: Publishers) -> dict[str, Counter[str]]:
    """Number of items per publisher kind, per language (every kind listed, zero included)."""
    counts: dict[str, Counter[str]] = {kind.value: Counter() for kind in PublisherKind}
    for item in items:
        counts[publishers[item.publisher].kind.value][item.language] += 1
    return counts


def content_report(items: list[ContentItem], publishers: Publishers) -> str:
    """Markdown tables: items by publisher kind and language, then by publisher."""
    counts = counts_by_kind_and_language(items, publishers)
    lines = ["| publisher kind | EN | FR | total |", "| --- | ---: | ---: | ---: |"]
    for kind, row in counts.items():
        lines.append(f"| {kind} | {row['en']} | {row['fr']} | {row['en'] + row['fr']} |")
    en = sum(r["en"] for r in counts.values())
    fr = sum(r["fr"] for r in counts.values())
    lines.append(f"| **all** | **{en}** | **{fr}** | **{en + fr}** |")
    by_publisher: dict[str, Counter[str]] = {}
    for item in items:
        by_publisher.setdefault(item.publisher, Counter())[item.language] += 1
    lines += ["", "| publisher | kind | EN | FR |", "| --- | --- | ---: | ---: |"]
    for pid, row in sorted(by_publisher.items(), key=lambda kv: (publishers[kv[0]].kind.value, kv[0])):
        p = publishers[pid]
        lines.append(f"| {p.name.en} (`{pid}`) | {p.kind.value} | {row['en']} | {row['fr']} |")
    return "\n".join(lines)
