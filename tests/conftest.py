"""Shared fixtures: small corpora copied from the real content, and an index built from them."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from retrieval.build import build_index, load_index
from retrieval.search import SearchIndex
from retrieval.settings import ROOT, RetrievalSettings

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
