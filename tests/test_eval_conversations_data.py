"""Format checks for the multi-turn evaluation conversations (issue 13, point 7).

data/eval/conversations/{en,fr}.yml hold conversations written independently of
the training data. These tests keep them well-formed and fair: every expectation
that is not marked as a content gap can be met by a reply drawn from the
project's own content, in the turn's language.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONV_DIR = ROOT / "data" / "eval" / "conversations"
LANGS = ("en", "fr")
LEVELS = {"federal", "provincial", "municipal", "community"}
SPLITS = {"dev", "heldout"}
TURN_KEYS = {"user", "expect"}
EXPECT_KEYS = {"language", "any_of", "level", "topic", "not", "buttons", "gap", "gap_note"}
CLICK = re.compile(r"^click:\s*(?P<words>\S.*)$")
MIN_PER_LANGUAGE = 30
URLISH = r"(https?://)?[\w.-]+\.(ca|com|org|net)\b\S*"


def _load(lang: str) -> list[dict]:
    data = yaml.safe_load((CONV_DIR / f"{lang}.yml").read_text(encoding="utf-8"))
    return data["conversations"]


def _topics() -> set[str]:
    taxonomy = yaml.safe_load((ROOT / "data" / "taxonomy.yml").read_text(encoding="utf-8"))
    return set(taxonomy["topics"])


def _strings(node, lang: str | None, out: dict[str, list[str]]) -> None:
    """Collect YAML strings by language: values under an `en`/`fr` key belong to
    that language; other scalars (phones, URLs, numbers) to both."""
    if isinstance(node, dict):
        for key, value in node.items():
            _strings(value, key if key in LANGS else lang, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, lang, out)
    elif node is not None and not isinstance(node, bool):
        for target in (lang,) if lang else LANGS:
            out[target].append(str(node))


def _place_strings(node, lang: str | None, out: dict[str, list[str]]) -> None:
    """From place profiles keep names (per language) and figures, not the
    English notes and source titles."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LANGS:
                _place_strings(value, key, out)
            elif key in ("name", "value"):
                _strings(value, lang, out)
            elif key not in ("source", "note", "statcan_name"):
                _place_strings(value, lang, out)
    elif isinstance(node, list):
        for value in node:
            _place_strings(value, lang, out)


def _texts() -> dict[str, str]:
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        for path in sorted((ROOT / "data" / "content").rglob(f"*.{lang}.md")):
            out[lang].append(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "data" / "services").rglob("*.yml")):
        _strings(yaml.safe_load(path.read_text(encoding="utf-8")), None, out)
    for path in sorted((ROOT / "data" / "places").rglob("*.yml")):
        _place_strings(yaml.safe_load(path.read_text(encoding="utf-8")), None, out)
    return {lang: "\n".join(texts) for lang, texts in out.items()}


@pytest.fixture(scope="module")
def raw_corpus() -> dict[str, str]:
    """The text a correct reply can draw from, per language, as written."""
    return _texts()


@pytest.fixture(scope="module")
def corpus(raw_corpus) -> dict[str, str]:
    return {lang: text.lower() for lang, text in raw_corpus.items()}


@pytest.fixture(scope="module", params=LANGS)
def conversations(request) -> tuple[str, list[dict]]:
    return request.param, _load(request.param)


def test_enough_conversations_per_language(conversations):
    lang, convs = conversations
    assert len(convs) >= MIN_PER_LANGUAGE, f"{lang}: only {len(convs)} conversations"


def test_ids_are_unique_across_languages():
    ids = [c["id"] for lang in LANGS for c in _load(lang)]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates


def test_conversation_fields(conversations):
    lang, convs = conversations
    for conv in convs:
        assert set(conv) == {"id", "persona", "split", "turns"}, conv.get("id")
        assert conv["id"].startswith(f"{lang}-"), conv["id"]
        assert re.fullmatch(r"[a-z0-9-]+", conv["id"]), conv["id"]
        assert isinstance(conv["persona"], str) and len(conv["persona"]) > 10, conv["id"]
        assert conv["split"] in SPLITS, conv["id"]
        assert 3 <= len(conv["turns"]) <= 8, f"{conv['id']}: {len(conv['turns'])} turns"


def test_splits_are_about_two_thirds_dev(conversations):
    lang, convs = conversations
    dev = sum(c["split"] == "dev" for c in convs) / len(convs)
    assert 0.55 <= dev <= 0.75, f"{lang}: dev share {dev:.2f}"


