"""Search: filters, region tree, language fallback, fusion, and FAISS = exact search."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.search import Mode, SearchFilters


def ids(result):
    return [h.id for h in result.hits]


def test_finds_the_right_item_in_each_language(sample_index):
    assert sample_index.search("how do I get a social insurance number", "en", k=1).hits[0].translation == "sin"
    assert sample_index.search("comment obtenir mon numero d'assurance sociale", "fr", k=1).hits[0].translation == "sin"


def test_results_carry_the_metadata_the_api_needs(sample_index):
    hit = sample_index.search("library card", "en", k=1).hits[0]
    assert hit.url.startswith("https://")
    assert hit.language == "en" and hit.jurisdiction in {"federal", "provincial", "municipal", "community"}
    assert hit.owner and hit.topics and hit.last_reviewed and hit.text and hit.score > 0


def test_results_are_in_the_language_asked(sample_index):
    assert {h.language for h in sample_index.search("library card", "fr", k=10).hits} == {"fr"}
    assert {h.language for h in sample_index.search("carte de bibliothèque", "en", k=10).hits} == {"en"}


def test_one_result_per_item(sample_index):
    hits = sample_index.search("health card", "en", k=10).hits
    assert len({h.id for h in hits}) == len(hits)


def test_region_filter_follows_the_region_tree(sample_index):
    ottawa = sample_index.search("library card", "en", SearchFilters(region="ON-ottawa"), k=20)
    regions = {r for h in ottawa.hits for r in h.regions}
    assert "ON-toronto" not in regions
    assert {"ON-ottawa", "ON", "CA"} <= regions  # the city's, the province's and federal content
    assert ottawa.hits[0].translation == "ottawa-library"
    ontario = sample_index.search("library card", "en", SearchFilters(region="ON"), k=20)
    assert not {"ON-ottawa", "ON-toronto"} & {r for h in ontario.hits for r in h.regions}


def test_jurisdiction_topic_and_audience_filters(sample_index):
    federal = sample_index.search("card", "en", SearchFilters(jurisdiction="federal"), k=20)
    assert federal.hits and {h.jurisdiction for h in federal.hits} == {"federal"}
    health = sample_index.search("card", "en", SearchFilters(topic="health"), k=20)
    assert health.hits and all("health" in h.topics for h in health.hits)
    prospective = sample_index.search("card", "en", SearchFilters(audience="prospective"), k=20)
    by_id = {p.item_id: p.audience for p in sample_index.passages}
    assert all(by_id[h.id] in ("prospective", "both") for h in prospective.hits)


def test_language_fallback_is_flagged(sample_index):
    # Ottawa's transit item exists only in English in the sample.
    result = sample_index.search("autobus OC Transpo", "fr", SearchFilters(region="ON-ottawa", topic="transportation"))
    assert result.language_fallback and result.language == "en"
    assert result.hits and result.hits[0].translation == "ottawa-transit"
    normal = sample_index.search("autobus", "fr", SearchFilters(region="ON-ottawa"))
    assert not normal.language_fallback and normal.language == "fr"


def test_nothing_matching_the_filters_gives_no_hits(sample_index):
    result = sample_index.search("library", "en", SearchFilters(region="QC", jurisdiction="municipal"))
    assert result.hits == []


def test_unknown_language_is_refused(sample_index):
    with pytest.raises(ValueError, match="allowed: en, fr"):
        sample_index.search("hola", "es")


def test_faiss_returns_what_exact_search_returns(sample_index):
    query = "where do I apply for a health card"
    vector = sample_index.encoder.encode_queries([query])[0]
    matrix = sample_index.dense.reconstruct_n(0, sample_index.dense.ntotal)
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-3)
    allowed = np.array([p.language == "en" for p in sample_index.passages])
    exact = np.argsort(-(matrix @ vector))
    exact = [int(i) for i in exact if allowed[i]][:10]
    assert sample_index._dense_ranking(query, allowed, 10) == exact


def test_hybrid_fuses_both_rankings(sample_index):
    query = "OC Transpo fares"
    dense = ids(sample_index.search(query, "en", k=5, mode=Mode.dense))
    lexical = ids(sample_index.search(query, "en", k=5, mode=Mode.bm25))
    hybrid = ids(sample_index.search(query, "en", k=5, mode=Mode.hybrid))
    assert hybrid[0] in dense[:3] + lexical[:3]
    assert set(hybrid) <= set(ids(sample_index.search(query, "en", k=50, mode=Mode.dense))) | set(
        ids(sample_index.search(query, "en", k=50, mode=Mode.bm25))
    )


def test_bm25_ignores_accents(sample_index):
    with_accents = ids(sample_index.search("carte santé", "fr", k=3, mode=Mode.bm25))
    without = ids(sample_index.search("carte sante", "fr", k=3, mode=Mode.bm25))
    assert with_accents and with_accents == without


def test_bm25_with_no_known_word_returns_nothing(sample_index):
    assert sample_index.search("zzzqx", "en", mode=Mode.bm25).hits == []
