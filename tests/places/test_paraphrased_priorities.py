"""Priorities read from paraphrases written apart from the keyword lists (tests/data/paraphrases.yml).

Read as the bot reads them: keywords and the words around them, then the project's e5 encoder for
clauses with no known word.
"""

from __future__ import annotations

import pytest

from places.reading import read_priorities
from retrieval.encoders import Encoder, get_encoder
from tests.paraphrases import priority_cases, priority_problems


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return get_encoder("e5-small")


@pytest.mark.parametrize("case", priority_cases(), ids=lambda c: c.id)
def test_priority_paraphrase_is_read_the_way_it_is_meant(case, encoder: Encoder) -> None:
    read = read_priorities(case.text, encoder)
    assert priority_problems(case, read.weights, read.opposite, read.conflicts) == []
