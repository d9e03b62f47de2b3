"""Feedback is thanked only when it is about the assistant's reply."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.feedback import ActionFeedback, about_the_reply


@pytest.mark.parametrize(
    "message, about",
    [
        ('/feedback{"helpful": "no"}', True),
        ("that answer did not help me", True),
        ("ton lien marche pas", True),
        ("l'info est plus à jour", True),
        ("the clinic said they dont accept it", False),
        ("la clinique dit qu'elle n'accepte pas ça", False),
    ],
)
def test_feedback_is_about_the_reply_or_it_is_a_question(message, about):
    assert about_the_reply(message) is about


def run(message: str, language: str = "en") -> list[dict]:
    tracker = Tracker(
        sender_id="feedback",
        slots={"language": language, "region": None, "last_question": None, "last_item": None},
        latest_message={"text": message, "intent": {"name": "feedback", "confidence": 0.9}, "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionFeedback().run(dispatcher, tracker, {"slots": {}}))
    return dispatcher.messages


def test_feedback_on_the_reply_is_thanked():
    assert run("your answer was wrong")[0]["response"] == "utter_feedback_thanks"


def test_a_complaint_about_someone_else_is_answered():
    messages = run("the walk-in clinic said they do not accept my health card")
    assert messages[0].get("response") is None
    assert messages[0]["custom"]["type"] in ("answer", "choices")
