"""API settings, read from the environment (prefix NWD_API_): a section of nwd.settings.Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.settings import ROOT

DEV_RASA_TOKEN = "nwd-local-rasa-token"


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_API_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Build the index at startup when none exists (development convenience;
    # `make run` builds it beforehand).
    build_index_if_missing: bool = True
    # The dialogue engine, reached on loopback only; never exposed.
    rasa_url: str = "http://127.0.0.1:5005"
    actions_url: str = "http://127.0.0.1:5055"
    # /healthz waits for Rasa and the action server; off where only search runs.
    require_dialogue: bool = True
    rasa_timeout_seconds: float = Field(default=15.0, gt=0, le=120)
    # Signs session ids. Required outside development; in development it is
    # created once in var/session_secret so sessions survive a restart.
    session_secret: str | None = Field(default=None, min_length=32)
    # Where development keeps the secret it made (never read in production).
    session_secret_file: Path = ROOT / "var" / "session_secret"
    # Token for Rasa's HTTP API (read the conversation state); Rasa listens on loopback only.
    # Web pages allowed to call the API from a browser: the two portals, nothing else. In development,
    # http://localhost and http://127.0.0.1 on any port are allowed as well (demo pages, a portal's local build).
    cors_origins: list[str] = Field(default_factory=lambda: ["https://www.canada.ca", "https://www.ontario.ca"])
    # Production refuses to start with this public development default (anyone on the host could read conversations).
    rasa_token: str = Field(default=DEV_RASA_TOKEN, min_length=8)

    max_message_chars: int = Field(default=2000, ge=10, le=20000)
    max_query_chars: int = Field(default=500, ge=10, le=5000)
    max_k: int = Field(default=20, ge=1, le=100)


def refuse_public_defaults(settings: ApiSettings) -> None:
    """Outside development and test, Rasa's HTTP API needs a token of its own."""
    if settings.environment == "production" and settings.rasa_token == DEV_RASA_TOKEN:
        raise ValueError("NWD_API_RASA_TOKEN must be set to a token of its own in production (and given to Rasa)")
