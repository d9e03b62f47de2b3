"""The answer-fact evaluation sets (data/eval/answers/) are well formed and each fact is in its item.

Each question names the content item (its `translation` group) that states the fact it asks
for; the most important check is that at least one `expect` string really appears in that
item's text in the question's language, so the set never asks a reply for a fact the content
does not hold.
"""

from __future__ import annotations

import collections
import re
from functools import cache, lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "data" / "eval" / "answers"
CONTENT = ROOT / "data" / "content"
LANGUAGES = ("en", "fr")
KEYS = {"id", "q", "topic", "item", "region", "expect", "split"}
REQUIRED = KEYS - {"region"}
MIN_QUESTIONS = 150
MAX_TOPIC_SHARE = 0.12
MAX_EXPECT_CHARS = 60

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def normalise(text: str) -> str:
    """Lower case, Markdown emphasis removed, every kind of space (incl. French NBSP) one space."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    text = text.replace("’", "'")
    text = re.sub(r"[*`]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def taxonomy() -> dict:
    return yaml.safe_load((ROOT / "data" / "taxonomy.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def content_items() -> dict[tuple[str, str], dict]:
    """(translation group, language) -> {"meta": front matter, "body": Markdown body}."""
    items: dict[tuple[str, str], dict] = {}
    for path in sorted(CONTENT.rglob("*.md")):
        match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        assert match, f"{path}: no front matter"
        meta = yaml.safe_load(match.group(1))
        items[(meta["translation"], meta["language"])] = {"meta": meta, "body": match.group(2)}
    return items


@cache
def questions(lang: str) -> list[dict]:
    data = yaml.safe_load((ANSWERS / f"{lang}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("questions"), list), (
        f"data/eval/answers/{lang}.yml: expected a mapping with a 'questions' list"
    )
    return data["questions"]


def test_normalise_treats_french_spaces_and_emphasis_as_plain_text() -> None:
    assert normalise("**1\u00a0095 jours**\n  au  Canada") == "1 095 jours au canada"
    assert normalise("25\u202f$") == "25 $"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_question_has_the_documented_fields(lang: str) -> None:
    problems = []
    for q in questions(lang):
        keys = set(q)
        if not keys >= REQUIRED or not keys <= KEYS:
            problems.append(f"{q.get('id')}: fields {sorted(keys)}")
            continue
        if not (isinstance(q["q"], str) and q["q"].strip()):
            problems.append(f"{q['id']}: empty question")
        if not str(q["id"]).startswith(f"{lang}-{q['topic']}-"):
            problems.append(f"{q['id']}: id should start with {lang}-{q['topic']}-")
        if q["split"] not in ("dev", "heldout"):
            problems.append(f"{q['id']}: split {q['split']!r} is not dev or heldout")
        expect = q["expect"]
        if not (isinstance(expect, list) and expect and all(isinstance(e, str) and e.strip() for e in expect)):
            problems.append(f"{q['id']}: expect must be a non-empty list of strings")
        elif any(len(e) > MAX_EXPECT_CHARS for e in expect):
            problems.append(f"{q['id']}: an expected string is longer than {MAX_EXPECT_CHARS} characters")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enough_unique_questions(lang: str) -> None:
    qs = questions(lang)
    assert len(qs) >= MIN_QUESTIONS, f"{lang}: {len(qs)} questions, need {MIN_QUESTIONS}"
    ids = collections.Counter(q["id"] for q in qs)
    assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {[i for i, n in ids.items() if n > 1]}"
    texts = collections.Counter(normalise(q["q"]) for q in qs)
    assert not [t for t, n in texts.items() if n > 1], "the same question is asked twice"


def test_ids_are_unique_across_languages() -> None:
    ids = [q["id"] for lang in LANGUAGES for q in questions(lang)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_topics_and_regions_are_known_and_match_the_item(lang: str) -> None:
    topics, regions = taxonomy()["topics"], taxonomy()["regions"]
    items = content_items()
    problems = []
    for q in questions(lang):
        found = items.get((q["item"], lang))
        if found is None:
            problems.append(f"{q['id']}: item {q['item']!r} has no {lang} content item")
            continue
        meta = found["meta"]
        if q["topic"] not in topics:
            problems.append(f"{q['id']}: topic {q['topic']!r} is not in data/taxonomy.yml")
        elif q["topic"] not in meta["topics"]:
            problems.append(f"{q['id']}: topic {q['topic']!r} is not one of {q['item']}'s {meta['topics']}")
        region = q.get("region")
        if region is not None and region not in regions:
            problems.append(f"{q['id']}: region {region!r} is not in data/taxonomy.yml")
        if meta["jurisdiction"] == "municipal" and region not in meta["regions"]:
            problems.append(f"{q['id']}: a municipal item needs its region {meta['regions']}, got {region!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_expected_fact_is_stated_by_its_item(lang: str) -> None:
    items = content_items()
    missing = []
    for q in questions(lang):
        found = items.get((q["item"], lang))
        if found is None:
            continue  # reported by the test above
        body = normalise(found["body"])
        if not any(normalise(e) in body for e in q["expect"]):
            missing.append(f"{q['id']}: none of {q['expect']} is in {q['item']}.{lang}.md")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_spread_over_topics_and_splits(lang: str) -> None:
    qs = questions(lang)
    per_topic = collections.Counter(q["topic"] for q in qs)
    crowded = {t: n for t, n in per_topic.items() if n / len(qs) > MAX_TOPIC_SHARE}
    assert not crowded, f"{lang}: topics above {MAX_TOPIC_SHARE:.0%} of the file: {crowded}"
    heldout = sum(q["split"] == "heldout" for q in qs)
    assert 0.25 <= heldout / len(qs) <= 0.40, f"{lang}: heldout share {heldout / len(qs):.2f}, want about 1/3"
    topics_heldout = {q["topic"] for q in qs if q["split"] == "heldout"}
    big_topics = {t for t, n in per_topic.items() if n >= 3}
    assert big_topics <= topics_heldout, f"{lang}: no heldout question for {sorted(big_topics - topics_heldout)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_question_already_contains_its_answer(lang: str) -> None:
    # A reply that only echoes the question must not pass.
    echoed = [
        f"{q['id']}: {e!r} is in the question"
        for q in questions(lang)
        for e in q["expect"]
        if normalise(e) in normalise(q["q"])
    ]
    assert not echoed, "\n".join(echoed)
