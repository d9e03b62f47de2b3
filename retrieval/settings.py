"""Retrieval settings, read from the environment (prefix NWD_): a section of nwd.settings.Settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent

EncoderName = Literal["e5-small", "minilm", "use-multilingual"]


@dataclass(frozen=True)
class AnswerSettings:
    """How answers are chosen (scores are cosines of the index's encoder: they move with it)."""

    max_words: int = 80
    # A FAQ question this close to the person's question answers it first.
    faq_similarity: float = 0.955
    # A unit's score: the share of the question's terms it holds (weighted by rarity), plus this much
    # when it states the kind of fact asked for.
    lexical_weight: float = 1.0
    cue_weight: float = 0.5
    # A unit loses this much per unit of cosine its section is behind the item's best section.
    section_weight: float = 10.0
    # Units of the second and third items start this far behind the best item's.
    item_penalty: float = 0.33
    # Runners-up within this distance of the best unit are said too.
    margin: float = 1.0
    # Another level of government is added when its best unit is this close to the best one.
    second_level_margin: float = 0.17
    max_list_items: int = 6


class RetrievalSettings(BaseSettings):
    """Where the content is, where the index goes, and how it is built."""

    model_config = SettingsConfigDict(env_prefix="NWD_", env_file=".env", extra="ignore", populate_by_name=True)

    content_dir: Path = ROOT / "data" / "content"
    feeds: list[Path] = Field(default_factory=lambda: [ROOT / "data" / "feeds" / "ontario-cms.json"])
    taxonomy_path: Path = ROOT / "data" / "taxonomy.yml"
    index_dir: Path = ROOT / "models" / "index"
    # Embeddings already computed, by passage text; None turns the cache off.
    cache_dir: Path | None = ROOT / "models" / "cache"
    # Questions and answers the evaluations score against (make eval).
    eval_dir: Path = ROOT / "data" / "eval"
    # Registries and word lists every process reads (the reply's words, who published a page, which links
    # are allowed, the chat words of each language).
    texts_path: Path = ROOT / "data" / "texts.yml"
    publishers_path: Path = ROOT / "data" / "publishers.yml"
    url_policy_path: Path = ROOT / "data" / "url-policy.yml"
    lexicon_path: Path = ROOT / "data" / "lexicon" / "short-words.yml"
    # Everyday words and the content's words for them, added to a search (retrieval/colloquial.py).
    colloquial_path: Path = ROOT / "data" / "lexicon" / "colloquial.yml"
    encoder: EncoderName = "e5-small"
    # Below this cosine similarity between the question and the best passage, the assistant says it is not
    # sure instead of answering (docs/dialogue.md). A cosine of the encoder above: measured for e5-small,
    # to be measured again with any other. NWD_BOT_MIN_SIMILARITY, its name when it sat in the action
    # server's settings, still works.
    min_similarity: float = Field(
        default=0.84, ge=0.0, le=1.0, validation_alias=AliasChoices("NWD_MIN_SIMILARITY", "NWD_BOT_MIN_SIMILARITY")
    )
    # How answers are composed from the passages found (a JSON object in NWD_ANSWERS).
    answers: AnswerSettings = Field(default_factory=AnswerSettings)
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
