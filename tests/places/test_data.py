"""The place figures themselves: enough places, enough sourced figures each, and broken files told apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from places.compare import applies
from places.data import PlacesError, load_places
from places.indicators import INDICATORS

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_places(ROOT / "data" / "places")


def test_at_least_45_places_each_with_10_sourced_figures():
    assert len(BOOK.places) >= 45
    short = {}
    for place in BOOK.places.values():
        for key, figure in place.indicators.items():
            assert figure.source.url.startswith("https://") and figure.year, f"{place.id}.{key}"
        applicable = [k for k in INDICATORS if applies(place, k)]
        if len([k for k in applicable if k in place.indicators]) < 10:
            short[place.id] = len(place.indicators)
    assert short == {}


def test_broken_place_files_are_named_with_what_is_wrong(tmp_path):
    (tmp_path / "ON").mkdir()
    (tmp_path / "ON" / "good.yml").write_text(
        "id: good\nname: {en: Good, fr: Bon}\nprovince: 'ON'\nkind: CMA\n", encoding="utf-8"
    )
    (tmp_path / "ON" / "bad.yml").write_text(
        "id: bad\nname: {en: Bad, fr: Mauvais}\nprovince: 'ON'\nkind: CMA\n"
        "indicators:\n  sunshine: {value: 1, year: 2021, source: {title: Sun, url: 'https://example.org'}}\n",
        encoding="utf-8",
    )
    (tmp_path / "ON" / "binary.yml").write_bytes(b"\xff\xfe\x00id: \x00")
    with pytest.raises(PlacesError) as error:
        load_places(tmp_path)
    problems = "\n".join(error.value.problems)
    assert "bad.yml: indicators: Value error, unknown indicator(s) ['sunshine']" in problems
    assert "binary.yml: cannot be read as UTF-8 YAML" in problems
    assert "good.yml" not in problems
