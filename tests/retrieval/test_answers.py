"""The answer composer says the fact asked for, from the found items, in whole sentences."""

from __future__ import annotations

import pytest

from retrieval.answers import answer_from_index, question_cues, unit_cues
from retrieval.search import SearchFilters


def compose(index, question: str, language: str = "en"):
    result = index.search(question, language, SearchFilters(), k=3)
    return answer_from_index(index, question, result.hits, result.language)


@pytest.mark.parametrize(
    "question, fact",
    [
        ("how many questions do i have to get right on the citizenship test", "15"),
        ("is there a waiting period for ohip when i move to ontario", "no longer has a waiting period"),
        ("how many days do i need to stay in ontario to keep my health card", "153"),
        ("until what age do i have to take the citizenship test", "54"),
    ],
)
def test_the_reply_states_the_fact_asked(sample_index, question, fact):
    answer = compose(sample_index, question)
    assert answer is not None
    assert fact in answer.text


def test_replies_are_whole_sentences_without_markdown_or_hard_wraps(sample_index):
    for question in (
        "how do i prepare for the citizenship test",
        "what documents do i bring to get a health card",
        "comment se préparer à l'examen de citoyenneté",
    ):
        language = "fr" if "comment" in question else "en"
        text = compose(sample_index, question, language).text
        assert not text.rstrip().endswith((":", ";", ","))
        assert "**" not in text and "](" not in text
        for line in text.splitlines():
            assert not line or line.startswith("- ") or line[0].isupper() or line[0].isdigit()


def test_a_list_that_answers_stays_a_list_under_its_lead_in(sample_index):
    text = compose(sample_index, "which immigration status do i need to be eligible for ohip").text
    lines = text.splitlines()
    items = [line for line in lines if line.startswith("- ")]
    assert len(items) >= 2
    lead = lines[lines.index(items[0]) - 1]
    assert lead.endswith(":")


def test_french_questions_get_french_sentences(sample_index):
    answer = compose(sample_index, "combien de bonnes reponses faut il pour reussir l'examen de citoyennete", "fr")
    assert answer.hits[0].language == "fr"
    assert "15" in answer.text


def test_a_reply_stays_within_the_word_budget(sample_index):
    answer = compose(sample_index, "tell me about the citizenship test")
    assert len(answer.text.split()) <= sample_index.answers.settings.max_words


@pytest.mark.parametrize(
    "question, cue",
    [
        ("how much does it cost", "money"),
        ("c'est combien les frais", "money"),
        ("what number do i call", "phone"),
        ("combien de temps pour avoir la carte", "duration"),
        ("how old do i need to be", "age"),
    ],
)
def test_question_cues(question, cue):
    assert cue in question_cues(question)


def test_unit_cues():
    assert {"money", "count"} <= unit_cues("The fee is $25.")
    assert "phone" in unit_cues("Call 1-800-622-6232 for help.")
    assert "phone" in unit_cues("Call 211 any time.")
    assert "duration" in unit_cues("Coverage starts after 3 months.")
    assert "duration" in unit_cues("Il faut 1 095 jours.")
    assert unit_cues("Bring your passport.") == set()


def test_a_follow_up_does_not_repeat_what_the_previous_reply_said(sample_index):
    hits = sample_index.search("is it free to get a SIN", "en", SearchFilters(), k=3).hits
    alone = answer_from_index(sample_index, "is it free to get a SIN", hits, "en")
    said = "Service Canada gives out SINs."
    assert said in alone.text  # without the previous reply, the opening comes back
    follow = answer_from_index(sample_index, "is it free to get a SIN", hits, "en", said=said)
    assert said not in follow.text and "free" in follow.text


def test_when_everything_was_said_only_what_answers_best_is_said_again(sample_index):
    hits = sample_index.search("is it free to get a SIN", "en", SearchFilters(), k=3).hits
    alone = answer_from_index(sample_index, "is it free to get a SIN", hits, "en")
    again = answer_from_index(sample_index, "is it free to get a SIN", hits, "en", said=alone.text)
    assert again.text == "It is free: there is no fee to apply."
    assert again.text in alone.text and again.text != alone.text
