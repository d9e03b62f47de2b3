"""Build the index on disk, and load it: FAISS + JSON, replaced atomically, rebuilt only when stale."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

from retrieval.answers import AnswerBook, FaqRecord, UnitRecord, unit_records
from retrieval.chunking import chunk_item
from retrieval.corpus import Corpus, load_corpus
from retrieval.encoders import Encoder, get_encoder
from retrieval.search import PassageRecord, SearchIndex
from retrieval.settings import AnswerSettings, RetrievalSettings
from retrieval.taxonomy import load_taxonomy

INDEX_FORMAT = 3  # 3: answer units and FAQ pairs beside the passages
CURRENT = "current"
Progress = Callable[[int, int], None]


class IndexNotBuiltError(RuntimeError):
    """No index on disk yet: run `nwd index build`."""


@dataclass(frozen=True)
class Manifest:
    format: int
    fingerprint: str
    encoder: str
    dim: int
    items: int
    passages: int
    built_at: str
    build_seconds: float
    duplicates: list[str]
    missing_translations: list[str]


def build_fingerprint(corpus: Corpus, settings: RetrievalSettings) -> str:
    """What decides the index: the content bytes, the encoder and the chunking."""
    key = f"{corpus.fingerprint}|{settings.encoder}|{settings.chunk_max_words}|format{INDEX_FORMAT}"
    return hashlib.sha256(key.encode()).hexdigest()


def passage_records(corpus: Corpus, max_words: int) -> list[PassageRecord]:
    return [PassageRecord.of(p, item) for item in corpus.items for p in chunk_item(item, max_words)]


class EmbeddingCache:
    """Vectors of texts already embedded, per encoder: rebuilds embed only what changed.

    One file, `<encoder>.npz` (text hashes + float32 rows, no pickle), replaced in
    one rename, so a build reading it while another writes sees one or the other
    whole; on saving, entries another build added meanwhile are kept.
    """

    def __init__(self, folder: Path, encoder_name: str):
        self.path = folder / f"{encoder_name}.npz"
        self.keys: dict[str, int] = {}
        self.vectors: np.ndarray | None = None
        keys, vectors = self._read()
        if vectors is not None:
            self.keys, self.vectors = keys, vectors

    def _read(self) -> tuple[dict[str, int], np.ndarray | None]:
        if not self.path.exists():
            return {}, None
        try:
            with np.load(self.path, allow_pickle=False) as data:
                names, vectors = [str(k) for k in data["keys"]], np.array(data["vectors"])
        except (ValueError, OSError, KeyError):  # a damaged cache is only a slower build
            return {}, None
        if len(names) != len(vectors):
            return {}, None
        return {k: n for n, k in enumerate(names)}, vectors

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def get(self, text: str) -> np.ndarray | None:
        row = self.keys.get(self.key(text))
        return None if row is None or self.vectors is None else self.vectors[row]

    def add(self, texts: list[str], vectors: np.ndarray) -> None:
        start = 0 if self.vectors is None else len(self.vectors)
        self.vectors = vectors if self.vectors is None else np.vstack([self.vectors, vectors])
        for n, text in enumerate(texts):
            self.keys[self.key(text)] = start + n

    def save(self) -> None:
        if self.vectors is None:
            return
        keys, vectors = self._read()  # another build may have saved vectors since this one loaded
        missing = [(k, row) for k, row in keys.items() if k not in self.keys]
        if missing and vectors is not None:
            start = len(self.vectors)
            self.vectors = np.vstack([self.vectors, vectors[[row for _, row in missing]]])
            for n, (k, _) in enumerate(missing):
                self.keys[k] = start + n
        ordered = sorted(self.keys.items(), key=lambda kv: kv[1])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, keys=np.array([k for k, _ in ordered]), vectors=self.vectors[[r for _, r in ordered]])
        os.replace(tmp, self.path)


def embed_passages(
    records: list[PassageRecord],
    encoder: Encoder,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
) -> np.ndarray:
    """Embed every passage, reusing vectors cached for the same text and encoder."""
    return embed_texts([r.indexed_text() for r in records], encoder, cache_dir, progress, batch_size)


def embed_texts(
    texts: list[str],
    encoder: Encoder,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
    as_queries: bool = False,
) -> np.ndarray:
    """Embed texts as passages (or as queries), reusing vectors cached for the same text and encoder."""
    encode = encoder.encode_queries if as_queries else encoder.encode_passages
    # Queries and passages are encoded differently: their cache entries must not meet.
    keys = [f"query: {t}" if as_queries else t for t in texts]
    cache = EmbeddingCache(cache_dir, encoder.name) if cache_dir else None
    vectors = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    todo = []
    for n, key in enumerate(keys):
        hit = cache.get(key) if cache else None
        if hit is None:
            todo.append(n)
        else:
            vectors[n] = hit
    done = len(texts) - len(todo)
    if progress:
        progress(done, len(texts))
    for start in range(0, len(todo), batch_size):
        rows = todo[start : start + batch_size]
        batch = encode([texts[n] for n in rows])
        vectors[rows] = batch
        if cache:
            cache.add([keys[n] for n in rows], batch)
            if (start // batch_size) % 40 == 39:
                cache.save()  # a long build that is stopped keeps what it embedded
        done += len(rows)
        if progress:
            progress(done, len(texts))
    if cache and todo:
        cache.save()
    return vectors


def flat_index(vectors: np.ndarray) -> faiss.Index:
    """Exact inner product over normalised vectors (= cosine)."""
    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(vectors)
    return index


def current_manifest(settings: RetrievalSettings) -> Manifest | None:
    path = settings.index_dir / CURRENT / "manifest.json"
    if not path.exists():
        return None
    try:
        return Manifest(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None


def build_index(
    settings: RetrievalSettings,
    force: bool = False,
    progress: Progress | None = None,
    corpus: Corpus | None = None,
) -> tuple[Manifest, bool]:
    """Build the index if the content changed; return its manifest and whether it was rebuilt.

    The corpus is validated first: a broken file raises CorpusError and nothing
    is written. The new build is written beside the old one and `current`
    switched to it in one rename, so readers never see a half-written index.
    """
    started = time.perf_counter()
    corpus = corpus or load_corpus(settings)
    fingerprint = build_fingerprint(corpus, settings)
    existing = current_manifest(settings)
    if existing and existing.fingerprint == fingerprint and not force:
        return existing, False
    encoder = get_encoder(settings.encoder, settings.build_threads)
    records = passage_records(corpus, settings.chunk_max_words)
    vectors = embed_passages(records, encoder, settings.cache_dir, progress)
    book = answer_book(corpus, encoder, settings.cache_dir)
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    build_dir = Path(tempfile.mkdtemp(prefix=f"build-{fingerprint[:12]}-", dir=settings.index_dir))
    faiss.write_index(flat_index(vectors), str(build_dir / "dense.faiss"))
    (build_dir / "passages.json").write_text(
        json.dumps([asdict(r) for r in records], ensure_ascii=False), encoding="utf-8"
    )
    units_json, faq_json = book.as_records()
    (build_dir / "units.json").write_text(json.dumps(units_json, ensure_ascii=False), encoding="utf-8")
    (build_dir / "faq.json").write_text(json.dumps(faq_json, ensure_ascii=False), encoding="utf-8")
    np.save(build_dir / "faq.npy", book.faq_vectors, allow_pickle=False)
    manifest = Manifest(
        format=INDEX_FORMAT,
        fingerprint=fingerprint,
        encoder=encoder.name,
        dim=encoder.dim,
        items=len(corpus.items),
        passages=len(records),
        built_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 2),
        duplicates=corpus.duplicates,
        missing_translations=corpus.missing_translations,
    )
    (build_dir / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2), encoding="utf-8")
    _switch_current(settings.index_dir, build_dir)
    return manifest, True


def _switch_current(index_dir: Path, build_dir: Path) -> None:
    link = index_dir / CURRENT
    tmp_link = index_dir / f".{CURRENT}.{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(build_dir.name)
    os.replace(tmp_link, link)  # atomic: readers see the old build or the new one
    for old in index_dir.glob("build-*"):
        if old.resolve() != build_dir.resolve():
            shutil.rmtree(old, ignore_errors=True)


def load_index(settings: RetrievalSettings, encoder: Encoder | None = None) -> tuple[SearchIndex, Manifest]:
    """Load the current index from disk."""
    manifest = current_manifest(settings)
    if manifest is None:
        raise IndexNotBuiltError(f"no index in {settings.index_dir}; build it with `nwd index build`")
    folder = (settings.index_dir / CURRENT).resolve()
    encoder = encoder or get_encoder(manifest.encoder, settings.threads)
    raw = json.loads((folder / "passages.json").read_text(encoding="utf-8"))
    passages = [PassageRecord(**r) for r in raw]
    dense = faiss.read_index(str(folder / "dense.faiss"))
    taxonomy = load_taxonomy(settings.taxonomy_path)
    index = SearchIndex(passages, dense, encoder, taxonomy, settings.fusion_depth, settings.rrf_k, settings.local_boost)
    languages = {p.item_id: p.language for p in passages}
    index.answers = AnswerBook(
        [UnitRecord(**r) for r in json.loads((folder / "units.json").read_text(encoding="utf-8"))],
        [FaqRecord(**r) for r in json.loads((folder / "faq.json").read_text(encoding="utf-8"))],
        np.load(folder / "faq.npy", allow_pickle=False),
        languages,
        settings.answers,
    )
    return index, manifest


def index_from_corpus(
    corpus: Corpus,
    encoder: Encoder,
    settings: RetrievalSettings,
    progress: Progress | None = None,
    with_answers: bool = False,
) -> SearchIndex:
    """An in-memory index (for evaluation): same passages and rankers as the built one (and its answers)."""
    records = passage_records(corpus, settings.chunk_max_words)
    vectors = embed_passages(records, encoder, settings.cache_dir, progress)
    index = SearchIndex(
        records,
        flat_index(vectors),
        encoder,
        corpus.taxonomy,
        settings.fusion_depth,
        settings.rrf_k,
        settings.local_boost,
    )
    if with_answers:
        index.answers = answer_book(corpus, encoder, settings.cache_dir, settings.answers)
    return index


def answer_book(
    corpus: Corpus, encoder: Encoder, cache_dir: Path | None, settings: AnswerSettings | None = None
) -> AnswerBook:
    """Every item's units, and its FAQ pairs with the questions embedded as queries.

    Units are not embedded: on the development questions, scoring them by term
    overlap and the kind of fact asked found the fact more often (0.79 / 0.76)
    than adding the encoder's cosine (0.71 / 0.67), and embedding every sentence
    would triple the build.
    """
    units = [u for item in corpus.items for u in unit_records(item.id, item.body)]
    faqs = [FaqRecord(item.id, pair.q, pair.a) for item in corpus.items for pair in item.faq]
    faq_vectors = (
        embed_texts([f.q for f in faqs], encoder, cache_dir, as_queries=True)
        if faqs
        else np.zeros((0, encoder.dim), dtype=np.float32)
    )
    return AnswerBook(units, faqs, faq_vectors, {item.id: item.language for item in corpus.items}, settings)
