"""One settings object per process, composed from the sections each part of the system owns.

Each section is a pydantic-settings class in its own package and keeps its environment prefix
(NWD_ for retrieval and services, NWD_API_, NWD_BOT_, NWD_PRIVACY_, NWD_PLACES_), so every variable
documented in README.md keeps working. A process asks `get_settings()` once and passes sections down;
tests replace the whole object with `use_settings()` (or override the API's dependencies, api/deps.py)
instead of setting environment variables after a section has been read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import BaseModel, ConfigDict, Field

from api.settings import ApiSettings
from bot.settings import BotSettings
from places.settings import PlaceSettings
from privacy.settings import PrivacySettings
from retrieval.settings import RetrievalSettings
from services.settings import ServiceSettings


class Settings(BaseModel):
    """Every setting of a process: one section per part, each read from its own environment prefix."""

    model_config = ConfigDict(frozen=True)

    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    bot: BotSettings = Field(default_factory=BotSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    services: ServiceSettings = Field(default_factory=ServiceSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    places: PlaceSettings = Field(default_factory=PlaceSettings)


_lock = threading.Lock()
_current: Settings | None = None


def get_settings() -> Settings:
    """The process's settings, read from the environment (and .env) on first use, then the same object."""
    global _current
    with _lock:
        if _current is None:
            _current = Settings()
        return _current


def use_settings(settings: Settings | None) -> None:
    """Make `settings` the process's own (None: read the environment again on next use)."""
    global _current
    with _lock:
        _current = settings


@contextmanager
def settings_in_use(settings: Settings) -> Iterator[Settings]:
    """`settings` for the duration of a block, then whatever was there before."""
    global _current
    with _lock:
        previous, _current = _current, settings
    try:
        yield settings
    finally:
        with _lock:
            _current = previous
