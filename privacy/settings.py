"""Privacy settings, from the environment (prefix NWD_PRIVACY_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class PrivacySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_PRIVACY_", env_file=".env", extra="ignore")

    # Rasa's tracker store (endpoints.yml): the one record of each conversation.
    tracker_db: Path = ROOT / "var" / "tracker.db"
    # Conversations whose last message is older than this are deleted (docs/privacy.md says why 180).
    retention_days: int = Field(default=180, ge=1, le=3650)
    # The API process runs the retention job once a day (and a minute after it starts) when enabled.
    retention_enabled: bool = True
    retention_interval_hours: float = Field(default=24.0, gt=0, le=24 * 30)
