"""Thank people for feedback on an answer, and only then: "the clinic said they don't accept it" is a question."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.answer import utter_answer
from retrieval.folding import fold

# Words that point at the assistant or what it said: its answer, reply, information or link.
_ABOUT_THE_REPLY = re.compile(
    r"\b(answers?|answered|reply|replies|replied|response|info|information|link|links|page|website|bot|chatbot|"
    r"assistant|you|your|yours|reponses?|repond\w*|repondu|lien|liens|site|tu|ta|ton|tes|vous|votre|vos|t'as|"
    r"t'es|merci|thanks?|thank you)\b"
)


def about_the_reply(message: str) -> bool:
    """A button's payload, or words about the assistant's reply ("that answer didn't help", "ton lien marche
    pas"), rather than about someone else ("the clinic said they don't accept it")."""
    return message.startswith("/") or _ABOUT_THE_REPLY.search(fold(message)) is not None


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = (tracker.latest_message or {}).get("text") or ""
        if not about_the_reply(message):
            return utter_answer(dispatcher, tracker)
        dispatcher.utter_message(response="utter_feedback_thanks")
        return []
