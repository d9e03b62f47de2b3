from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.deps import get_api_settings
from api.main import create_app
from api.settings import ApiSettings
from api.state import AppState
from nwd.settings import use_settings
from privacy.settings import PrivacySettings


def search_only_app(state: AppState):
    """The app without the dialogue engine: search, stats and health of the index alone."""
    app = create_app(state)
    app.dependency_overrides[get_api_settings] = lambda: ApiSettings(require_dialogue=False)
    return app


@pytest.fixture(scope="module")
def client(sample_settings) -> TestClient:
    state = AppState()
    state.load(sample_settings, build_if_missing=False)
    assert state.ready, state.problem
    with TestClient(search_only_app(state)) as c:
        yield c


@pytest.fixture
def unready_client() -> TestClient:
    with TestClient(
        search_only_app(AppState(problem="no index in models/index; build it with `nwd index build`"))
    ) as c:
        yield c


@pytest.fixture(autouse=True)
def _privacy_store_in_tmp(tmp_path, fresh_settings):
    """Each app started in a test keeps its deleted-conversation list in its own store, with no retention job."""
    privacy = PrivacySettings(tracker_db=tmp_path / "tracker.db", retention_enabled=False)
    use_settings(fresh_settings.model_copy(update={"privacy": privacy}))
