"""Coverage of the content index: what is there, in which language, what is due for review."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from retrieval.corpus import Corpus


def content_stats(corpus: Corpus, today: dt.date | None = None) -> dict[str, Any]:
    """Counts by language, jurisdiction, topic, owner, portal; coverage; items past review_by."""
    today = today or dt.date.today()
    items = corpus.items
    taxonomy = corpus.taxonomy
    coverage: dict[str, dict[str, dict[str, int]]] = {}
    for item in items:
        for topic in item.topics:
            cell = coverage.setdefault(topic, {}).setdefault(item.language, {})
            cell[str(item.jurisdiction)] = cell.get(str(item.jurisdiction), 0) + 1
    municipal_regions = {
        code for code, parent in taxonomy.region_parents.items() if parent in taxonomy.regions and parent != "CA"
    }
    covered = Counter(r for item in items for r in item.regions if r in municipal_regions)
    return {
        "items": len(items),
        "translation_groups": len({i.translation for i in items}),
        "by_language": dict(Counter(i.language for i in items)),
        "by_jurisdiction": dict(Counter(str(i.jurisdiction) for i in items)),
        "by_topic": dict(Counter(t for i in items for t in i.topics)),
        "by_owner": dict(Counter(i.owner for i in items)),
        "by_portal": dict(Counter(i.portal for i in items)),
        "by_audience": dict(Counter(str(i.audience) for i in items)),
        "coverage": coverage,
        "municipalities_covered": {code: covered[code] for code in sorted(covered)},
        "municipalities_missing": sorted(municipal_regions - set(covered)),
        "past_review_by": sorted(i.id for i in items if i.review_by < today),
        "missing_translations": corpus.missing_translations,
        "duplicates": corpus.duplicates,
    }
