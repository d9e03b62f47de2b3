"""The typed replies: what the actions send is checked at the gateway, and their schema is published."""

from __future__ import annotations

import logging

import pytest
from pydantic import ValidationError

from api.dialogue import to_messages
from replies.models import REPLY, AnswerReply, Button, ComparisonReply, ServicesReply, TextReply, as_json


def test_a_malformed_typed_message_is_kept_as_text_and_the_log_names_the_field_not_the_value(caplog) -> None:
    card_without_name = {"id": "s", "organization": "O", "jurisdiction": "federal", "description": "D"}
    with caplog.at_level(logging.WARNING, logger="nwd.api"):
        messages = to_messages(
            [{"custom": {"type": "services", "text": "Call 211 about Ana Silva", "services": [card_without_name]}}]
        )
    assert [(m.type, m.text) for m in messages] == [("text", "Call 211 about Ana Silva")]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "services.0.name" in logged and "Ana Silva" not in logged


def test_a_jurisdiction_outside_the_four_levels_is_refused() -> None:
    source = {"title": "T", "url": "https://x.ca", "jurisdiction": "regional", "owner": "O", "language": "en"}
    with pytest.raises(ValidationError, match="jurisdiction"):
        AnswerReply.model_validate({"text": "t", "sources": [source]})


def test_each_reply_round_trips_through_the_json_an_action_sends() -> None:
    replies = [
        TextReply(text="Bonjour"),
        AnswerReply(text="A", buttons=[Button(title="Utile", payload='/feedback{"helpful": "yes"}')]),
        ServicesReply(text="S", services=[]),
        ComparisonReply.model_validate(
            {"text": "C", "comparison": {"places": [{"id": "a", "name": "A", "province": "ON"}]}}
        ),
    ]
    for reply in replies:
        back = REPLY.validate_python(as_json(reply))
        assert back == reply and type(back) is type(reply)


def test_the_openapi_document_publishes_each_reply_type(client) -> None:
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    for name in ("TextReply", "AnswerReply", "ServicesReply", "ComparisonReply", "ChoicesReply", "HandoffReply"):
        assert name in components, name
    messages = components["ChatResponse"]["properties"]["messages"]["items"]
    assert messages["discriminator"]["propertyName"] == "type"
    assert set(messages["discriminator"]["mapping"]) == {
        "text",
        "answer",
        "services",
        "comparison",
        "choices",
        "handoff",
    }
    assert "comparison" in components["ComparisonReply"]["required"]
