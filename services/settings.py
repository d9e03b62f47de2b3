"""Where the service directory lives (prefix NWD_)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.settings import ROOT


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_", env_file=".env", extra="ignore")

    services_dir: Path = ROOT / "data" / "services"
    needs_path: Path = ROOT / "data" / "services" / "needs.yml"
    taxonomy_path: Path = ROOT / "data" / "taxonomy.yml"


def load_default_directory():  # type: ignore[no-untyped-def]
    from services.directory import load_directory

    settings = ServiceSettings()
    return load_directory(settings.services_dir, settings.needs_path, settings.taxonomy_path)
