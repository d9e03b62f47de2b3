"""Where the service directory lives (prefix NWD_): a section of nwd.settings.Settings."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.settings import ROOT


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NWD_", env_file=".env", extra="ignore")

    services_dir: Path = ROOT / "data" / "services"
    needs_path: Path = ROOT / "data" / "services" / "needs.yml"
    taxonomy_path: Path = ROOT / "data" / "taxonomy.yml"


def load_default_directory(settings: ServiceSettings | None = None):  # type: ignore[no-untyped-def]
    """The directory these settings name (the process's own, nwd.settings, when none are given)."""
    from services.directory import load_directory

    if settings is None:
        from nwd.settings import get_settings

        settings = get_settings().services
    return load_directory(settings.services_dir, settings.needs_path, settings.taxonomy_path)
