from retrieval.chunking import chunk_item
from retrieval.content import ContentItem
from retrieval.settings import ROOT
from retrieval.sources.markdown import MarkdownFolder
from retrieval.taxonomy import load_taxonomy
from tests.conftest import copy_sample

TAXONOMY = load_taxonomy(ROOT / "data" / "taxonomy.yml")


def _item(body: str) -> ContentItem:
    return ContentItem.model_validate(
        {
            "id": "x.en",
            "title": "A test item title",
            "language": "en",
            "translation": "x",
            "topics": ["health"],
            "jurisdiction": "provincial",
            "owner": "ontario",
            "publisher": "government-of-ontario",
            "portal": "ontario",
            "audience": "landed",
            "regions": ["ON"],
            "url": "https://example.org/x",
            "sources": [{"title": "Example", "url": "https://example.org/x"}],
            "last_reviewed": "2026-11-24",
            "review_by": "2027-05-24",
            "body": body,
        }
    )


def test_passages_follow_headings():
    item = _item("Intro line before any heading.\n\n## What it is\nAlpha text.\n\n## Who can get it\nBeta text.\n")
    passages = chunk_item(item, max_words=100)
    assert [(p.heading, p.text) for p in passages] == [
        ("", "Intro line before any heading."),
        ("What it is", "Alpha text."),
        ("Who can get it", "Beta text."),
    ]
    assert [p.passage_id for p in passages] == ["x.en#0", "x.en#1", "x.en#2"]


def test_long_sections_are_split_within_the_budget_without_losing_words():
    sentences = " ".join(f"Sentence number {n} says something useful." for n in range(60))
    item = _item(f"## Long\n{sentences}\n\n## Short\nDone.")
    passages = chunk_item(item, max_words=40)
    assert all(len(p.text.split()) <= 40 for p in passages)
    long_words = " ".join(p.text for p in passages if p.heading == "Long").split()
    assert long_words == sentences.split()
    assert passages[-1].heading == "Short"


def test_a_single_overlong_sentence_is_cut_by_words():
    item = _item("## Run-on\n" + " ".join(["word"] * 250))
    passages = chunk_item(item, max_words=100)
    assert [len(p.text.split()) for p in passages] == [100, 100, 50]


def test_real_items_chunk_into_headed_passages(tmp_path):
    items = MarkdownFolder(copy_sample(tmp_path / "c", {"federal/sin"})).load(TAXONOMY)
    for item in items:
        passages = chunk_item(item, max_words=160)
        assert len(passages) >= 2
        assert all(p.heading for p in passages)
        assert all(p.item_id == item.id for p in passages)