def test_turn_expectations_are_well_formed(conversations):
    _lang, convs = conversations
    topics = _topics()
    for conv in convs:
        for n, turn in enumerate(conv["turns"], 1):
            where = f"{conv['id']} turn {n}"
            assert set(turn) == TURN_KEYS, where
            assert isinstance(turn["user"], str) and turn["user"].strip(), where
            expect = turn["expect"]
            assert set(expect) <= EXPECT_KEYS, f"{where}: {set(expect) - EXPECT_KEYS}"
            assert expect.get("language") in LANGS, where
            any_of = expect.get("any_of")
            assert isinstance(any_of, list) and any_of, where
            assert all(isinstance(s, str) and s.strip() for s in any_of), where
            if "level" in expect:
                assert expect["level"] in LEVELS, where
            if "topic" in expect:
                assert expect["topic"] in topics, f"{where}: unknown topic {expect['topic']}"
            for key in ("not", "buttons"):
                if key in expect:
                    assert isinstance(expect[key], list) and expect[key], where
            if expect.get("not"):
                clash = {s.lower() for s in any_of} & {s.lower() for s in expect["not"]}
                assert not clash, f"{where}: {clash} both expected and forbidden"
            if "gap" in expect:
                assert expect["gap"] is True and expect.get("gap_note"), where
            else:
                assert "gap_note" not in expect, where


def test_clicks_name_a_button_the_previous_turn_requires(conversations):
    _lang, convs = conversations
    for conv in convs:
        previous = None
        for n, turn in enumerate(conv["turns"], 1):
            match = CLICK.match(turn["user"])
            if match:
                assert previous is not None, f"{conv['id']} turn {n}: a click cannot open"
                buttons = [b.lower() for b in previous["expect"].get("buttons", [])]
                assert match["words"].strip().lower() in buttons, f"{conv['id']} turn {n}"
            previous = turn


def test_every_non_gap_expectation_is_in_the_content(conversations, corpus):
    _lang, convs = conversations
    missing = []
    for conv in convs:
        for n, turn in enumerate(conv["turns"], 1):
            expect = turn["expect"]
            if expect.get("gap"):
                continue
            text = corpus[expect["language"]]
            if not any(s.lower() in text for s in expect["any_of"]):
                missing.append(f"{conv['id']} turn {n}: {expect['any_of']}")
    assert not missing, "\n".join(missing)


def test_short_acronyms_are_not_parts_of_common_words(conversations, raw_corpus):
    """An acronym ("SIN", "OCT", "EI") that also occurs inside common lower-case
    words of the content ("business", "doctor", "their") would be met by almost
    any reply. Names that contain it ("Wellesley") and web addresses are fine."""
    _lang, convs = conversations
    common_words = {
        code: {w for w in re.findall(r"[^\W\d_]+", re.sub(URLISH, " ", text)) if w.islower()}
        for code, text in raw_corpus.items()
    }
    weak = []
    for conv in convs:
        for n, turn in enumerate(conv["turns"], 1):
            words = common_words[turn["expect"]["language"]]
            for s in turn["expect"]["any_of"]:
                if len(s) <= 4 and s.isalpha() and s.isupper():
                    a = s.lower()
                    inside = sorted(w for w in words if a in w and w not in (a, a + "s"))
                    if inside:
                        weak.append(f"{conv['id']} turn {n}: {s!r} in {inside[:3]}")
    assert not weak, "\n".join(weak)


def test_the_corpus_keeps_languages_apart(corpus):
    """A French expectation cannot be met by English content, and back."""
    assert "who can get it" in corpus["en"]
    assert "who can get it" not in corpus["fr"]
    assert "commission de la location immobilière" in corpus["fr"]
    assert "zzz-no-such-service" not in corpus["en"]


def test_both_languages_cover_the_issue_personas():
    """The personas issue 13 names each appear in both languages."""
    needed = {
        "nurse": ("nurse", "infirmi"),
        "refugee family": ("refugee", "asile"),
        "student spouse": ("spouse", "conjoint"),
        "francophone city choice": ("moncton", "moncton"),
        "sponsored parent": ("sponsored", "parrain"),
        "laid-off Hamilton": ("hamilton", "hamilton"),
        "tenant Windsor": ("windsor", "windsor"),
    }
    for lang, idx in (("en", 0), ("fr", 1)):
        personas = " ".join(c["persona"].lower() for c in _load(lang))
        absent = [name for name, words in needed.items() if words[idx] not in personas]
        assert not absent, f"{lang}: {absent}"
