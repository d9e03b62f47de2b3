"""Shared dependencies, as Annotated aliases."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.settings import ApiSettings
from api.state import AppState
from privacy.settings import PrivacySettings
from retrieval.search import SearchIndex
from retrieval.settings import RetrievalSettings
from retrieval.taxonomy import Taxonomy


@lru_cache
def get_api_settings() -> ApiSettings:
    return ApiSettings()


@lru_cache
def get_privacy_settings() -> PrivacySettings:
    return PrivacySettings()


@lru_cache
def get_retrieval_settings() -> RetrievalSettings:
    return RetrievalSettings()


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
