"""Format checks for the short-message language evaluation set (issue 12, point 4).

The set is only a fair measure if every message is short, each message has one
expected answer, and the held-out part is large enough to report on.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

SET = Path(__file__).resolve().parents[2] / "data" / "eval" / "language" / "short-messages.yml"
SPLITS = {"dev", "heldout"}
MIN_PER_LANGUAGE = 200
MIN_AMBIGUOUS = 40
MIN_NOT_A_SWITCH = 20


@pytest.fixture(scope="module")
def data() -> dict:
    with SET.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _texts(data: dict) -> dict[str, list[str]]:
    """Every list's texts, whatever the shape of its entries."""
    return {
        "en": [e["text"] for e in data["en"]],
        "fr": [e["text"] for e in data["fr"]],
        "ambiguous": list(data["ambiguous"]),
        "not_a_switch": [e["text"] for e in data["not_a_switch"]],
    }


def test_has_exactly_the_four_lists(data):
    assert set(data) == {"en", "fr", "ambiguous", "not_a_switch"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_language_lists_are_large_enough_and_short(data, lang):
    entries = data[lang]
    assert len(entries) >= MIN_PER_LANGUAGE, f"{lang}: {len(entries)} messages, need {MIN_PER_LANGUAGE}"
    for entry in entries:
        assert set(entry) == {"text", "split"}, f"{lang}: {entry!r} must have exactly text and split"
        words = entry["text"].split()
        assert 1 <= len(words) <= 4, f"{lang}: {entry['text']!r} has {len(words)} words, not 1 to 4"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_splits_are_valid_and_about_a_third_heldout(data, lang):
    splits = Counter(entry["split"] for entry in data[lang])
    assert set(splits) <= SPLITS, f"{lang}: unknown splits {set(splits) - SPLITS}"
    share = splits["heldout"] / sum(splits.values())
    assert 0.25 <= share <= 0.40, f"{lang}: heldout share {share:.2f}, expected about 1/3"


def test_ambiguous_messages_are_short_strings(data):
    assert len(data["ambiguous"]) >= MIN_AMBIGUOUS
    for text in data["ambiguous"]:
        assert isinstance(text, str), f"ambiguous: {text!r} must be a quoted string (YAML reads 911 or yes otherwise)"
        assert 1 <= len(text.split()) <= 4, f"ambiguous: {text!r} is not 1 to 4 words"


def test_not_a_switch_messages_are_in_other_languages(data):
    entries = data["not_a_switch"]
    assert len(entries) >= MIN_NOT_A_SWITCH
    for entry in entries:
        assert set(entry) == {"text", "lang"}, f"not_a_switch: {entry!r} must have exactly text and lang"
        assert re.fullmatch(r"[a-z]{2,3}", entry["lang"]), f"not_a_switch: {entry!r}: lang is not an ISO 639 code"
        assert entry["lang"] not in {"en", "fr"}, f"not_a_switch: {entry!r} is English or French"


def test_every_text_is_a_clean_string(data):
    for name, texts in _texts(data).items():
        for text in texts:
            assert isinstance(text, str) and text, f"{name}: {text!r} is not a non-empty string"
            assert text == text.strip(), f"{name}: {text!r} has surrounding spaces"


def test_no_message_appears_twice(data):
    texts = _texts(data)
    every = [t for ts in texts.values() for t in ts]
    repeated = [t for t, n in Counter(every).items() if n > 1]
    assert not repeated, f"repeated messages: {repeated}"
    # Case variants may sit in one list ("merci", "MERCI"), never in two:
    # one message cannot expect two answers.
    owner: dict[str, str] = {}
    for name, ts in texts.items():
        for text in ts:
            key = " ".join(text.casefold().split())
            assert owner.setdefault(key, name) == name, f"{text!r} is in both {owner[key]} and {name}"


def test_no_personal_identifiers(data):
    # Short numbers ("911", "$500") are fine; long digit runs and e-mail
    # addresses would look like an identifier, phone number or account.
    for name, texts in _texts(data).items():
        for text in texts:
            assert not re.search(r"\d{5,}", text.replace(" ", "")), f"{name}: {text!r} looks like an identifier"
            assert "@" not in text, f"{name}: {text!r} looks like an e-mail address"
