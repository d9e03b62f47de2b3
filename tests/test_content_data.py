"""The real content and question set: valid, complete in both languages, well sourced."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlparse

import pytest

from retrieval.corpus import Corpus, load_corpus
from retrieval.evaluation import load_questions
from retrieval.settings import ROOT, RetrievalSettings
from retrieval.yamlio import load_yaml


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(RetrievalSettings())


def test_all_content_loads_without_problems(corpus):
    assert len(corpus.items) >= 100
    assert corpus.duplicates == []


def test_every_item_has_its_translation(corpus):
    assert corpus.missing_translations == []


def test_urls_are_well_formed_and_sources_present(corpus):
    for item in corpus.items:
        for url in [item.url, *(s.url for s in item.sources)]:
            parts = urlparse(url)
            assert parts.scheme == "https" and "." in parts.netloc and " " not in url, f"{item.origin}: {url}"
        assert item.sources, item.origin


def test_urls_send_people_to_official_pages(corpus):
    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))["official_domains"]
    outside = []
    for item in corpus.items:
        host = (urlparse(item.url).hostname or "").lower().rstrip(".")
        if not any(host == d or host.endswith(f".{d}") for d in policy):
            outside.append(f"{item.origin}: {item.url}")
    assert outside == [], "url must be an official page (data/url-policy.yml):\n" + "\n".join(outside)


def test_items_follow_the_region_rules(corpus):
    municipal = {code for code, parent in corpus.taxonomy.region_parents.items() if parent == "ON"}
    for item in corpus.items:
        if item.jurisdiction == "municipal":
            assert set(item.regions) <= municipal, f"{item.origin}: a municipality's item applies to that municipality"
        if item.jurisdiction == "provincial":
            assert "CA" not in item.regions, f"{item.origin}: provincial content is not Canada-wide"


def test_both_sources_feed_the_index(corpus):
    origins = Counter("feed" if "#items[" in i.origin else "markdown" for i in corpus.items)
    assert origins["feed"] >= 2 and origins["markdown"] >= 100


def test_question_set_is_big_enough_and_half_french(corpus):
    questions = load_questions(ROOT / "data" / "eval" / "questions", {i.translation for i in corpus.items})
    by_language = Counter(q.lang for q in questions)
    assert len(questions) >= 150
    assert by_language["fr"] >= len(questions) * 0.45
