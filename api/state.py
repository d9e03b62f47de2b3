"""What the API holds in memory: the search index and the content statistics, loaded once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from retrieval.build import IndexNotBuiltError, Manifest, build_index, load_index
from retrieval.corpus import CorpusError, load_corpus
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings
from retrieval.stats import content_stats
from retrieval.taxonomy import Taxonomy, TaxonomyError

log = logging.getLogger("nwd.api")


@dataclass
class AppState:
    """Ready once the index is loaded; `problem` says why not otherwise."""

    index: SearchIndex | None = None
    manifest: Manifest | None = None
    taxonomy: Taxonomy | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None

    @property
    def ready(self) -> bool:
        return self.index is not None

    def load(self, settings: RetrievalSettings, build_if_missing: bool) -> None:
        """Load the index (building it first if allowed and needed) and the content stats."""
        try:
            corpus = load_corpus(settings)
            self.taxonomy = corpus.taxonomy
            self.stats = content_stats(corpus)
            if build_if_missing:
                build_index(settings, corpus=corpus)
            self.index, self.manifest = load_index(settings)
            self.problem = None
        except (CorpusError, TaxonomyError) as exc:
            # Keep serving the previous index if there is one: a broken edit must not take search down.
            self.problem = f"content is broken: {exc}"
            log.error("content is broken; serving the last good index if any")
            try:
                self.index, self.manifest = load_index(settings)
                if self.taxonomy is None:
                    self.taxonomy = self.index.taxonomy
            except IndexNotBuiltError:
                pass
        except IndexNotBuiltError as exc:
            self.problem = str(exc)
