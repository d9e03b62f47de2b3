"""Gather the corpus from every source: validate, de-duplicate, check translations."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.content import ContentItem
from retrieval.settings import RetrievalSettings
from retrieval.sources import ContentSource, SourceError
from retrieval.sources.cms_feed import CmsFeed
from retrieval.sources.markdown import MarkdownFolder
from retrieval.taxonomy import Taxonomy, load_taxonomy

# Metadata the English and French versions of one topic must share.
TWIN_FIELDS = ("topics", "jurisdiction", "owner", "portal", "audience", "regions")


class CorpusError(ValueError):
    """The corpus cannot be built. `problems` names every file, field and what is allowed."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} content problem(s):\n" + "\n".join(problems))


@dataclass
class Corpus:
    """Validated content items from all sources, and what was noticed on the way."""

    items: list[ContentItem]
    taxonomy: Taxonomy
    duplicates: list[str] = field(default_factory=list)
    missing_translations: list[str] = field(default_factory=list)
    fingerprint: str = ""

    def by_id(self) -> dict[str, ContentItem]:
        return {item.id: item for item in self.items}


def default_sources(settings: RetrievalSettings) -> list[ContentSource]:
    """The Markdown folder first (it wins a duplicate), then each CMS feed."""
    sources: list[ContentSource] = [MarkdownFolder(settings.content_dir)]
    sources.extend(CmsFeed(path, name=f"cms-feed:{path.name}") for path in settings.feeds)
    return sources


def fingerprint(paths: list[Path], extra: str = "") -> str:
    """SHA-256 over the names and bytes of the given files (and an extra string)."""
    digest = hashlib.sha256(extra.encode())
    for path in sorted(paths):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_corpus(settings: RetrievalSettings, sources: list[ContentSource] | None = None) -> Corpus:
    """Load every source; raise CorpusError listing all problems before anything is built."""
    taxonomy = load_taxonomy(settings.taxonomy_path)
    sources = default_sources(settings) if sources is None else sources
    problems: list[str] = []
    items: list[ContentItem] = []
    duplicates: list[str] = []
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for source in sources:
        try:
            loaded = source.load(taxonomy)
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        for item in loaded:
            first = seen_ids.get(item.id) or seen_hashes.get(item.content_hash)
            if first is not None:
                if first.split("|")[0] == source.name:
                    problems.append(
                        f"{item.origin}: id: '{item.id}' appears twice in {source.name} (also {first.split('|')[1]})"
                    )
                else:
                    duplicates.append(
                        f"{item.id} from {source.name} ({item.origin}) duplicates {first.split('|')[1]}; kept the first"
                    )
                continue
            seen_ids[item.id] = seen_hashes[item.content_hash] = f"{source.name}|{item.origin}"
            items.append(item)
    problems.extend(_twin_mismatches(items))
    if problems:
        raise CorpusError(problems)
    paths = [p for s in sources for p in s.fingerprint_paths()]
    return Corpus(
        items=sorted(items, key=lambda i: i.id),
        taxonomy=taxonomy,
        duplicates=duplicates,
        missing_translations=_missing_twins(items),
        fingerprint=fingerprint([*paths, settings.taxonomy_path]),
    )


def _groups(items: list[ContentItem]) -> dict[str, dict[str, ContentItem]]:
    groups: dict[str, dict[str, ContentItem]] = {}
    for item in items:
        groups.setdefault(item.translation, {})[item.language] = item
    return groups


def _twin_mismatches(items: list[ContentItem]) -> list[str]:
    problems = []
    for group, versions in _groups(items).items():
        if len(versions) < 2:
            continue
        en, fr = versions["en"], versions["fr"]
        for name in TWIN_FIELDS:
            a, b = getattr(en, name), getattr(fr, name)
            if (sorted(a) if isinstance(a, list) else a) != (sorted(b) if isinstance(b, list) else b):
                problems.append(
                    f"{fr.origin}: {name}: {b!r} differs from the English version's {a!r} "
                    f"({en.origin}); translations of '{group}' must share {', '.join(TWIN_FIELDS)}"
                )
    return problems


def _missing_twins(items: list[ContentItem]) -> list[str]:
    missing = []
    for group, versions in sorted(_groups(items).items()):
        for language in ("en", "fr"):
            if language not in versions:
                other = next(iter(versions.values()))
                missing.append(f"{group}: no '{language}' version (have {other.origin})")
    return missing
