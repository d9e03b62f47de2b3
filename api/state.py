"""What the API holds in memory: the search index and the content statistics, loaded once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from places.settings import PlaceSettings
from retrieval.build import IndexNotBuiltError, Manifest, build_index, load_index
from retrieval.corpus import CorpusError, load_corpus
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings
from retrieval.stats import content_stats
from retrieval.taxonomy import Taxonomy, TaxonomyError
from services.settings import ServiceSettings

log = logging.getLogger("nwd.api")


@dataclass
class AppState:
    """Ready once the index is loaded; `problem` says why not otherwise."""

    index: SearchIndex | None = None
    manifest: Manifest | None = None
    taxonomy: Taxonomy | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    directory: Any = None
    directory_problem: str | None = None
    places: Any = None
    places_problem: str | None = None
    occupations: Any = None
    occupations_problem: str | None = None

    def load_places(self, settings: PlaceSettings | None = None) -> None:
        """The place figures; a broken file is reported and the rest of the API still serves."""
        from places.data import PlacesError, load_places

        if settings is None:
            from nwd.settings import get_settings

            settings = get_settings().places
        try:
            self.places = load_places(settings.places_dir)
            self.places_problem = None
        except (PlacesError, OSError) as exc:
            self.places_problem = str(exc)
            log.error("the place data is broken; /api/places is unavailable")
        from places.occupations import OccupationBook, OccupationsError

        try:
            ids = set(self.places.places) if self.places is not None else None
            self.occupations = OccupationBook.load(settings.occupations_path, place_ids=ids)
            self.occupations_problem = None
        except OccupationsError as exc:
            self.occupations_problem = str(exc)
            log.error("the occupation data is broken; /api/occupations is unavailable")

    def load_directory(self, settings: ServiceSettings | None = None) -> None:
        """The service directory; a broken file is reported and the rest of the API still serves."""
        from services.directory import DirectoryError
        from services.settings import load_default_directory

        try:
            self.directory = load_default_directory(settings)
            self.directory_problem = None
        except (DirectoryError, OSError) as exc:
            self.directory_problem = str(exc)
            log.error("the service directory is broken; /api/services is unavailable")

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
                pass  # nothing to serve yet; `problem` says why
        except IndexNotBuiltError as exc:
            self.problem = str(exc)
