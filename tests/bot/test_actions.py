"""Actions run on saved trackers with a CollectingDispatcher: exact events and messages."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.answer import ActionAnswer, excerpt
from bot.actions.handoff import ActionHandoff, ActionOwnCase
from bot.actions.places import ActionInformPlace
from bot.actions.slots import ValidateSlotMappings
from replies.texts import catalogue
from tests.bot.conftest import saved_tracker

DOMAIN: dict = {"slots": {}}


def run(action, tracker_name: str):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, saved_tracker(tracker_name), DOMAIN))
    return dispatcher.messages, events


def only_custom(messages):
    assert len(messages) == 1
    return messages[0]["custom"]


def test_answer_in_english_with_source_responsibility_and_feedback_buttons():
    messages, events = run(ActionAnswer(), "question_sin_en")
    answer = only_custom(messages)
    # The question and its item are kept for follow-ups ("how much?").
    assert events == [
        SlotSet("last_question", "how do I get a social insurance number?"),
        SlotSet("last_item", "sin"),
        SlotSet("last_service", None),
    ]
    assert answer["type"] == "answer"
    # What the person reads first is the answer itself, from the item's own sentences.
    assert answer["text"].startswith(
        "A Social Insurance Number (SIN) is a 9-digit number from the Government of Canada."
    )
    assert answer["sources"][0]["title"] == "Get a Social Insurance Number (SIN)"
    assert answer["sources"][0]["jurisdiction"] == "federal" and answer["sources"][0]["owner"] == "Government of Canada"
    assert "Level of government responsible: federal — Government of Canada." in answer["text"]
    assert [b["payload"] for b in answer["buttons"]] == ['/feedback{"helpful": "yes"}', '/feedback{"helpful": "no"}']
    assert [b["title"] for b in answer["buttons"]] == ["Helpful", "Not helpful"]


def test_answer_in_french():
    answer = only_custom(run(ActionAnswer(), "question_sin_fr")[0])
    assert "Le numéro d'assurance sociale (NAS) est un numéro de 9 chiffres" in answer["text"].split("\n\nSource")[0]
    assert answer["sources"][0]["language"] == "fr"
    assert "Ordre de gouvernement responsable : fédéral — Gouvernement du Canada." in answer["text"]
    assert [b["title"] for b in answer["buttons"]] == ["Utile", "Pas utile"]


def test_answer_uses_the_place_slot():
    answer = only_custom(run(ActionAnswer(), "question_library_ottawa_en")[0])
    assert answer["sources"][0]["url"] == "https://biblioottawalibrary.ca/en/card"
    assert answer["text"].startswith("With a free library card you can borrow books")


def test_unrelated_question_is_answered_honestly_not_invented():
    choices = only_custom(run(ActionAnswer(), "question_unrelated_en")[0])
    assert choices["type"] == "choices"
    assert choices["text"].startswith("I'm not sure I have a good answer")
    assert "211" in choices["text"]
    assert 1 <= len(choices["buttons"]) <= 3


def test_place_noted_and_place_unknown_in_the_language_of_the_conversation():
    messages, _ = run(ActionInformPlace(), "inform_place_ottawa_fr")
    assert [m["text"] for m in messages] == [catalogue().raw("place_noted", "fr").format(place="Ottawa")]
    messages, _ = run(ActionInformPlace(), "inform_place_unknown_en")
    assert [m["text"] for m in messages] == [catalogue().raw("place_unknown", "en")]


def test_handoff_gives_local_agency_211_and_ircc_and_marks_the_conversation():
    messages, events = run(ActionHandoff(), "handoff_hamilton_en")
    handoff = only_custom(messages)
    assert events == [SlotSet("handoff_requested", True)]
    assert handoff["type"] == "handoff"
    assert "Settlement services near Hamilton" in handoff["text"]
    assert "211" in handoff["text"] and "IRCC" in handoff["text"]
    assert len(handoff["sources"]) == 3


def test_handoff_without_place_asks_for_it_in_french():
    handoff = only_custom(run(ActionHandoff(), "handoff_noplace_fr")[0])
    assert catalogue().raw("handoff_place", "fr") in handoff["text"]
    assert "IRCC" in handoff["text"]


def test_own_case_never_guesses_and_points_to_official_channels():
    answer = only_custom(run(ActionOwnCase(), "own_case_en")[0])
    assert "only Immigration, Refugees and Citizenship Canada (IRCC) decides" in answer["text"]
    assert "authorized representative" in answer["text"]
    assert all(s["url"].startswith("https://www.canada.ca/") for s in answer["sources"])


def extracted(tracker_name: str) -> dict:
    action = ValidateSlotMappings()
    tracker = saved_tracker(tracker_name)
    dispatcher = CollectingDispatcher()
    out: dict = {}
    for slot in ("language", "place", "portal"):
        out.update(asyncio.run(getattr(action, f"extract_{slot}")(dispatcher, tracker, DOMAIN)))
    return out


def test_explicit_switch_sets_the_language():
    assert extracted("switch_to_french")["language"] == "fr"


def test_widget_metadata_sets_portal_and_language():
    assert extracted("widget_portal_ontario") == {"language": "fr", "portal": "ontario"}


def test_place_found_in_a_question_sets_place_and_region():
    assert extracted("place_in_question_en") == {"place": "Toronto", "region": "ON-toronto"}


def test_a_place_named_in_a_french_conversation_sets_the_place_and_leaves_the_language():
    # inform_place_ottawa_fr already has language fr: no language is extracted, only the place.
    assert extracted("inform_place_ottawa_fr") == {"place": "Ottawa", "region": "ON-ottawa"}


@pytest.mark.parametrize(
    ("passage", "words", "expected"),
    [
        ("One. Two three. Four five six.", 3, "One. Two three."),
        ("**Bold** start here.", 10, "Bold start here."),
        ("word " * 30, 5, "word word word word word…"),
    ],
)
def test_excerpt(passage, words, expected):
    assert excerpt(passage, words) == expected
