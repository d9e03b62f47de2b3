"""Everyday words are searched with the content's words for them (retrieval/colloquial.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.colloquial import spoken_french, with_standard_words
from retrieval.folding import fold
from retrieval.settings import ROOT
from retrieval.yamlio import load_yaml

LEXICON = ROOT / "data" / "lexicon" / "colloquial.yml"


@pytest.fixture
def lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "colloquial.yml"
    path.write_text(
        "spoken_fr:\n  frette: froid\nfr:\n  proprio: propriétaire\n  mettre dehors: expulser\n"
        "en:\n  pogey: employment insurance\n"
    )
    return path


def test_an_everyday_word_adds_the_content_word(lexicon):
    assert with_standard_words("mon Proprio veut me mettre dehors", "fr", lexicon) == (
        "mon Proprio veut me mettre dehors propriétaire expulser"
    )


def test_words_of_the_other_language_and_parts_of_words_add_nothing(lexicon):
    assert with_standard_words("can I get pogey", "fr", lexicon) == "can I get pogey"
    assert with_standard_words("les proprios du coin", "fr", lexicon) == "les proprios du coin"
    assert with_standard_words("appropriation", "fr", lexicon) == "appropriation"


def test_a_question_already_using_the_content_word_is_unchanged(lexicon):
    assert with_standard_words("mon proprio, le propriétaire, veut partir", "fr", lexicon) == (
        "mon proprio, le propriétaire, veut partir"
    )


def test_the_projects_lexicon_is_written_as_messages_are_matched():
    raw = load_yaml(LEXICON.read_text(encoding="utf-8"))
    assert set(raw) == {"en", "fr", "spoken_fr"}
    for words in raw.values():
        for key, standard in words.items():
            assert key == fold(key).strip(), f"{key!r}: keys are lower case, without accents"
            assert standard and fold(standard) != key, f"{key!r} adds nothing"


def test_spoken_french_is_written_the_standard_way_and_searched_with_it(lexicon):
    assert spoken_french(lexicon) == {"frette": "froid"}
    assert with_standard_words("y fait frette", "fr", lexicon) == "y fait frette froid"
    assert with_standard_words("y fait frette", "en", lexicon) == "y fait frette"


def test_spoken_french_holds_no_english_chat_word():
    # The place reader writes these the standard way in any message, English ones too.
    short_words = load_yaml((ROOT / "data" / "lexicon" / "short-words.yml").read_text(encoding="utf-8"))
    assert not set(short_words["en"].split()) & set(spoken_french(LEXICON))
