"""The normaliser between content and every channel: whole sentences, lists as lists, figures as written."""

from __future__ import annotations

import pytest

from retrieval.text import clean_inline, clean_text, first_sentences, render, split_sentences, units

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


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ('See [the form](https://x.ca/f "Form") now', "See the form now"),
        ("Go to <https://www.ontario.ca/page>.", "Go to https://www.ontario.ca/page."),
        ("Press <b>Apply</b> then <br/>wait", "Press Apply then wait"),
        ("Type `IMM 5257` in the box", "Type IMM 5257 in the box"),
        ("**Bold**, __also bold__ and *italic* stay words", "Bold, also bold and italic stay words"),
        ("2 * 3 * 4 is not emphasis", "2 * 3 * 4 is not emphasis"),
        ("line one\\\nline two", "line one line two"),
        ("a\\_b", "a_b"),
        ("  spaces\u00a0and\u202fnarrow\tspaces  ", "spaces and narrow spaces"),
    ],
)
def test_clean_inline_removes_markdown_and_html_but_not_words(markdown, plain):
    assert clean_inline(markdown) == plain


def test_sentences_are_cut_at_each_end_and_keep_their_punctuation():
    assert split_sentences("First one. Second one! Third one? «Quoted» fourth.") == [
        "First one.",
        "Second one!",
        "Third one?",
        "«Quoted» fourth.",
    ]
    assert split_sentences("Ask Dr. Smith. Then J. Doe signs. Done.") == [
        "Ask Dr. Smith.",
        "Then J. Doe signs.",
        "Done.",
    ]
    assert split_sentences("") == []


def test_a_list_after_a_sentence_that_does_not_introduce_it_has_no_lead_in():
    found = units("A plain sentence.\n\n- one\n- two\n")
    assert [(u.kind, u.lead, u.block) for u in found] == [("sentence", None, 0), ("item", None, 1), ("item", None, 1)]


def test_a_list_under_a_new_heading_is_not_led_in_by_the_last_sentence_of_the_section_before():
    found = units("Intro:\n\n# Heading\n\n- one\n")
    assert found[1].heading == "Heading" and found[1].lead is None


def test_lists_numbered_or_bulleted_any_way_and_wrapped_items():
    found = units("You need:\n\n1. one\n2) two\n   continued\n* three\n+ four\n• five\n")
    assert [u.text for u in found if u.kind == "item"] == ["one", "two continued", "three", "four", "five"]
    assert {u.lead for u in found if u.kind == "item"} == {0}


def test_a_blank_line_between_list_items_keeps_one_list_and_a_paragraph_after_it_is_new():
    found = units("Bring:\n\n- one\n\n- two\nAfter the list.\n")
    assert [(u.kind, u.block) for u in found] == [("sentence", 0), ("item", 1), ("item", 1), ("sentence", 2)]


def test_headings_of_any_level_name_the_section_of_what_follows():
    found = units("# Top #\n\nOne.\n\n### **Deeper**\n\nTwo.\n")
    assert [(u.heading, u.text, u.position) for u in found] == [("Top", "One.", 0), ("Deeper", "Two.", 1)]


def test_a_list_item_is_said_without_its_separators():
    found = units("You need:\n\n- a passport;\n- a lease; and\n- a bill,\n")
    assert render(found) == "You need:\n- a passport\n- a lease\n- a bill"


def test_items_of_two_lists_are_separated_like_paragraphs():
    found = units("First:\n\n- a\n\nSecond:\n\n- b\n")
    assert render([found[1], found[3]]) == "- a\n\n- b"
    assert render([found[0], found[1], found[2], found[3]]) == "First:\n- a\n\nSecond:\n- b"


def test_a_reply_ends_on_a_whole_sentence():
    found = units("Say this:\n\nThen the end,\n")
    assert render(found) == "Then the end."
    assert render(units("It costs $5;\n")) == "It costs $5."
    assert render(units("- is it free?:\n")) == "- is it free?"
    # A lead-in whose items are not said is left out.
    assert render(units("You need:\n")) == ""
    assert render([]) == ""


def test_clean_text_is_every_unit_in_order():
    assert clean_text("# H\n\nOne. Two.\n\nList:\n\n- a\n") == "One. Two.\n\nList:\n- a"


def test_first_sentences_stop_before_the_word_limit():
    text = "One two three. Four five six. Seven eight nine."
    assert first_sentences(text, 6) == "One two three. Four five six."
    assert first_sentences(text, 7) == "One two three. Four five six."
    assert first_sentences(text, 9) == text
    # A first sentence longer than the limit is cut by words and marked.
    assert first_sentences("one two three four five.", 3, more="…") == "one two three…"
    assert first_sentences("one two three four five.", 3) == "one two three"
