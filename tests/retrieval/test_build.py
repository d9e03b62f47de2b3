"""Build, rebuild only on change, atomic replacement, and a failed build keeps the old index serving."""

from __future__ import annotations

import json

import pytest

from retrieval.build import CURRENT, build_index, current_manifest, load_index
from retrieval.corpus import CorpusError
from tests.conftest import copy_sample, settings_for

GROUPS = {"federal/sin", "community/211-ontario"}


@pytest.fixture
def settings(tmp_path):
    return settings_for(tmp_path, copy_sample(tmp_path / "content", GROUPS))


def test_build_writes_faiss_json_and_manifest_never_pickle(settings):
    manifest, rebuilt = build_index(settings)
    assert rebuilt
    folder = (settings.index_dir / CURRENT).resolve()
    assert sorted(p.name for p in folder.iterdir()) == [
        "dense.faiss",
        "faq.json",
        "faq.npy",
        "manifest.json",
        "passages.json",
        "units.json",
    ]
    assert manifest.items == 4 and manifest.passages >= 4
    assert json.loads((folder / "manifest.json").read_text())["encoder"] == "e5-small"
    index, loaded = load_index(settings)
    assert loaded == manifest
    assert index.dense.ntotal == manifest.passages


def test_unchanged_content_is_not_rebuilt(settings):
    first, _ = build_index(settings)
    second, rebuilt = build_index(settings)
    assert not rebuilt
    assert second.fingerprint == first.fingerprint


def test_changed_content_is_rebuilt_and_replaces_the_old_build(settings):
    first, _ = build_index(settings)
    old_folder = (settings.index_dir / CURRENT).resolve()
    path = settings.content_dir / "federal/sin.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence for the test.\n", encoding="utf-8")
    second, rebuilt = build_index(settings)
    assert rebuilt and second.fingerprint != first.fingerprint
    new_folder = (settings.index_dir / CURRENT).resolve()
    assert new_folder != old_folder and not old_folder.exists()
    index, _ = load_index(settings)
    assert any("One more sentence for the test." in p.text for p in index.passages)


def test_force_rebuilds(settings):
    build_index(settings)
    _, rebuilt = build_index(settings, force=True)
    assert rebuilt


def test_failed_build_leaves_the_previous_index_serving(settings):
    good, _ = build_index(settings)
    path = settings.content_dir / "federal/sin.fr.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("jurisdiction: federal", "jurisdiction: federale"), encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=r"sin\.fr\.md: jurisdiction"):
        build_index(settings)
    assert current_manifest(settings) == good
    index, manifest = load_index(settings)
    assert manifest.fingerprint == good.fingerprint
    assert index.search("social insurance number", "en", k=1).hits


def test_current_is_a_symlink_switched_in_one_step(settings):
    build_index(settings)
    link = settings.index_dir / CURRENT
    assert link.is_symlink()
    assert not list(settings.index_dir.glob(".current.*")), "the temporary link must be renamed away"
