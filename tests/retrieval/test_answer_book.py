"""How the answer is chosen from an item's sentences, on small items written for each rule (no encoder)."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.answers import Answer, AnswerBook, AnswerSettings, FaqRecord, UnitRecord, unit_records
from retrieval.search import Hit

CARD = """# Library card

The library is open to everyone in the city.
A card costs $25 a year for people who live outside the city.
Bring a photo ID when you come.
"""

ELIGIBLE = """# Who can apply

You can apply if you are one of these:

- a permanent resident
- a protected person
- a refugee claimant

Apply at any office.
"""

DOCUMENTS = (
    "passport",
    "birth certificate",
    "lease",
    "pay stub",
    "bank letter",
    "hydro bill",
    "work permit",
    "diploma",
    "marriage licence",
)
LONG_LIST = "# Documents\n\nBring these documents:\n\n" + "\n".join(f"- your {d}" for d in DOCUMENTS)

REFERS_BACK = """# Waiting period

Coverage used to start after three months in the province.
This waiting period was removed in 2020.
"""


def hit(item: str, jurisdiction: str = "municipal", language: str = "en") -> Hit:
    return Hit(
        item,
        item,
        item.title(),
        "",
        f"https://example.org/{item}",
        language,
        jurisdiction,
        "x",
        [],
        [],
        "",
        1.0,
        item,
        "",
    )


def book(items: dict[str, str], faqs: list[FaqRecord] | None = None, vectors=None, **settings) -> AnswerBook:
    rows = [r for item, body in items.items() for r in unit_records(item, body)]
    faqs = faqs or []
    vectors = np.zeros((0, 3), dtype=np.float32) if vectors is None else np.asarray(vectors, dtype=np.float32)
    return AnswerBook(rows, faqs, vectors, {item: "en" for item in items}, AnswerSettings(**settings))


NO_FAQ = np.array([1.0, 0.0, 0.0], dtype=np.float32)


def test_an_item_is_cut_into_sentences_and_list_items_that_remember_their_lead_in():
    records = unit_records("eligible", ELIGIBLE)
    assert records == [
        UnitRecord("eligible", 0, "Who can apply", "sentence", "You can apply if you are one of these:", 0, None),
        UnitRecord("eligible", 1, "Who can apply", "item", "a permanent resident", 1, 0),
        UnitRecord("eligible", 2, "Who can apply", "item", "a protected person", 1, 0),
        UnitRecord("eligible", 3, "Who can apply", "item", "a refugee claimant", 1, 0),
        UnitRecord("eligible", 4, "Who can apply", "sentence", "Apply at any office.", 2, None),
    ]
    assert records[0].embedded_text() == "Who can apply: You can apply if you are one of these:"
    assert UnitRecord("x", 0, "", "sentence", "Alone.", 0).embedded_text() == "Alone."


def test_the_sentence_stating_the_fact_asked_is_the_answer():
    answers = book({"card": CARD}, margin=0.1)
    answer = answers.compose("how much does a library card cost", NO_FAQ, [hit("card")], "en")
    assert answer.text == "A card costs $25 a year for people who live outside the city."
    assert answer.hits == [hit("card")] and answer.parts == [answer.text] and answer.faq is False


def test_a_list_that_answers_is_said_whole_under_its_lead_in():
    answers = book({"eligible": ELIGIBLE}, margin=0.1)
    answer = answers.compose("can a protected person apply", NO_FAQ, [hit("eligible")], "en")
    assert answer.text == (
        "You can apply if you are one of these:\n- a permanent resident\n- a protected person\n- a refugee claimant"
    )


def test_a_long_list_keeps_its_lead_in_and_at_most_six_items():
    answers = book({"docs": LONG_LIST}, margin=0.1)
    answer = answers.compose("do i bring my diploma", NO_FAQ, [hit("docs")], "en")
    lines = answer.text.splitlines()
    assert lines[0] == "Bring these documents:"
    assert "- your diploma" in lines
    assert len(lines) == 1 + 6


def test_a_sentence_that_refers_back_brings_the_one_before_it():
    answers = book({"wait": REFERS_BACK}, margin=0.1)
    answer = answers.compose("was the period removed in 2020", NO_FAQ, [hit("wait")], "en")
    assert answer.text == (
        "Coverage used to start after three months in the province. This waiting period was removed in 2020."
    )


C_EST = """# Inscription

