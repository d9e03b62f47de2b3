"""Shared dependencies, as Annotated aliases.

Every setting the API uses is resolved from `get_app_settings` (the process's one settings object,
nwd.settings) through the section dependencies below; tests override either. Startup code outside a
request (the lifespan, api/main.py) goes through `settings_of(app)`, so it sees the same overrides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request

from api.settings import ApiSettings
from api.state import AppState
from nwd.settings import Settings as AllSettings
from nwd.settings import get_settings
from places.settings import PlaceSettings
from privacy.settings import PrivacySettings
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings
from retrieval.taxonomy import Taxonomy
from services.settings import ServiceSettings


def get_app_settings() -> AllSettings:
    """Every section; a test overrides this (or one section below) to change what the app sees."""
    return get_settings()


def get_api_settings(settings: Annotated[AllSettings, Depends(get_app_settings)]) -> ApiSettings:
    return settings.api


def get_privacy_settings(settings: Annotated[AllSettings, Depends(get_app_settings)]) -> PrivacySettings:
    return settings.privacy


def get_retrieval_settings(settings: Annotated[AllSettings, Depends(get_app_settings)]) -> RetrievalSettings:
    return settings.retrieval


def get_service_settings(settings: Annotated[AllSettings, Depends(get_app_settings)]) -> ServiceSettings:
    return settings.services


def get_place_settings(settings: Annotated[AllSettings, Depends(get_app_settings)]) -> PlaceSettings:
    return settings.places


_SECTIONS: dict[str, Callable[..., Any]] = {
    "api": get_api_settings,
    "privacy": get_privacy_settings,
    "retrieval": get_retrieval_settings,
    "services": get_service_settings,
    "places": get_place_settings,
}


def settings_of(app: FastAPI) -> AllSettings:
    """The settings the app's routes see, overrides included: for startup, outside any request."""
    overrides = app.dependency_overrides
    root: AllSettings = overrides.get(get_app_settings, get_app_settings)()
    changed = {name: overrides[dep]() for name, dep in _SECTIONS.items() if dep in overrides}
    return root.model_copy(update=changed) if changed else root


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.nwd
    return state


def get_index(state: Annotated[AppState, Depends(get_state)]) -> SearchIndex:
    if state.index is None:
        raise HTTPException(status_code=503, detail=f"the search index is not ready: {state.problem or 'loading'}")
    return state.index


def get_taxonomy(state: Annotated[AppState, Depends(get_state)]) -> Taxonomy:
    if state.taxonomy is None:
        raise HTTPException(status_code=503, detail=f"the taxonomy is not loaded: {state.problem or 'loading'}")
    return state.taxonomy


Settings = Annotated[ApiSettings, Depends(get_api_settings)]
Privacy = Annotated[PrivacySettings, Depends(get_privacy_settings)]
State = Annotated[AppState, Depends(get_state)]
Index = Annotated[SearchIndex, Depends(get_index)]
Vocabulary = Annotated[Taxonomy, Depends(get_taxonomy)]
