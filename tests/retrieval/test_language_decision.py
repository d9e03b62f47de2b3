"""Which language to reply in, for short chat messages and explicit switches."""

from __future__ import annotations

import pytest

from retrieval.language import decide_language, dictionary_language, message_language, requested_switch


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bonjour", "fr"),
        ("merci beaucoup", "fr"),
        ("comparer Kingston et London", "fr"),
        ("Et Kingston?", "fr"),
        ("c'est combien", "fr"),
        ("ok merci", "fr"),
        ("thanks", "en"),
        ("how much?", "en"),
        ("what's the phone number", "en"),
        ("Toronto", None),
        ("ok", None),
    ],
)
def test_short_messages(text, expected):
    assert message_language(text) == expected


def test_a_name_alone_keeps_the_conversation_language():
    assert decide_language("Sudbury", None, "fr") == "fr"
    assert decide_language("Sudbury", None, "en") == "en"


def test_the_request_language_wins():
    assert decide_language("thank you", "fr", "en") == "fr"


@pytest.mark.parametrize(
    "text, expected",
    [("and in French?", "fr"), ("la dernière réponse en anglais svp", "en"), ("english please", "en")],
)
def test_switches(text, expected):
    assert requested_switch(text) == expected
    assert decide_language(text, None, "fr" if expected == "en" else "en") == expected


def test_a_language_named_in_another_language_is_not_a_switch():
    assert requested_switch("no hablo ni francés ni inglés") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wait a second", "en"),  # no chat word: the English dictionary knows "wait" and "second"
        ("see you tomorrow", "en"),
        ("quelle galère", "fr"),
        ("je reviens bientôt", "fr"),
        ("thnak you", "en"),  # one typo from "thank"
        ("merrci", "fr"),
    ],
)
def test_words_outside_the_chat_lexicon_are_read_with_the_pipelines_dictionaries(text, expected):
    other = "fr" if expected == "en" else "en"
    assert dictionary_language(text) == expected
    assert decide_language(text, None, other) == expected


@pytest.mark.parametrize("text", ["Thunder Bay", "Ontario Works", "okay okay", "taxi", "lol"])
def test_names_and_words_both_languages_use_say_nothing(text):
    assert dictionary_language(text) is None
    assert decide_language(text, None, "fr") == "fr" and decide_language(text, None, "en") == "en"
