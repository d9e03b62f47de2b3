"""Heavy objects the actions share, loaded once on first use (never at import)."""

from __future__ import annotations

import threading
from functools import lru_cache

from bot.settings import BotSettings
from nwd.settings import get_settings
from places.data import PlaceBook, load_places
from places.gazetteer import Gazetteer
from places.occupations import OccupationBook
from retrieval.build import load_index
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings
from services.directory import Directory
from services.needs import NeedClassifier
from services.router import ServiceRouter
from services.settings import load_default_directory

_lock = threading.RLock()


def settings() -> BotSettings:
    """The dialogue's own settings (NWD_BOT_): the bot section of the process's settings."""
    return get_settings().bot


def search_settings() -> RetrievalSettings:
    """The index's settings, the not-sure threshold with them (it is a cosine of their encoder)."""
    return get_settings().retrieval


@lru_cache(maxsize=1)
def _index() -> SearchIndex:
    index, _ = load_index(search_settings())
    return index


def index() -> SearchIndex:
    with _lock:  # the first call loads the encoder and FAISS; later calls are free
        return _index()


@lru_cache(maxsize=1)
def places() -> PlaceBook:
    return load_places(get_settings().places.places_dir)


@lru_cache(maxsize=1)
def occupations() -> OccupationBook:
    return OccupationBook.load(get_settings().places.occupations_path, place_ids=set(places().places))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    # Every place with figures can be named too, even if the gazetteer file does not list it.
    extra = [
        {"id": p.id, "en": p.name.en, "fr": p.name.fr, "region": p.region or p.province, "record": p.id}
        for p in places().places.values()
    ]
    return Gazetteer(get_settings().places.gazetteer_path, extra)


@lru_cache(maxsize=1)
def directory() -> Directory:
    return load_default_directory()


@lru_cache(maxsize=1)
def router() -> ServiceRouter:
    return ServiceRouter(directory())


@lru_cache(maxsize=1)
def _needs() -> NeedClassifier:
    # The examples' vectors are cached with the index's embeddings: computed once, not at every start.
    return NeedClassifier(
        directory().vocabulary,
        get_settings().services.needs_path,
        index().encoder,
        cache_dir=search_settings().cache_dir,
    )


def warm_up() -> None:
    """Load the index, the need examples, the language lexicon and dictionaries before the first message
    needs them."""
    from retrieval.language import dictionary_language, lexicon_votes

    index()
    needs()
    lexicon_votes("bonjour")
    dictionary_language("bonjour")


def needs() -> NeedClassifier:
    with _lock:
        return _needs()
