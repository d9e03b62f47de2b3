"""Heavy objects the actions share, loaded once on first use (never at import)."""

from __future__ import annotations

import threading
from functools import lru_cache

from bot.settings import BotSettings
from places.gazetteer import Gazetteer
from retrieval.build import load_index
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings

_lock = threading.Lock()


@lru_cache(maxsize=1)
def settings() -> BotSettings:
    return BotSettings()


@lru_cache(maxsize=1)
def _index() -> SearchIndex:
    index, _ = load_index(RetrievalSettings())
    return index


def index() -> SearchIndex:
    with _lock:  # the first call loads the encoder and FAISS; later calls are free
        return _index()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(settings().gazetteer_path)
