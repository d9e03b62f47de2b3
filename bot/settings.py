"""Action server settings, from the environment (prefix NWD_BOT_): a section of nwd.settings.Settings.

The not-sure threshold (NWD_BOT_MIN_SIMILARITY) is a cosine of the encoder: it lives beside the encoder
in retrieval.settings; the gazetteer's path is with the other place data in places.settings.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_ACTIONS_TOKEN = "nwd-local-actions-token"
ACTIONS_TOKEN_HEADER = "X-NWD-Actions-Token"


class BotSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_BOT_", env_file=".env", extra="ignore")

    # The same switch as the API's (NWD_API_ENVIRONMENT) unless set for the action server alone.
    environment: Literal["development", "test", "production"] = Field(
        default="development", validation_alias=AliasChoices("NWD_BOT_ENVIRONMENT", "NWD_API_ENVIRONMENT")
    )
    host: str = "127.0.0.1"
    port: int = Field(default=5055, ge=1, le=65535)
    # Shared with Rasa (endpoints.yml sends it as the X-NWD-Actions-Token header): only Rasa may call actions.
    # Production refuses to start with this public development default.
    actions_token: str = Field(default=DEV_ACTIONS_TOKEN, min_length=16)
    # A message the NLU calls out of scope is answered when the index holds this much more than the not-sure bar
    # (retrieval's min_similarity).
    out_of_scope_margin: float = Field(default=0.03, ge=0.0, le=0.5)
    # A message of at most this many words may continue the previous question; it does when it says so
    # ("how much?") or when, read alone, no item matches it this well (docs/dialogue.md).
    follow_up_max_words: int = Field(default=12, ge=1, le=50)
    standalone_similarity: float = Field(default=0.875, ge=0.0, le=1.0)
    # ...but with no item being discussed, a message this long that points back at nothing stands alone.
    own_topic_words: int = Field(default=8, ge=1, le=50)
    # ...and it continues the item being discussed when that item answers it within this much of the best.
    continuation_margin: float = Field(default=0.02, ge=0.0, le=1.0)
    # ...or when, read with the previous question, it finds that item this much better than alone.
    context_gain: float = Field(default=0.02, ge=0.0, le=1.0)
    # ...a message that does not point back must then also come within this much of the best by itself:
    # the previous question's words favour its item whatever the message says.
    context_reach: float = Field(default=0.04, ge=0.0, le=1.0)
    # A need read from the message stands unless the content search finds an item this close (and none of
    # the items it would answer from is on the need's topic): then the content answers (bot/actions/services.py).
    agreement_similarity: float = Field(default=0.86, ge=0.0, le=1.0)
    # How much of the previous question is kept as the topic of a follow-up.
    context_words: int = Field(default=30, ge=1, le=200)
    answer_words: int = Field(default=70, ge=20, le=300)
    # Below this similarity to a need's examples (mean cosine of the 3 closest, plus up to 0.05 for the best
    # word match), a "where do I..." question is answered from content instead. At 0.85, unpaid wages
    # (0.89, a need the directory does not have) went to property tax; the directory's own needs score 0.90+.
    min_need_similarity: float = Field(default=0.90, ge=0.0, le=1.0)
