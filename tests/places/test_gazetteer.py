"""Places named in messages: found, and left out of the search where the region already says them."""

from __future__ import annotations

import pytest

from places.gazetteer import Gazetteer
from retrieval.settings import ROOT

GAZETTEER = Gazetteer(ROOT / "data" / "places" / "gazetteer.yml")


def test_places_are_found_in_order_with_misspellings_and_without_accents():
    assert [p.id for p in GAZETTEER.find("moving from torronto to Hamilton")] == ["toronto", "hamilton"]


@pytest.mark.parametrize(
    "message, region, expected",
    [
        ("comment inscrire mon enfant à l'école à Toronto", "ON-toronto", "comment inscrire mon enfant à l'école à"),
        ("laid off at the plant in hamilton, what now", "ON-hamilton", "laid off at the plant in , what now"),
        # Another city than the person's own is part of the question.
        ("how do I get to Toronto from Hamilton", "ON-hamilton", "how do I get to Toronto from"),
        # A province is never removed ("Ontario Works" is a program), nor a message that is only a place.
        ("Ontario Works in Ontario", "ON", "Ontario Works in Ontario"),
        ("Toronto?", "ON-toronto", "Toronto?"),
    ],
)
def test_the_persons_own_city_is_left_out_of_the_search(message, region, expected):
    assert GAZETTEER.without(message, region) == expected
