from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.state import AppState


@pytest.fixture(scope="module")
def client(sample_settings) -> TestClient:
    state = AppState()
    state.load(sample_settings, build_if_missing=False)
    assert state.ready, state.problem
    with TestClient(create_app(state)) as c:
        yield c


@pytest.fixture
def unready_client() -> TestClient:
    with TestClient(create_app(AppState(problem="no index in models/index; build it with `nwd index build`"))) as c:
        yield c
