"""One settings object per process: every documented variable reaches its section, and the API's startup
resolves the same settings its routes do (a test's overrides included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.deps import get_app_settings, get_privacy_settings
from api.main import create_app
from api.settings import ApiSettings
from nwd.settings import Settings, get_settings, settings_in_use, use_settings
from places.settings import PlaceSettings
from privacy.settings import PrivacySettings
from retrieval.build import current_manifest

# Every variable README.md, docs/, Procfile, scripts/, Makefile and tests/e2e.py use, with a value
# other than its default, and where it must land.
ENVIRONMENT = [
    ("NWD_CONTENT_DIR", "/srv/content", ("retrieval", "content_dir"), Path("/srv/content")),
    ("NWD_FEEDS", '["/srv/feed.json"]', ("retrieval", "feeds"), [Path("/srv/feed.json")]),
    ("NWD_TAXONOMY_PATH", "/srv/t.yml", ("retrieval", "taxonomy_path"), Path("/srv/t.yml")),
    ("NWD_TAXONOMY_PATH", "/srv/t.yml", ("services", "taxonomy_path"), Path("/srv/t.yml")),
    ("NWD_INDEX_DIR", "/srv/index", ("retrieval", "index_dir"), Path("/srv/index")),
    ("NWD_CACHE_DIR", "/srv/cache", ("retrieval", "cache_dir"), Path("/srv/cache")),
    ("NWD_ENCODER", "minilm", ("retrieval", "encoder"), "minilm"),
    ("NWD_THREADS", "2", ("retrieval", "threads"), 2),
    ("NWD_BUILD_THREADS", "1", ("retrieval", "build_threads"), 1),
    ("NWD_CHUNK_MAX_WORDS", "120", ("retrieval", "chunk_max_words"), 120),
    ("NWD_FUSION_DEPTH", "40", ("retrieval", "fusion_depth"), 40),
    ("NWD_RRF_K", "30", ("retrieval", "rrf_k"), 30),
    ("NWD_MIN_SIMILARITY", "0.8", ("retrieval", "min_similarity"), 0.8),
    ("NWD_BOT_MIN_SIMILARITY", "0.81", ("retrieval", "min_similarity"), 0.81),
    ("NWD_API_HOST", "0.0.0.0", ("api", "host"), "0.0.0.0"),
    ("NWD_API_PORT", "8100", ("api", "port"), 8100),
    ("NWD_API_ENVIRONMENT", "test", ("api", "environment"), "test"),
    ("NWD_API_ENVIRONMENT", "test", ("bot", "environment"), "test"),
    ("NWD_API_BUILD_INDEX_IF_MISSING", "false", ("api", "build_index_if_missing"), False),
    ("NWD_API_MAX_QUERY_CHARS", "300", ("api", "max_query_chars"), 300),
    ("NWD_API_MAX_K", "10", ("api", "max_k"), 10),
    ("NWD_API_MAX_MESSAGE_CHARS", "1000", ("api", "max_message_chars"), 1000),
    ("NWD_API_RASA_URL", "http://127.0.0.1:6005", ("api", "rasa_url"), "http://127.0.0.1:6005"),
    ("NWD_API_ACTIONS_URL", "http://127.0.0.1:6055", ("api", "actions_url"), "http://127.0.0.1:6055"),
    ("NWD_API_RASA_TOKEN", "own-rasa-token", ("api", "rasa_token"), "own-rasa-token"),
    ("NWD_API_REQUIRE_DIALOGUE", "false", ("api", "require_dialogue"), False),
    ("NWD_API_RASA_TIMEOUT_SECONDS", "5", ("api", "rasa_timeout_seconds"), 5.0),
    ("NWD_API_SESSION_SECRET", "s" * 32, ("api", "session_secret"), "s" * 32),
    ("NWD_API_SESSION_SECRET_FILE", "/srv/secret", ("api", "session_secret_file"), Path("/srv/secret")),
    ("NWD_API_CORS_ORIGINS", '["https://portal.example"]', ("api", "cors_origins"), ["https://portal.example"]),
    ("NWD_BOT_HOST", "0.0.0.0", ("bot", "host"), "0.0.0.0"),
    ("NWD_BOT_PORT", "6055", ("bot", "port"), 6055),
    ("NWD_BOT_ENVIRONMENT", "production", ("bot", "environment"), "production"),
    ("NWD_BOT_ACTIONS_TOKEN", "a-secret-of-its-own-1234", ("bot", "actions_token"), "a-secret-of-its-own-1234"),
    ("NWD_BOT_ANSWER_WORDS", "50", ("bot", "answer_words"), 50),
    ("NWD_PRIVACY_TRACKER_DB", "/srv/tracker.db", ("privacy", "tracker_db"), Path("/srv/tracker.db")),
    ("NWD_PRIVACY_RETENTION_DAYS", "90", ("privacy", "retention_days"), 90),
    ("NWD_PRIVACY_RETENTION_ENABLED", "false", ("privacy", "retention_enabled"), False),
    ("NWD_PLACES_PLACES_DIR", "/srv/places", ("places", "places_dir"), Path("/srv/places")),
    ("NWD_PLACES_GAZETTEER_PATH", "/srv/g.yml", ("places", "gazetteer_path"), Path("/srv/g.yml")),
    ("NWD_BOT_GAZETTEER_PATH", "/srv/g2.yml", ("places", "gazetteer_path"), Path("/srv/g2.yml")),
    ("NWD_SERVICES_DIR", "/srv/services", ("services", "services_dir"), Path("/srv/services")),
    ("NWD_NEEDS_PATH", "/srv/needs.yml", ("services", "needs_path"), Path("/srv/needs.yml")),
]


@pytest.mark.parametrize(("variable", "value", "where", "expected"), ENVIRONMENT)
def test_each_documented_variable_reaches_its_section(monkeypatch, variable, value, where, expected):
    section, field = where
    assert getattr(getattr(Settings(), section), field) != expected  # the default is something else
    monkeypatch.setenv(variable, value)
    assert getattr(getattr(Settings(), section), field) == expected


def test_the_answer_settings_are_part_of_the_retrieval_section(monkeypatch):
    monkeypatch.setenv("NWD_ANSWERS", '{"max_words": 95}')
    answers = Settings().retrieval.answers
    assert answers.max_words == 95 and answers.faq_similarity == 0.955  # the rest keep their defaults


def test_the_process_reads_its_settings_once_until_told_otherwise(monkeypatch):
    use_settings(None)
    first = get_settings()
    monkeypatch.setenv("NWD_API_PORT", "8123")
    assert get_settings() is first and first.api.port != 8123  # read once, not at every use
    use_settings(None)
    assert get_settings().api.port == 8123
    other = Settings()
    with settings_in_use(other):
        assert get_settings() is other
    assert get_settings() is not other


def test_startup_uses_the_overridden_settings_not_the_environment(tmp_path, sample_settings):
    """The lifespan opens the privacy store, the places and the index the overrides name (issue 15)."""
    db = tmp_path / "own" / "tracker.db"
    overridden = Settings(
        api=ApiSettings(require_dialogue=False),
        retrieval=sample_settings,
        places=PlaceSettings(places_dir=tmp_path / "no-places"),
        privacy=PrivacySettings(tracker_db=tmp_path / "other.db", retention_enabled=False),
    )
    app = create_app()
    app.dependency_overrides[get_app_settings] = lambda: overridden
    # A section's own override wins over the whole object's.
    app.dependency_overrides[get_privacy_settings] = lambda: PrivacySettings(tracker_db=db, retention_enabled=False)
    with TestClient(app) as client:
        assert client.app.state.privacy.store.db == db
        assert client.app.state.nwd.places.places == {}  # an empty folder, not data/places
        assert client.app.state.nwd.manifest == current_manifest(sample_settings)  # the sample index
        assert client.get("/healthz").json()["parts"]["search_index"] == "ready"
    assert get_settings().places.places_dir != tmp_path / "no-places"  # the process's own were not touched
