"""Action server settings, from the environment (prefix NWD_BOT_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.settings import ROOT


class BotSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_BOT_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=5055, ge=1, le=65535)
    gazetteer_path: Path = ROOT / "data" / "places" / "gazetteer.yml"
    # Below this cosine similarity between the question and the best passage,
    # the assistant says it is not sure instead of answering (see docs/dialogue.md).
    min_similarity: float = Field(default=0.84, ge=0.0, le=1.0)
    # A message the NLU calls out of scope is answered when the index holds this much more than the not-sure bar.
    out_of_scope_margin: float = Field(default=0.03, ge=0.0, le=0.5)
    answer_words: int = Field(default=70, ge=20, le=300)
    # Below this similarity to a need's examples, a "where do I..." question is answered from content instead.
    min_need_similarity: float = Field(default=0.85, ge=0.0, le=1.0)
