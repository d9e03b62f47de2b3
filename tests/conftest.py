"""Shared fixtures: small corpora copied from the real content, and an index built from them.

Also what keeps tests apart from each other and from a running stack:
- every test starts with the same process settings (`test_settings`: the tracker store and the session
  secret in a temporary folder, no retention job), whatever an earlier test changed;
- unit and API tests may connect to loopback only (pytest-socket), and never to the ports `make run`
  listens on (Rasa 5005, actions 5055, API 8000): a test that reaches a live process fails and says so.
  End-to-end tests (marker e2e) start their own processes on free ports and may use sockets.
"""

from __future__ import annotations

import atexit
import functools
import ipaddress
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import pytest_socket

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from api.settings import ApiSettings
from bot.settings import BotSettings
from nwd.settings import Settings, use_settings
from privacy.settings import PrivacySettings
from retrieval.build import build_index, load_index
from retrieval.search import SearchIndex
from retrieval.settings import ROOT, RetrievalSettings

# The ports of a local `make run` stack: the defaults of the settings that name them.
LIVE_PORTS = {
    urlsplit(ApiSettings.model_fields["rasa_url"].default).port: "Rasa",
    BotSettings.model_fields["port"].default: "the action server",
    ApiSettings.model_fields["port"].default: "the API",
}
LOOPBACK = ["127.0.0.1", "::1"]
_VAR = pytest.StashKey[Path]()


class LivePortBlockedError(RuntimeError):
    """A unit or API test tried to reach a process it did not start."""


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _refuse_live_ports(connect: Any) -> Any:
    def guarded(sock: socket.socket, address: Any, *args: Any) -> Any:
        if isinstance(address, tuple) and len(address) >= 2 and _is_loopback(str(address[0])):
            name = LIVE_PORTS.get(address[1])
            if name is not None:
                sock.close()
                raise LivePortBlockedError(
                    f"a test tried to reach {address[0]}:{address[1]} ({name} of a running `make run`): unit and "
                    "API tests may use only loopback ports they open themselves; give the app a free port "
                    "(tests.e2e.free_port) or mark the test e2e and start its processes (tests/e2e.py)"
                )
        return connect(sock, address, *args)

    return guarded


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.enable_socket)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures: loopback only (pytest-socket's guard), and not the live stack's ports.

    pytest-socket lifts both after the test (its pytest_runtest_teardown restores socket.socket.connect).
    """
    if item.get_closest_marker("enable_socket"):
        return
    pytest_socket.socket_allow_hosts(LOOPBACK, allow_unix_socket=True)
    socket.socket.connect = _refuse_live_ports(socket.socket.connect)  # type: ignore[method-assign]


def pytest_configure(config: pytest.Config) -> None:
    """What tests write stays out of var/, where a running stack keeps its conversations and session secret.

    Set before test modules are collected, so a section a test builds itself (ApiSettings(...)) defaults there too.
    """
    var = Path(tempfile.mkdtemp(prefix="nwd-tests-var-"))
    config.stash[_VAR] = var
    os.environ["NWD_API_SESSION_SECRET_FILE"] = str(var / "session_secret")
    os.environ["NWD_PRIVACY_TRACKER_DB"] = str(var / "tracker.db")


def pytest_unconfigure(config: pytest.Config) -> None:
    var = config.stash.get(_VAR, None)
    if var is not None:
        shutil.rmtree(var, ignore_errors=True)


@pytest.fixture(scope="session")
def test_settings() -> Settings:
    """The process settings every test starts from: nothing written to var/, no retention job running."""
    return Settings(privacy=PrivacySettings(retention_enabled=False))


@pytest.fixture(scope="session", autouse=True)
def _session_settings(test_settings: Settings) -> Iterator[None]:
    use_settings(test_settings)
    yield
    use_settings(None)


@pytest.fixture(autouse=True)
def fresh_settings(test_settings: Settings) -> Iterator[Settings]:
    """Each test sees `test_settings`, whatever the test before it installed (tests may run in any order)."""
    use_settings(test_settings)
    yield test_settings
    use_settings(test_settings)


CONTENT = ROOT / "data" / "content"
# A small, varied slice of the real content: federal, provincial, community and
# two municipalities, in both languages.
SAMPLE_GROUPS = {
    "federal/sin",
    "federal/citizenship-test",
    "federal/ircc-account-status",
    "federal/authorized-representatives",
    "municipal/hamilton/hamilton-newcomer-services",
    "ontario/ohip-eligibility",
    "ontario/landlord-tenant-board",
    "community/211-ontario",
    "municipal/toronto/toronto-library",
    "municipal/ottawa/ottawa-library",
    "municipal/ottawa/ottawa-transit",
}


def copy_sample(target: Path, groups: set[str] = SAMPLE_GROUPS, languages: tuple[str, ...] = ("en", "fr")) -> Path:
    for group in groups:
        for language in languages:
            source = CONTENT / f"{group}.{language}.md"
            dest = target / f"{group}.{language}.md"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, dest)
    return target


def settings_for(tmp: Path, content: Path, feeds: list[Path] | None = None) -> RetrievalSettings:
    return RetrievalSettings(
        content_dir=content,
        feeds=feeds or [],
        index_dir=tmp / "index",
        # The embedding cache is shared between runs: same text, same vector.
        cache_dir=ROOT / "models" / "cache",
    )


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "content")


@functools.cache
def _built_sample() -> RetrievalSettings:
    """The sample index, built once per process. `make mutation` runs the tests of each mutant in a child
    forked from one process: a child that built an index again could hang on the encoder's threads, and
    the index is the same every time (the build's own code is tested on items made in the tests)."""
    tmp = Path(tempfile.mkdtemp(prefix="nwd-sample-"))
    atexit.register(shutil.rmtree, tmp, True)
    content = copy_sample(tmp / "content")
    # Ottawa's transit item exists only in English here, to exercise the language fallback.
    (content / "municipal/ottawa/ottawa-transit.fr.md").unlink()
    settings = settings_for(tmp, content)
    build_index(settings)
    return settings


@functools.cache
def _loaded_sample() -> SearchIndex:
    index, _ = load_index(_built_sample())
    return index


@pytest.fixture(scope="session")
def sample_settings() -> RetrievalSettings:
    return _built_sample()


@pytest.fixture(scope="session")
def sample_index(sample_settings: RetrievalSettings) -> SearchIndex:
    return _loaded_sample()
