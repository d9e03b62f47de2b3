"""Where the place data lives (prefix NWD_PLACES_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.settings import ROOT


class PlaceSettings(BaseSettings):
    """The place figures, the gazetteer of place names and the occupation data: read by the API and the actions."""

    model_config = SettingsConfigDict(env_prefix="NWD_PLACES_", env_file=".env", extra="ignore", populate_by_name=True)

    places_dir: Path = ROOT / "data" / "places"
    # NWD_BOT_GAZETTEER_PATH was its name when the action server alone read it; it still works.
    gazetteer_path: Path = Field(
        default=ROOT / "data" / "places" / "gazetteer.yml",
        validation_alias=AliasChoices("NWD_PLACES_GAZETTEER_PATH", "NWD_BOT_GAZETTEER_PATH"),
    )
    occupations_path: Path = ROOT / "data" / "occupations.yml"
