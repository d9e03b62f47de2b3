"""Follow-ups on the service just shown are answered from that service's own record."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import resources
from bot.actions.answer import ActionAnswer
from bot.actions.service_details import asked_aspects, detail_lines


def tracker(message: str, service: str | None, language: str = "en") -> Tracker:
    slots = {"language": language, "last_service": service, "last_question": "where do I get a SIN?"}
    return Tracker.from_dict(
        {
            "sender_id": "t",
            "slots": slots,
            "latest_message": {"text": message, "intent": {"name": "ask_question", "confidence": 0.9}},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def answer(message: str, service: str | None, language: str = "en") -> tuple[list[dict], list]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAnswer().run(dispatcher, tracker(message, service, language), {}))
    return dispatcher.messages, events


def a_service(with_phone: bool, with_fees: bool):
    for entry in resources.directory().entries():
        service = entry.service
        if bool(service.phone) == with_phone and bool(service.fees) == with_fees:
            return entry
    pytest.skip("no such service in the directory")


@pytest.mark.parametrize(
    ("message", "aspects"),
    [
        ("phone number?", ["phone"]),
        ("c'est combien?", ["cost"]),
        ("what do I need to bring", ["documents"]),
        ("ou est le bureau le plus proche", ["where"]),
        ("is it open on saturday", ["hours"]),
        ("thanks", []),
    ],
)
def test_the_aspect_a_follow_up_asks_for(message, aspects):
    assert asked_aspects(message) == aspects


def test_phone_number_is_the_shown_services_own_phone():
    entry = a_service(with_phone=True, with_fees=False)
    messages, events = answer("phone number?", entry.service.id)
    reply = messages[0]["custom"]
    assert reply["type"] == "services" and reply["services"][0]["id"] == entry.service.id
    assert entry.service.phone in reply["text"]
    assert events == []  # the service stays the one discussed


def test_a_fee_the_directory_does_not_list_is_said_missing_never_guessed_in_french():
    entry = a_service(with_phone=True, with_fees=False)
    messages, _ = answer("ça coûte combien?", entry.service.id, "fr")
    text = messages[0]["custom"]["text"]
    assert "n'indique aucuns frais" in text and entry.service.phone in text
    assert "$" not in text


def test_listed_fees_are_quoted_from_the_record():
    entry = a_service(with_phone=False, with_fees=True)
    lines = detail_lines(entry, ["cost"], "en")
    assert lines == [f"{entry.service.name.en} — fees: {entry.service.fees.en}"]


def test_without_a_service_shown_the_question_goes_to_the_content():
    messages, _events = answer("phone number?", None)
    assert messages[0]["custom"]["type"] != "services"


def test_a_new_topic_is_not_read_as_a_detail_of_the_shown_service():
    entry = a_service(with_phone=True, with_fees=False)
    messages, _ = answer("how much does it cost to apply for citizenship?", entry.service.id)
    assert not (
        messages[0]["custom"]["type"] == "services" and messages[0]["custom"]["services"][0]["id"] == entry.service.id
    )


def test_a_city_given_for_a_province_wide_service_is_told_the_directory_has_no_office_there():
    from bot.actions.services import route_need

    for language, said in (
        ("en", "The directory has no office listed for Ottawa; this service covers all of Ontario."),
        ("fr", "Le répertoire n'indique pas de bureau pour Ottawa; ce service couvre tout l'Ontario."),
    ):
        dispatcher = CollectingDispatcher()
        shown = route_need(dispatcher, "health-card", "ON-ottawa", language)
        reply = dispatcher.messages[0]["custom"]
        assert shown == "serviceontario-ohip-health-card" and reply["text"].endswith(said)
    dispatcher = CollectingDispatcher()
    route_need(dispatcher, "sin", "ON-ottawa", "en")  # federal: nothing to say about offices
    assert "no office listed" not in dispatcher.messages[0]["custom"]["text"]


def test_in_french_please_after_a_service_card_shows_that_service_in_french():
    from bot.actions.answer import ActionSwitchLanguage

    entry = a_service(with_phone=True, with_fees=False)
    switch = tracker("in French please", entry.service.id, "fr")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSwitchLanguage().run(dispatcher, switch, {}))
    card = dispatcher.messages[1]["custom"]
    assert card["type"] == "services" and card["services"][0]["id"] == entry.service.id
    assert card["services"][0]["name"] == entry.service.name.fr and entry.service.description.fr in card["text"]
    assert events == []


def test_a_service_line_follows_each_languages_typography():
    from bot.actions.services import route_need

    for language, separator in (("en", "): https://"), ("fr", ") : https://")):
        dispatcher = CollectingDispatcher()
        route_need(dispatcher, "sin", None, language)
        lines = [line for line in dispatcher.messages[0]["custom"]["text"].splitlines() if line.startswith("- ")]
        assert lines and all(separator in line for line in lines), lines
