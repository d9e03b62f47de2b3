"""Priorities read from someone's words (places/reading.py), without the encoder: which indicators, which end
of each, and which were asked both ways."""

from __future__ import annotations

import pytest

from places.reading import read_priorities


@pytest.mark.parametrize(
    ("words", "weights", "opposite"),
    [
        ("cheap rent", {"rent_2br": 1.0}, set()),
        ("not too cold", {"january_mean_temp": 1.0}, set()),  # milder winters: the usual end
        ("I hate the cold", {"january_mean_temp": 1.0}, set()),
        ("the cold doesn't bother me", {"january_mean_temp": 1.0}, {"january_mean_temp"}),  # two turns cancel
        ("I like winter", {"january_mean_temp": 1.0}, {"january_mean_temp"}),
        ("milder winters", {"january_mean_temp": 1.0}, set()),
        ("I love snow", {"annual_snowfall": 1.0}, {"annual_snowfall"}),
        ("no snow please", {"annual_snowfall": 1.0}, set()),
        ("a big city", {"population": 1.0}, set()),
        ("a small town", {"population": 1.0}, {"population"}),
        ("avoid big cities", {"population": 1.0}, {"population"}),
        ("not too small", {"population": 1.0}, set()),
        ("une ville pas trop grande", {"population": 1.0}, {"population"}),
        ("diverse community", {"immigrant_share": 1.0}, set()),
        ("loyer pas cher, mais pas trop froid", {"rent_2br": 1.0, "january_mean_temp": 1.0}, set()),
    ],
)
def test_the_indicator_and_the_end_asked_for(words, weights, opposite):
    read = read_priorities(words)
    assert read.weights == weights
    assert read.opposite == frozenset(opposite)
    assert read.conflicts == ()


def test_french_brings_the_designated_areas_in_at_half_weight():
    assert read_priorities("French").weights == {"french_speakers_share": 1.0, "fls_designated": 0.5}
    # "a francophone community" is about French, not about diversity: the weak word gives way.
    assert read_priorities("a francophone community").weights == {"french_speakers_share": 1.0, "fls_designated": 0.5}


def test_both_ends_of_one_indicator_are_a_conflict_never_a_guess():
    read = read_priorities("warm winters, I love the cold")
    assert read.conflicts == ("january_mean_temp",)
    assert "january_mean_temp" not in read.opposite


@pytest.mark.parametrize("words", ["", "somewhere quiet", "hello there"])
def test_words_that_name_no_indicator_read_nothing_without_the_encoder(words):
    read = read_priorities(words)
    assert read.weights == {} and read.opposite == frozenset() and read.conflicts == ()


def test_typographic_apostrophes_read_like_plain_ones():
    assert read_priorities("the cold doesn’t bother me").opposite == frozenset({"january_mean_temp"})


@pytest.mark.parametrize(
    ("words", "opposite"),
    [
        # The words just before a mention are its own: a negation for the second never turns the first over.
        ("a big city and no snow", set()),
        ("big city not too cold", set()),
        ("cheap rent and not too cold", set()),
        ("cheap rent and I love snow", {"annual_snowfall"}),
        ("I love snow and cheap rent", {"annual_snowfall"}),
        ("pas de neige et une grande ville", set()),
        ("une grande ville sans trop de neige", set()),  # "sans trop" caps, like "pas trop"
        ("without too much snow", set()),
        ("avoid big cities and snow", {"population"}),
    ],
)
def test_each_mention_keeps_its_own_words(words, opposite):
    assert read_priorities(words).opposite == frozenset(opposite)


class MeaningStub:
    """An encoder that knows what a few clauses mean: each description gets the axis of its (indicator, end),
    each known clause the axis of the end it means; anything else points nowhere near."""

    name, dim = "stub", 64

    def __init__(self, clauses: dict[str, tuple[str, str]]):
        from places.meaning import _descriptions

        self.axes = {key: n for n, key in enumerate(dict.fromkeys(key for key, _ in _descriptions()))}
        self.description = {text: key for key, text in _descriptions()}
        self.clauses = clauses

    def encode_queries(self, texts):
        import numpy as np

        vectors = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            key = self.description.get(text) or self.clauses.get(text)
            vectors[row, self.axes[key] if key else self.dim - 1] = 1.0
        return vectors

    encode_passages = encode_queries


def test_a_clause_with_no_known_word_is_read_by_meaning_unless_its_words_already_said_it():
    stub = MeaningStub(
        {"somewhere quiet": ("population", "low"), "somewhere with lots going on": ("population", "high")}
    )
    read = read_priorities("cheap rent, somewhere quiet", stub)
    assert read.weights == {"rent_2br": 1.0, "population": 1.0}
    assert read.opposite == frozenset({"population"})  # the small end
    # The words' own reading of the population wins over the meaning of another clause.
    assert read_priorities("a big city, somewhere quiet", stub).opposite == frozenset()
    # Not somewhere quiet: the meaning's end is turned over by the clause's negation.
    assert read_priorities("cheap rent, not somewhere with lots going on", stub).opposite == frozenset({"population"})


def test_one_word_clauses_and_unknown_meanings_are_not_read():
    stub = MeaningStub({"quiet": ("population", "low")})
    assert read_priorities("quiet", stub).weights == {}  # a single word is too little to read by meaning
    assert read_priorities("tell me about it", stub).weights == {}
