"""Follow-ups read in context, misuse refused, own-case template only for one's own file."""

from __future__ import annotations

import pytest

from bot.actions.answer import is_follow_up
from bot.actions.handoff import is_own_case
from bot.actions.safety import safety_reply, unsafe_kind


@pytest.mark.parametrize(
    "message",
    ["how much?", "phone number?", "where is the nearest office?", "et pour ma femme?", "c'est combien?",
     "and in French?", "what about for my wife?", "le numéro?"],
)  # fmt: skip
def test_follow_ups(message):
    assert is_follow_up(message)


@pytest.mark.parametrize(
    "message",
    ["how do I apply for a health card in Ontario", "what is Express Entry", "comment obtenir un NAS",
     "I need help finding an apartment for my family of five in Toronto"],
)  # fmt: skip
def test_questions_with_their_own_topic_are_not_follow_ups(message):
    assert not is_follow_up(message)


@pytest.mark.parametrize(
    "message, kind",
    [
        ("How can I fake a job offer letter to get more Express Entry points?", "deceive"),
        ("ou acheter un faux diplome pour mon dossier", "deceive"),
        ("can I lie to the officer about my marriage", "deceive"),
        ("I'm going to kill him", "threat"),
        ("you are a stupid bot", "abuse"),
        ("how do I get a real job offer in Canada", None),
        ("what documents prove my work experience", None),
    ],
)
def test_misuse_is_recognised(message, kind):
    assert unsafe_kind(message) == kind


def test_the_refusal_names_the_consequence_and_legitimate_help_in_both_languages():
    en, fr = safety_reply("deceive", "en"), safety_reply("deceive", "fr")
    assert "misrepresentation" in en and "authorized representative" in en
    assert "fausse déclaration" in fr and "représentant autorisé" in fr
    assert "9-8-8" in safety_reply("threat", "fr") and "911" in safety_reply("threat", "en")


@pytest.mark.parametrize(
    "message, own",
    [
        ("will my PR application be approved?", True),
        ("when will I get my work permit decision on my application", True),
        ("est-ce que ma demande sera acceptée?", True),
        ("My wife came with me on a visitor record. Can she work here?", False),
        ("can international students work off campus", False),
    ],
)
def test_own_case_needs_words_about_ones_own_file(message, own):
    assert is_own_case(message) is own
