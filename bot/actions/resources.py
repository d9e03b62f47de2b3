"""Heavy objects the actions share, loaded once on first use (never at import)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from bot.settings import BotSettings
from nwd.settings import get_settings
from places.data import PlaceBook, load_places
from places.gazetteer import Gazetteer
from places.occupations import OccupationBook
from retrieval.build import embed_texts, load_index
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings
from services.directory import Directory, DirectoryEntry
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


@lru_cache(maxsize=2)
def _service_vectors(language: str) -> dict[str, np.ndarray]:
    """Each service's name and description, embedded once per language (cached with the index's embeddings)."""
    entries = list(directory().entries())
    texts = [f"{e.service.name.get(language)}. {e.service.description.get(language)}" for e in entries]
    vectors = embed_texts(texts, index().encoder, search_settings().cache_dir)
    return {e.service.id: v for e, v in zip(entries, vectors, strict=True)}


def service_affinity(message: str, language: str) -> Callable[[DirectoryEntry], float]:
    """How close each service's name and description come to the message (cosine)."""
    query = index().query_vector(message)[0]  # the search of the same message computed it already
    with _lock:
        vectors = _service_vectors(language)
    return lambda entry: float(vectors[entry.service.id] @ query) if entry.service.id in vectors else 0.0


def warm_up() -> None:
    """Load the index, the need examples, the language lexicon and dictionaries before the first message
    needs them."""
    from retrieval.language import dictionary_language, lexicon_votes

    index()
    needs()
    with _lock:  # the services' vectors (service_affinity), embedded once: not during a first service question
        _service_vectors("en")
        _service_vectors("fr")
    lexicon_votes("bonjour")
    dictionary_language("bonjour")


def needs() -> NeedClassifier:
    with _lock:
        return _needs()
