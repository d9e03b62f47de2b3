"""API settings, read from the environment (prefix NWD_API_)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_API_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Build the index at startup when none exists (development convenience;
    # `make run` builds it beforehand).
    build_index_if_missing: bool = True
    max_query_chars: int = Field(default=500, ge=10, le=5000)
    max_k: int = Field(default=20, ge=1, le=100)