Pour exercer, inscrivez-vous auprès de l'Ordre de la province avant votre premier emploi.
C'est une obligation légale pour toute la profession réglementée.
"""


def test_a_french_sentence_opening_on_c_est_brings_the_one_before_it():
    answers = book({"ordre": C_EST}, margin=0.1)
    answer = answers.compose(
        "une obligation légale pour la profession réglementée", NO_FAQ, [hit("ordre", language="fr")], "fr"
    )
    assert answer.text.startswith("Pour exercer, inscrivez-vous auprès de l'Ordre")
    assert answer.text.endswith("C'est une obligation légale pour toute la profession réglementée.")


def test_close_runners_up_are_added_in_the_items_order_within_the_word_budget():
    everything = book({"card": CARD}).compose("how much does a library card cost", NO_FAQ, [hit("card")], "en")
    assert everything.text == (
        "The library is open to everyone in the city. A card costs $25 a year for people who live outside the city. "
        "Bring a photo ID when you come."
    )
    within = book({"card": CARD}, max_words=20).compose(
        "how much does a library card cost", NO_FAQ, [hit("card")], "en"
    )
    assert (
        within.text == "A card costs $25 a year for people who live outside the city. Bring a photo ID when you come."
    )


def test_another_level_of_government_that_also_answers_is_said_after_the_first():
    federal = "# Fee\n\nThe federal fee for a card is $25.\n"
    ontario = "# Fee\n\nIn Ontario the card fee is $30.\n"
    answers = book({"fed": federal, "on": ontario})
    answer = answers.compose(
        "what is the ontario card fee", NO_FAQ, [hit("fed", "federal"), hit("on", "provincial")], "en"
    )
    assert answer.parts == ["The federal fee for a card is $25.", "In Ontario the card fee is $30."]
    assert answer.text == "The federal fee for a card is $25.\n\nIn Ontario the card fee is $30."
    assert [h.id for h in answer.hits] == ["fed", "on"]


def test_a_second_item_of_the_same_level_is_not_added():
    answers = book({"a": "# A\n\nThe card fee is $25.\n", "b": "# B\n\nThe card fee is $30.\n"})
    answer = answers.compose("what is the card fee", NO_FAQ, [hit("a"), hit("b")], "en")
    assert answer.text == "The card fee is $25." and [h.id for h in answer.hits] == ["a"]


def test_the_first_found_item_wins_a_tie():
    answers = book({"a": "# A\n\nThe card fee is $25.\n", "b": "# B\n\nThe card fee is $30.\n"})
    answer = answers.compose("what is the card fee", NO_FAQ, [hit("b", "federal"), hit("a", "provincial")], "en")
    assert answer.parts[0] == "The card fee is $30."


def test_items_without_units_give_no_answer():
    answers = book({"card": CARD})
    assert answers.compose("anything", NO_FAQ, [hit("unknown")], "en") is None


def test_a_close_faq_question_is_answered_with_the_editors_answer_first():
    faq = FaqRecord("card", "How much is a card?", "A card is free for residents.")
    answers = book({"card": CARD}, [faq], [[0.0, 1.0, 0.0]], margin=0.1)
    answer = answers.compose("how much does a card cost", np.array([0.0, 1.0, 0.0]), [hit("card")], "en")
    assert answer.faq is True
    assert answer.text == (
        "A card is free for residents.\n\nA card costs $25 a year for people who live outside the city."
    )
    assert answer.hits == [hit("card")]


def test_a_faq_question_not_close_enough_is_not_used():
    faq = FaqRecord("card", "How much is a card?", "A card is free for residents.")
    answers = book({"card": CARD}, [faq], [[0.0, 1.0, 0.0]], margin=0.1)
    tilted = np.array([0.0, 0.95, 0.31], dtype=np.float32)  # cosine 0.95, below the 0.955 bar
    answer = answers.compose("how much does a card cost", tilted, [hit("card")], "en")
    assert answer.faq is False and not answer.text.startswith("A card is free")


def test_what_the_faq_answer_already_says_is_not_repeated():
    faq = FaqRecord("card", "How much is a card?", "A card costs $25 a year for people who live outside the city.")
    answers = book({"card": CARD}, [faq], [[0.0, 1.0, 0.0]], margin=0.1)
    answer = answers.compose("how much does a card cost", np.array([0.0, 1.0, 0.0]), [hit("card")], "en")
    assert answer.text == "A card costs $25 a year for people who live outside the city."


def test_faq_pairs_and_vectors_must_match():
    with pytest.raises(ValueError, match=r"^FAQ pairs and their vectors differ in number; rebuild the index$"):
        book({"card": CARD}, [FaqRecord("card", "q", "a")], np.zeros((0, 3)))


def test_an_answer_as_json_names_its_sources():
    answer = Answer("Text.", [hit("a"), hit("b")], ["Text."], faq=True)
    assert answer.as_dict() == {"text": "Text.", "parts": ["Text."], "faq": True, "sources": ["a", "b"]}


def test_records_round_trip_as_dicts():
    faq = FaqRecord("card", "q?", "a.")
    units, faqs = book({"card": CARD}, [faq], [[0.0, 1.0, 0.0]]).as_records()
    assert units[1] == {
        "item_id": "card",
        "position": 1,
        "heading": "Library card",
        "kind": "sentence",
        "text": "A card costs $25 a year for people who live outside the city.",
        "block": 0,
        "lead": None,
    }
    assert faqs == [{"item_id": "card", "q": "q?", "a": "a."}]


def test_a_rare_word_of_the_question_counts_more_than_a_common_one():
    body = (
        "# Card\n\n"
        + " ".join(f"The card is useful in case {n}." for n in range(6))
        + " Replacement cards are mailed.\n"
    )
    answers = book({"card": body})
    answer = answers.compose("card replacement", NO_FAQ, [hit("card")], "en")
    assert "Replacement cards are mailed." in answer.text


def test_a_list_over_the_word_budget_keeps_its_lead_in_and_the_best_items_that_fit():
    body = (
        "# Who\n\nYou may qualify if:\n\n"
        "- you have lived in Ontario for one full year before applying\n"
        "- you hold a valid work permit issued for at least six months\n"
        "- you are a protected person recognised by the refugee board\n"
    )
    answers = book({"who": body}, max_words=22, margin=0.1)
    answer = answers.compose("can a protected person recognised by the board qualify", NO_FAQ, [hit("who")], "en")
    assert answer.text == "You may qualify if:\n- you are a protected person recognised by the refugee board"


FEES = "# Fees\n\nThe card costs $25 a year.\n\n# Replacement\n\nA lost card costs $5 to replace.\n"


def test_the_section_the_encoder_finds_closest_decides_between_sentences():
    answers = book({"fees": FEES})
    question = "what does the card cost"
    both = answers.compose(question, NO_FAQ, [hit("fees")], "en")
    assert both.text == "The card costs $25 a year.\n\nA lost card costs $5 to replace."
    closest = answers.compose(question, NO_FAQ, [hit("fees")], "en", lambda item: {"Fees": 0.9, "Replacement": 0.6})
    assert closest.text == "The card costs $25 a year."
    # A section the encoder did not score is not held back.
    unscored = answers.compose(question, NO_FAQ, [hit("fees")], "en", lambda item: {"Fees": 0.9})
    assert unscored.text == both.text


def test_the_faq_answer_leaves_room_only_for_what_fits_after_it():
    faq = FaqRecord("card", "How much is a card?", "Residents get a card free of charge at any branch.")
    answers = book({"card": CARD}, [faq], [[0.0, 1.0, 0.0]], max_words=30)
    answer = answers.compose("how much does a card cost", np.array([0.0, 1.0, 0.0]), [hit("card")], "en")
    assert answer.text == (
        "Residents get a card free of charge at any branch.\n\nThe library is open to everyone in the city."
    )
    assert answer.parts == [answer.text]


def test_a_second_level_that_would_make_the_reply_too_long_is_cut_to_its_first_sentence():
    federal = "# Fee\n\nThe federal fee for a card is $25.\n"
    ontario = "# Fee\n\nIn Ontario the card fee is $30. It is paid once.\n"
    answers = book({"fed": federal, "on": ontario}, max_words=12)
    answer = answers.compose(
        "what is the ontario card fee", NO_FAQ, [hit("fed", "federal"), hit("on", "provincial")], "en"
    )
    assert sorted(answer.parts) == ["In Ontario the card fee is $30.", "The federal fee for a card is $25."]


def test_a_sentence_too_short_to_answer_alone_loses_to_one_that_says_something():
    body = "# Who can apply\n\nEvery permanent resident.\n\nPermanent residents apply online with their card number.\n"
    answers = book({"who": body}, margin=0.1)
    answer = answers.compose("can a permanent resident apply", NO_FAQ, [hit("who")], "en")
    assert answer.text == "Permanent residents apply online with their card number."


def test_the_best_answer_is_said_again_when_asked_again_but_what_came_with_it_is_not():
    answers = book({"card": CARD}, margin=1.0)  # every sentence is a close runner-up
    said = "The library is open to everyone in the city. A card costs $25 a year for people who live outside the city."
    again = answers.compose("how much does a library card cost a year", NO_FAQ, [hit("card")], "en", said=said)
    assert "A card costs $25 a year" in again.text
    assert "open to everyone" not in again.text
