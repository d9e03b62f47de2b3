"""The normaliser between content and every channel: whole sentences, lists as lists, figures as written."""

from __future__ import annotations

import pytest

from retrieval.text import clean_inline, render, split_sentences, units

BODY = """## What it is

Canadian citizenship is granted by the Government of Canada. To apply as an
adult, most people must:

- be a permanent resident;
- have been physically in Canada for at least 1,095 days (three years) in the
  five years before they apply;
- have filed income taxes, if they had to.

This is not the same rule as the 730 days for **permanent resident** status.

## How to apply

Use the [Physical Presence Calculator](https://www.canada.ca/x). Apply online.
"""


def test_hard_wrapped_lines_become_one_sentence():
    found = units(BODY)
    assert found[1].text == "To apply as an adult, most people must:"
    assert "\n" not in "".join(u.text for u in found)


def test_list_items_remember_their_lead_in():
    found = units(BODY)
    items = [u for u in found if u.kind == "item"]
    assert len(items) == 3
    assert {u.lead for u in items} == {1}
    assert items[1].text.startswith("have been physically in Canada for at least 1,095 days (three years) in the five")


def test_markdown_is_removed_and_words_kept():
    found = units(BODY)
    assert found[5].text == "This is not the same rule as the 730 days for permanent resident status."
    assert found[6].text == "Use the Physical Presence Calculator."
    assert found[6].heading == "How to apply"


def test_render_keeps_a_list_as_a_list_under_its_lead_in():
    found = units(BODY)
    text = render([found[1], found[3]])
    assert text == (
        "To apply as an adult, most people must:\n"
        "- have been physically in Canada for at least 1,095 days (three years) in the five years before they apply"
    )


def test_render_never_ends_on_a_colon():
    found = units(BODY)
    assert render([found[0], found[1]]) == "Canadian citizenship is granted by the Government of Canada."
    assert not render([found[1]]).endswith(":")


def test_render_joins_sentences_of_one_paragraph_and_separates_paragraphs():
    found = units(BODY)
    assert render([found[6], found[7]]) == "Use the Physical Presence Calculator. Apply online."
    assert render([found[5], found[6]]).count("\n\n") == 1


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Call 1-800-622-6232 (TTY 1-800-926-9105). It is free.", 2),
        ("Open Mon. to Fri., 8:30 a.m. to 4:30 p.m. Closed on holidays.", 2),
        ("Fees are $1.50 per page, e.g. for copies. Pay at St. Catharines office.", 2),
        ("Le délai est de 3 mois, p. ex. pour la carte. Ensuite, M. Tremblay signe.", 2),
    ],
)
def test_sentences_split_at_real_ends_only(paragraph, expected):
    assert len(split_sentences(paragraph)) == expected


def test_clean_inline_keeps_figures_exactly():
    assert clean_inline("**1 095 jours** et 25 $  par mois") == "1 095 jours et 25 $ par mois"
