"""Occupations: the data file, naming an occupation, regulation and outlooks."""

from __future__ import annotations

import pytest

from places.data import load_places
from places.occupations import OccupationBook, OccupationsError, occupation_summary, outlook_for
from retrieval.settings import ROOT


@pytest.fixture(scope="module")
def book() -> OccupationBook:
    return OccupationBook.load(place_ids=set(load_places(ROOT / "data" / "places").places))


def test_the_data_file_is_complete_and_sourced(book):
    assert len(book.occupations) >= 30
    for occupation in book.occupations.values():
        assert occupation.name.en and occupation.name.fr and occupation.sources
        assert all(s.url.startswith("https://") for s in occupation.sources)
        assert "jsessionid" not in " ".join(s.url for s in occupation.sources)
    regulated = [o for o in book.occupations.values() if o.regulated_on]
    assert sum(o.regulator is not None for o in regulated) >= 25
    assert book.get("registered-nurse").regulator.name.fr == "Ordre des infirmières et infirmiers de l'Ontario"
    assert sum(len(o.outlooks) for o in book.occupations.values()) >= 10


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("I'm a nurse", "registered-nurse"),
        ("je suis infirmière", "registered-nurse"),
        ("where should engineers live", "civil-engineer"),
        ("I am a mechanical engineer", "mechanical-engineer"),  # the longest name wins
        ("ingenieur mecanique", "mechanical-engineer"),  # without accents
        ("camionneur", "truck-driver"),
        ("plombiers", "plumber"),  # plural
        ("I work as a software developer", "software-developer"),
        ("cheap rent and French", None),
        ("", None),
    ],
)
def test_find_an_occupation_in_words(book, words, expected):
    found = book.find(words)
    assert (found.id if found else None) == expected


def test_regional_outlook_first_then_ontario_then_none(book):
    psw = book.get("personal-support-worker")
    assert outlook_for(psw, "toronto", "ON").region == "Toronto"
    assert outlook_for(psw, "kingston", "ON").region == "Ontario"
    assert outlook_for(psw, "calgary", "AB") is None


def test_summary_names_the_regulator_in_both_languages(book):
    nurse = book.get("registered-nurse")
    english = occupation_summary(nurse, "en", [("toronto", "Toronto", "ON"), ("calgary", "Calgary", "AB")])
    assert "regulated in Ontario" in english.text and "https://www.cno.org/" in english.text
    assert english.noc_2021 == "31301"
    assert [o.place for o in english.outlooks] == ["toronto", "calgary"]
    assert english.outlooks[1].outlook is None  # no outlook outside Ontario: not invented
    french = occupation_summary(nurse, "fr")
    assert "profession réglementée en Ontario" in french.text and "CNP 2021 : 31301" in french.text


def test_unregulated_occupation_says_what_was_checked(book):
    text = occupation_summary(book.get("cook"), "en").text
    assert "no Ontario licence was found" in text


def test_a_broken_file_names_the_entry_and_field(tmp_path):
    broken = tmp_path / "occupations.yml"
    broken.write_text(
        "occupations:\n"
        "  - id: nurse\n    name: {en: Nurse, fr: Infirmière}\n    regulated_on: maybe\n"
        "    sources: [{title: A source, url: 'http://insecure.example'}]\n"
        "  - id: Bad Id\n    name: {en: X}\n",
        encoding="utf-8",
    )
    with pytest.raises(OccupationsError) as raised:
        OccupationBook.load(broken)
    problems = "\n".join(raised.value.problems)
    assert "entry 1 (nurse): regulated_on" in problems
    assert "sources.0.url" in problems
    assert "entry 2 (Bad Id): id" in problems and "name.fr" in problems


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(OccupationsError, match="cannot be read"):
        OccupationBook.load(tmp_path / "missing.yml")
    (tmp_path / "list.yml").write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(OccupationsError, match="a list under 'occupations'"):
        OccupationBook.load(tmp_path / "list.yml")
