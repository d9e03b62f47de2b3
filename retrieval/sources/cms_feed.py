"""The portal CMS feed source: a JSON export of a portal's pages (see docs/cms-feed.md).

The feed speaks the portal's own vocabulary (its tags, field names); this
adapter maps it onto the common content model, topics through the
taxonomy's crosswalk for that portal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from retrieval.content import ContentError, ContentItem
from retrieval.sources import SourceError
from retrieval.taxonomy import Taxonomy

FEED_FORMAT = "nwd-cms-export/1"


class CmsFeed:
    """Reads one JSON export file of the format `nwd-cms-export/1`."""

    def __init__(self, path: Path, name: str = "cms-feed"):
        self.path = Path(path)
        self.name = name

    def fingerprint_paths(self) -> list[Path]:
        return [self.path] if self.path.exists() else []

    def load(self, taxonomy: Taxonomy) -> list[ContentItem]:
        feed = self._read_feed()
        portal = feed.get("portal")
        if portal not in taxonomy.crosswalks:
            raise SourceError(
                [f"{self.path}: portal: '{portal}' has no crosswalk; allowed: {', '.join(sorted(taxonomy.crosswalks))}"]
            )
        records = feed.get("items")
        if not isinstance(records, list):
            raise SourceError([f"{self.path}: items: must be a list of page records"])
        items: list[ContentItem] = []
        problems: list[str] = []
        for index, record in enumerate(records):
            origin = f"{self.path}#items[{index}]"
            try:
                items.append(
                    ContentItem.from_record(self._to_common(record, portal, taxonomy, origin), origin, taxonomy)
                )
            except ContentError as exc:
                problems.extend(str(exc).splitlines())
        if problems:
            raise SourceError(problems)
        return items

    def _read_feed(self) -> dict[str, Any]:
        try:
            feed = json.loads(self.path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            raise SourceError([f"{self.path}: feed file not found"]) from None
        except UnicodeDecodeError:
            raise SourceError([f"{self.path}: feed is not UTF-8 text"]) from None
        except json.JSONDecodeError as exc:
            raise SourceError(
                [f"{self.path}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"]
            ) from None
        if not isinstance(feed, dict) or feed.get("format") != FEED_FORMAT:
            raise SourceError([f"{self.path}: format: expected '{FEED_FORMAT}'"])
        return feed

    @staticmethod
    def _to_common(record: Any, portal: str, taxonomy: Taxonomy, origin: str) -> dict[str, Any]:
        if not isinstance(record, dict):
            raise ContentError(origin, ["record must be a JSON object"])
        try:
            topics = taxonomy.map_portal_tags(portal, list(record.get("tags") or []))
        except KeyError as exc:
            raise ContentError(origin, [f"tags: {exc.args[0]}"]) from None
        machine_name = record.get("machine_name")
        langcode = record.get("langcode")
        mapped = {
            "id": f"{machine_name}.{langcode}",
            "title": record.get("title"),
            "language": langcode,
            "translation": machine_name,
            "topics": topics,
            "jurisdiction": record.get("jurisdiction"),
            "owner": record.get("owner"),
            "publisher": record.get("publisher"),
            "portal": portal,
            "audience": record.get("audience"),
            "regions": record.get("regions"),
            "url": record.get("path"),
            "sources": [
                {"title": ref.get("label"), "url": ref.get("href")}
                for ref in record.get("references") or []
                if isinstance(ref, dict)
            ],
            "last_reviewed": record.get("reviewed"),
            "review_by": record.get("review_due"),
            "body": record.get("body_markdown"),
            # Optional: the page's question-and-answer block, in the page's language.
            "faq": None
            if record.get("faq") is None
            else [
                {"q": pair.get("question"), "a": pair.get("answer")} if isinstance(pair, dict) else pair
                for pair in record["faq"]
            ],
        }
        # An absent field is reported as missing, not as "None is not a string".
        return {key: value for key, value in mapped.items() if value is not None}
