"""Retrieval settings, read from the environment (prefix NWD_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent

EncoderName = Literal["e5-small", "minilm", "use-multilingual"]


class RetrievalSettings(BaseSettings):
    """Where the content is, where the index goes, and how it is built."""

    model_config = SettingsConfigDict(env_prefix="NWD_", env_file=".env", extra="ignore")

    content_dir: Path = ROOT / "data" / "content"
    feeds: list[Path] = Field(default_factory=lambda: [ROOT / "data" / "feeds" / "ontario-cms.json"])
    taxonomy_path: Path = ROOT / "data" / "taxonomy.yml"
    index_dir: Path = ROOT / "models" / "index"
    # Embeddings already computed, by passage text; None turns the cache off.
    cache_dir: Path | None = ROOT / "models" / "cache"
    encoder: EncoderName = "e5-small"
    # Threads for the encoder and FAISS. Two cores are shared with the other
    # processes (API, Rasa), so keep this small and deliberate.
    threads: int = Field(default=1, ge=1, le=16)
    # Building the index may use both cores: it runs before the services start.
    build_threads: int = Field(default=2, ge=1, le=16)
    chunk_max_words: int = Field(default=160, ge=40, le=400)
    # Each ranker contributes this many candidates to reciprocal rank fusion.
    fusion_depth: int = Field(default=50, ge=5, le=500)
    rrf_k: int = Field(default=60, ge=1, le=1000)
    # Fused score multiplier for content of the exact region asked for (1 = none). The dialogue leaves the
    # person's city out of the search text, so a small boost is enough to put the city's own page before
    # the province's on one subject; 1.15 put city pages (property tax, parking) before every provincial
    # answer (conversation turn accuracy EN 0.52 -> 0.54, FR 0.46 -> 0.47 at 1.05, docs/dialogue.md).
    local_boost: float = Field(default=1.05, ge=1.0, le=5.0)
