"""Feedback is thanked only when it is about the assistant's reply."""

from __future__ import annotations

import pytest

from bot.actions.feedback import ActionFeedback, about_the_reply
from tests.bot.conftest import run, tracker


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


def feedback(message: str) -> list[dict]:
    return run(ActionFeedback(), tracker(message, "feedback", last_question=None, last_item=None))[0]


def test_feedback_on_the_reply_is_thanked():
    assert feedback("your answer was wrong")[0]["response"] == "utter_feedback_thanks"


def test_a_complaint_about_someone_else_is_answered():
    messages = feedback("the walk-in clinic said they do not accept my health card")
    assert messages[0].get("response") is None
    assert messages[0]["custom"]["type"] in ("answer", "choices")
