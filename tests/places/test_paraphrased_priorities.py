"""Priorities read from paraphrases written apart from the keyword lists (tests/data/paraphrases.yml)."""

from __future__ import annotations

import pytest

from places.compare import read_priorities
from tests.paraphrases import priority_cases, priority_problems


@pytest.mark.parametrize("case", priority_cases(), ids=lambda c: c.id)
def test_priority_paraphrase_is_read_the_way_it_is_meant(case) -> None:
    read = read_priorities(case.text)
    assert priority_problems(case, read.weights, read.opposite, read.conflicts) == []
