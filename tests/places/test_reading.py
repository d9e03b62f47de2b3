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
    each known clause the axis of the end it means (or a mix of axes, {key: weight}); anything else points
    nowhere near. The texts it was asked to encode are kept in `seen`."""

    name, dim = "stub", 64

    def __init__(self, clauses: dict[str, tuple[str, str] | dict[tuple[str, str], float]]):
        from places.meaning import _descriptions

        self.axes = {key: n for n, key in enumerate(dict.fromkeys(key for key, _ in _descriptions()))}
        self.description = {text: key for key, text in _descriptions()}
        self.clauses = clauses
        self.seen: list[str] = []

    def encode_queries(self, texts):
        import numpy as np

        self.seen += texts
        vectors = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            meant = self.description.get(text) or self.clauses.get(text)
            for key, weight in meant.items() if isinstance(meant, dict) else [(meant, 1.0)] if meant else []:
                vectors[row, self.axes[key]] = weight
            if not meant:
                vectors[row, self.dim - 1] = 1.0
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


def test_the_speaker_and_their_leaning_are_set_aside_before_the_encoder_reads_a_clause():
    stub = MeaningStub({"noisy streets": ("population", "high"), "des bouchons": ("population", "high")})
    read = read_priorities("I'm not into noisy streets", stub)
    assert read.weights == {"population": 1.0} and read.opposite == frozenset({"population"})
    read = read_priorities("je suis tanné des bouchons", stub)
    assert read.weights == {"population": 1.0} and read.opposite == frozenset({"population"})
    assert "noisy streets" in stub.seen and "des bouchons" in stub.seen


def test_a_negated_auxiliary_goes_whole_and_its_negation_still_turns_the_end():
    stub = MeaningStub(
        {"where flats cost plenty": ("rent_2br", "low"), "winters that drag on": ("january_mean_temp", "low")}
    )
    # Read at all only because the encoder was given "where flats cost plenty", not "where flats do cost plenty".
    assert read_priorities("where flats don't cost plenty", stub).weights == {"rent_2br": 1.0}
    assert stub.seen[-1] == "where flats cost plenty"
    read = read_priorities("cheap rent, winters that don't drag on", stub)
    assert read.weights == {"rent_2br": 1.0, "january_mean_temp": 1.0} and read.opposite == frozenset()


def test_one_word_left_after_the_leaning_words_is_read_but_a_one_word_message_is_not():
    stub = MeaningStub({"blizzards": ("annual_snowfall", "high")})
    read = read_priorities("I hate blizzards", stub)
    assert read.weights == {"annual_snowfall": 1.0} and read.opposite == frozenset()  # less snow: the usual end
    assert read_priorities("blizzards", stub).weights == {}


def test_a_clause_nearer_a_message_that_asks_nothing_is_not_read():
    nothing = ("-", "any")
    stub = MeaningStub(
        {
            "lovely parks": {("population", "low"): 0.6, nothing: 0.8},
            "big backyards": {("population", "low"): 0.8, nothing: 0.6},
        }
    )
    assert read_priorities("cheap rent, lovely parks", stub).weights == {"rent_2br": 1.0}
    assert read_priorities("cheap rent, big backyards", stub).weights == {"rent_2br": 1.0, "population": 1.0}


def test_the_lead_over_nothing_asked_is_measured_and_the_margin_decides():
    from places.meaning import PriorityMeaning

    nothing = ("-", "any")
    stub = MeaningStub({"leafy streets": {("population", "low"): 0.9, nothing: 0.85}})
    (near,) = PriorityMeaning(stub).nearest(["leafy streets"])
    assert (near.indicator, near.end) == ("population", "low") and abs(near.margin - 0.05) < 1e-6
    assert PriorityMeaning(stub, margin=0.04).read(["leafy streets"]) == [near]
    assert PriorityMeaning(stub, margin=0.06).read(["leafy streets"]) == [None]


def test_when_both_ends_are_as_near_the_leaning_words_choose_the_end():
    both = {("annual_snowfall", "high"): 0.7, ("annual_snowfall", "low"): 0.7}
    stub = MeaningStub({"whiteouts": both, "les poudreries": both})
    assert read_priorities("I hate whiteouts", stub).opposite == frozenset()  # less snow
    assert read_priorities("I love whiteouts", stub).opposite == frozenset({"annual_snowfall"})  # more snow
    assert read_priorities("j'adore les poudreries", stub).opposite == frozenset({"annual_snowfall"})
    # One end clearly nearer: the encoder's end stands, turned over by the clause's own leaning.
    stub = MeaningStub({"deep snowbanks please": {("annual_snowfall", "high"): 0.9, ("annual_snowfall", "low"): 0.7}})
    assert read_priorities("deep snowbanks please", stub).opposite == frozenset({"annual_snowfall"})
    assert read_priorities("no deep snowbanks please", stub).opposite == frozenset()


def test_spoken_canadian_french_is_read_as_its_standard_word():
    # Without the encoder: "frette" is "froid" for the words' reading.
    read = read_priorities("j'haïs le frette")
    assert read.weights == {"january_mean_temp": 1.0} and read.opposite == frozenset()
    assert read_priorities("j'adore quand il fait frette").opposite == frozenset({"january_mean_temp"})
    assert read_priorities("des hivers frettes").opposite == frozenset({"january_mean_temp"})  # the plural too


def test_a_spoken_phrase_with_two_meanings_is_read_both_ways_and_the_surer_kept():
    stub = MeaningStub({"des gens d'ailleurs": ("immigrant_share", "high")})
    read = read_priorities("du monde d'ailleurs", stub)
    assert read.weights == {"immigrant_share": 1.0}
    assert {"du monde d'ailleurs", "des gens d'ailleurs"} <= set(stub.seen)
    # A clause without the phrase is encoded once, as typed.
    stub = MeaningStub({})
    read_priorities("cheap rent, lovely parks", stub)
    assert stub.seen[-1:] == ["lovely parks"]
