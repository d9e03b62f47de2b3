"""Search the index: dense (FAISS), lexical (BM25), fused with reciprocal rank fusion."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

import faiss
import numpy as np

from retrieval.chunking import Passage
from retrieval.encoders import Encoder
from retrieval.lexical import BM25Ranker
from retrieval.taxonomy import LANGUAGES, Taxonomy


class Mode(StrEnum):
    hybrid = "hybrid"
    dense = "dense"
    bm25 = "bm25"


@dataclass(frozen=True)
class SearchFilters:
    """Metadata filters. Region follows the taxonomy tree: federal content applies everywhere."""

    jurisdiction: str | None = None
    region: str | None = None
    topic: str | None = None
    audience: str | None = None


@dataclass(frozen=True)
class Hit:
    """One search result: the best passage of one content item."""

    id: str
    translation: str
    title: str
    text: str
    url: str
    language: str
    jurisdiction: str
    owner: str
    topics: list[str]
    regions: list[str]
    last_reviewed: str
    score: float
    passage_id: str
    heading: str
    # Cosine similarity of the query and this passage (None for BM25-only search):
    # the dialogue uses it to judge whether the index really has an answer.
    similarity: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    hits: list[Hit]
    language: str
    # True when nothing matched in the language asked and the other official
    # language was searched instead.
    language_fallback: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PassageRecord:
    """A passage with the metadata of its item, as stored in passages.json."""

    passage_id: str
    item_id: str
    translation: str
    title: str
    heading: str
    text: str
    url: str
    language: str
    jurisdiction: str
    owner: str
    topics: list[str]
    regions: list[str]
    audience: str
    last_reviewed: str

    @classmethod
    def of(cls, passage: Passage, item: Any) -> PassageRecord:
        return cls(
            passage_id=passage.passage_id,
            item_id=item.id,
            translation=item.translation,
            title=item.title,
            heading=passage.heading,
            text=passage.text,
            url=item.url,
            language=item.language,
            jurisdiction=str(item.jurisdiction),
            owner=item.owner,
            topics=list(item.topics),
            regions=list(item.regions),
            audience=str(item.audience),
            last_reviewed=item.last_reviewed.isoformat()
            if isinstance(item.last_reviewed, dt.date)
            else item.last_reviewed,
        )

    def to_hit(self, score: float, similarity: float | None = None) -> Hit:
        """This passage as a search result for its item."""
        return Hit(
            id=self.item_id,
            translation=self.translation,
            title=self.title,
            text=self.text,
            url=self.url,
            language=self.language,
            jurisdiction=self.jurisdiction,
            owner=self.owner,
            topics=self.topics,
            regions=self.regions,
            last_reviewed=self.last_reviewed,
            score=score,
            passage_id=self.passage_id,
            heading=self.heading,
            similarity=similarity,
        )

    def indexed_text(self) -> str:
        heading = f" — {self.heading}" if self.heading else ""
        return f"{self.title}{heading}\n{self.text}"


class SearchIndex:
    """The passages, their vectors in an exact inner-product FAISS index, and one BM25 per language."""

    def __init__(
        self,
        passages: list[PassageRecord],
        dense: faiss.Index,
        encoder: Encoder,
        taxonomy: Taxonomy,
        fusion_depth: int = 50,
        rrf_k: int = 60,
        local_boost: float = 1.3,
    ):
        if dense.ntotal != len(passages):
            raise ValueError(f"index holds {dense.ntotal} vectors for {len(passages)} passages; rebuild it")
        if dense.d != encoder.dim:
            raise ValueError(
                f"index vectors have {dense.d} dimensions, encoder '{encoder.name}' makes {encoder.dim}; rebuild it"
            )
        self.passages = passages
        self.dense = dense
        self.encoder = encoder
        self.taxonomy = taxonomy
        self.fusion_depth = fusion_depth
        self.rrf_k = rrf_k
        self.local_boost = local_boost
        languages = np.array([p.language for p in passages])
        self._rows_by_language = {lang: np.flatnonzero(languages == lang) for lang in LANGUAGES}
        # Sentences and FAQ pairs of every item, for composing answers (set by the loader).
        self.answers: Any = None
        self._query_vectors: dict[str, np.ndarray] = {}
        self._vectors: np.ndarray | None = None
        self._rows_of_item: dict[str, list[int]] = {}
        for row, passage in enumerate(passages):
            self._rows_of_item.setdefault(passage.item_id, []).append(row)
        self._bm25 = {
            lang: BM25Ranker([passages[i].indexed_text() for i in rows], lang)
            for lang, rows in self._rows_by_language.items()
        }

    @property
    def item_count(self) -> int:
        return len({p.item_id for p in self.passages})

    def item(self, translation: str, language: str) -> Hit | None:
        """The first passage of one item, by translation group and language (None if absent)."""
        for p in self.passages:
            if p.translation == translation and p.language == language:
                return p.to_hit(score=0.0)
        return None

    def _allowed(self, language: str, filters: SearchFilters) -> np.ndarray:
        """A boolean mask over all passages."""
        regions = set(self.taxonomy.region_ancestors(filters.region)) if filters.region else None
        mask = np.zeros(len(self.passages), dtype=bool)
        for i in self._rows_by_language[language]:
            p = self.passages[i]
            if filters.jurisdiction and p.jurisdiction != filters.jurisdiction:
                continue
            if filters.topic and filters.topic not in p.topics:
                continue
            if filters.audience and filters.audience != "both" and p.audience not in (filters.audience, "both"):
                continue
            if regions is not None and not regions.intersection(p.regions):
                continue
            mask[i] = True
        return mask

    def _dense_ranking(self, query: str, allowed: np.ndarray, depth: int) -> list[int]:
        return list(self._dense_scores(query, allowed, depth))

    def section_similarities(self, query: str, item_id: str) -> dict[str, float]:
        """Heading -> the best cosine of the query and that section's passages, for one item."""
        if self._vectors is None:  # read out of FAISS once, on the first answer
            self._vectors = self.dense.reconstruct_n(0, self.dense.ntotal)
        rows = self._rows_of_item.get(item_id, [])
        sims = self._vectors[rows] @ self.query_vector(query)[0]
        out: dict[str, float] = {}
        for row, sim in zip(rows, sims, strict=True):
            heading = self.passages[row].heading
            out[heading] = max(out.get(heading, -1.0), float(sim))
        return out

    def query_vector(self, query: str) -> np.ndarray:
        """The query's vector (one row), computed once for the search and the answer that follows it."""
        vector = self._query_vectors.get(query)
        if vector is None:
            vector = self.encoder.encode_queries([query])
            if len(self._query_vectors) >= 256:
                self._query_vectors.pop(next(iter(self._query_vectors)))
            self._query_vectors[query] = vector
        return vector

    def _dense_scores(self, query: str, allowed: np.ndarray, depth: int) -> dict[int, float]:
        """Row -> cosine similarity for the best `depth` allowed rows, best first."""
        vector = self.query_vector(query)
        ids = np.flatnonzero(allowed).astype("int64")
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(ids))  # type: ignore[call-arg]
        scores, found = self.dense.search(vector, min(depth, len(ids)), params=params)
        return {int(i): float(s) for i, s in zip(found[0], scores[0], strict=True) if i >= 0}

    def _lexical_ranking(self, query: str, language: str, allowed: np.ndarray, depth: int) -> list[int]:
        rows = self._rows_by_language[language]
        ranked = self._bm25[language].rank(query, allowed[rows], depth)
        return [int(rows[r]) for r, _ in ranked]

    def search(
        self,
        query: str,
        language: str,
        filters: SearchFilters | None = None,
        k: int = 5,
        mode: Mode = Mode.hybrid,
    ) -> SearchResult:
        """The k best items for the query in `language`, falling back to the other official language."""
        if language not in LANGUAGES:
            raise ValueError(f"language '{language}' not supported; allowed: {', '.join(LANGUAGES)}")
        filters = filters or SearchFilters()
        allowed = self._allowed(language, filters)
        used, fallback = language, False
        if not allowed.any():
            other = "fr" if language == "en" else "en"
            allowed = self._allowed(other, filters)
            used, fallback = other, True
        if not allowed.any():
            return SearchResult(hits=[], language=language)
        depth = max(self.fusion_depth, k * 4)
        rankings = []
        similarities: dict[int, float] = {}
        if mode in (Mode.hybrid, Mode.dense):
            similarities = self._dense_scores(query, allowed, depth)
            rankings.append(list(similarities))
        if mode in (Mode.hybrid, Mode.bm25):
            rankings.append(self._lexical_ranking(query, used, allowed, depth))
        fused: dict[int, float] = {}
        for ranking in rankings:
            for rank, row in enumerate(ranking):
                fused[row] = fused.get(row, 0.0) + 1.0 / (self.rrf_k + rank + 1)
        if filters.region and self.local_boost != 1.0:
            # Where a place is known, its own content comes before the province's
            # or the country's on the same subject ("library card" in Ottawa).
            for row in fused:
                if filters.region in self.passages[row].regions:
                    fused[row] *= self.local_boost
        hits: list[Hit] = []
        seen: set[str] = set()
        for row, score in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0])):
            p = self.passages[row]
            if p.item_id in seen:
                continue
            seen.add(p.item_id)
            similarity = round(similarities[row], 4) if row in similarities else None
            hits.append(p.to_hit(score=round(score, 6), similarity=similarity))
            if len(hits) == k:
                break
        return SearchResult(hits=hits, language=used, language_fallback=fallback)
