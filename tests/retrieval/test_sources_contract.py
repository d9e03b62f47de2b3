"""Every content source adapter must pass these: written once, run for all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.content import ContentItem
from retrieval.corpus import load_corpus
from retrieval.settings import ROOT
from retrieval.sources import ContentSource, SourceError
from retrieval.sources.cms_feed import FEED_FORMAT, CmsFeed
from retrieval.sources.markdown import MarkdownFolder
from retrieval.taxonomy import load_taxonomy
from tests.conftest import copy_sample, settings_for

TAXONOMY = load_taxonomy(ROOT / "data" / "taxonomy.yml")
FEED = ROOT / "data" / "feeds" / "ontario-cms.json"
# The Ontario portal's own tag for each topic it can express with a single tag.
TAG_FOR_TOPIC = {topics[0]: tag for tag, topics in TAXONOMY.crosswalks["ontario"].items() if len(topics) == 1}


def feed_record(item: ContentItem) -> dict:
    """The item as the Ontario CMS would export it."""
    return {
        "nid": 1,
        "langcode": item.language,
        "machine_name": item.translation,
        "title": item.title,
        "path": item.url,
        "tags": [TAG_FOR_TOPIC[t] for t in item.topics],
        "jurisdiction": str(item.jurisdiction),
        "owner": item.owner,
        "publisher": item.publisher,
        "audience": str(item.audience),
        "regions": item.regions,
        "references": [{"label": s.title, "href": s.url} for s in item.sources],
        "reviewed": item.last_reviewed.isoformat(),
        "review_due": item.review_by.isoformat(),
        "body_markdown": item.body,
        "faq": [{"question": pair.q, "answer": pair.a} for pair in item.faq],
    }


def write_feed(path: Path, records: list[dict], portal: str = "ontario") -> Path:
    path.write_text(json.dumps({"format": FEED_FORMAT, "portal": portal, "items": records}), encoding="utf-8")
    return path


@pytest.fixture(params=["markdown", "cms-feed", "sample-feed"])
def source(request, tmp_path) -> ContentSource:
    if request.param == "sample-feed":
        return CmsFeed(FEED)
    content = copy_sample(tmp_path / "content", {"ontario/ohip-eligibility", "community/211-ontario"})
    if request.param == "markdown":
        return MarkdownFolder(content)
    items = MarkdownFolder(content).load(TAXONOMY)
    ontario_items = [i for i in items if i.translation == "ohip-eligibility"]
    return CmsFeed(write_feed(tmp_path / "feed.json", [feed_record(i) for i in ontario_items]))


def test_source_yields_valid_items_with_unique_ids(source):
    items = source.load(TAXONOMY)
    assert items, "a source must yield items"
    assert all(isinstance(i, ContentItem) for i in items)
    assert len({i.id for i in items}) == len(items)
    for item in items:
        assert item.id == f"{item.translation}.{item.language}"
        assert item.url.startswith("https://") and item.sources
        assert set(item.topics) <= set(TAXONOMY.topics)
        assert set(item.regions) <= set(TAXONOMY.regions)
        assert item.origin, "errors must be able to name where an item came from"


def test_source_has_fingerprint_files(source):
    paths = source.fingerprint_paths()
    assert paths and all(p.exists() for p in paths)


def test_sample_feed_items_have_both_languages():
    items = CmsFeed(FEED).load(TAXONOMY)
    groups: dict[str, set[str]] = {}
    for item in items:
        groups.setdefault(item.translation, set()).add(item.language)
    assert groups and all(langs == {"en", "fr"} for langs in groups.values())


def test_the_same_item_reads_the_same_through_both_adapters(tmp_path):
    content = copy_sample(tmp_path / "content", {"ontario/ohip-eligibility"})
    from_markdown = MarkdownFolder(content).load(TAXONOMY)
    assert any(item.faq for item in from_markdown), "the sample should exercise every field, faq included"
    feed = write_feed(tmp_path / "feed.json", [feed_record(i) for i in from_markdown])
    from_feed = CmsFeed(feed).load(TAXONOMY)
    strip = lambda items: sorted((i.model_dump() for i in items), key=lambda d: d["id"])  # noqa: E731
    assert strip(from_markdown) == strip(from_feed)


def test_same_content_from_both_sources_is_reported_and_indexed_once(tmp_path):
    content = copy_sample(tmp_path / "content", {"ontario/ohip-eligibility", "federal/sin"})
    items = MarkdownFolder(content).load(TAXONOMY)
    ohip = [i for i in items if i.translation == "ohip-eligibility"]
    feed = write_feed(tmp_path / "feed.json", [feed_record(i) for i in ohip])
    corpus = load_corpus(settings_for(tmp_path, content, feeds=[feed]))
    assert sorted(i.id for i in corpus.items) == ["ohip-eligibility.en", "ohip-eligibility.fr", "sin.en", "sin.fr"]
    assert len(corpus.duplicates) == 2
    assert all("duplicates" in line and "feed.json" in line for line in corpus.duplicates)


def test_same_text_under_another_id_is_a_duplicate_too(tmp_path):
    content = copy_sample(tmp_path / "content", {"ontario/ohip-eligibility"})
    item = next(i for i in MarkdownFolder(content).load(TAXONOMY) if i.language == "en")
    record = feed_record(item) | {"machine_name": "health-card-copy"}
    corpus = load_corpus(settings_for(tmp_path, content, feeds=[write_feed(tmp_path / "feed.json", [record])]))
    assert "health-card-copy.en" not in {i.id for i in corpus.items}
    assert corpus.duplicates and "health-card-copy.en" in corpus.duplicates[0]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda r: r | {"tags": ["Healthcare"]},
            r"items\[0\]: tags: tag 'Healthcare' has no mapping in the 'ontario' crosswalk",
        ),
        (lambda r: r | {"jurisdiction": "city"}, r"items\[0\]: jurisdiction: .*allowed: federal, provincial"),
        (lambda r: {k: v for k, v in r.items() if k != "path"}, r"items\[0\]: url: "),
        (lambda r: r | {"langcode": "de"}, r"items\[0\]: language: .*allowed: en, fr"),
    ],
)
def test_feed_record_errors_name_the_record_and_field(tmp_path, mutate, expected):
    content = copy_sample(tmp_path / "content", {"ontario/ohip-eligibility"})
    item = next(i for i in MarkdownFolder(content).load(TAXONOMY) if i.language == "en")
    feed = write_feed(tmp_path / "feed.json", [mutate(feed_record(item))])
    with pytest.raises(SourceError, match=expected):
        CmsFeed(feed).load(TAXONOMY)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"{not json", r"not valid JSON \(line 1, column 2\)"),
        (b"\xff\xfe\x00binary", r"not UTF-8"),
        (b'{"format": "something-else", "items": []}', r"format: expected 'nwd-cms-export/1'"),
        (b'{"format": "nwd-cms-export/1", "portal": "mars", "items": []}', r"portal: 'mars' has no crosswalk"),
        (b'{"format": "nwd-cms-export/1", "portal": "ontario", "items": {}}', r"items: must be a list"),
    ],
)
def test_broken_feed_file_says_what_to_fix(tmp_path, raw, expected):
    path = tmp_path / "feed.json"
    path.write_bytes(raw)
    with pytest.raises(SourceError, match=expected):
        CmsFeed(path).load(TAXONOMY)


def test_missing_feed_file_is_reported(tmp_path):
    with pytest.raises(SourceError, match="feed file not found"):
        CmsFeed(tmp_path / "nope.json").load(TAXONOMY)
