"""The kinds of personal information this service removes, and their placeholders."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    SIN = "SIN"
    UCI = "UCI"
    APPLICATION_NUMBER = "APPLICATION_NUMBER"
    PASSPORT = "PASSPORT"
    HEALTH_CARD = "HEALTH_CARD"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    POSTAL_CODE = "POSTAL_CODE"
    ADDRESS = "ADDRESS"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    CARD_NUMBER = "CARD_NUMBER"
    PERSON = "PERSON"


PLACEHOLDERS = {kind: f"[{kind.value}]" for kind in Kind}

# Identifiers whose sharing in a chat is itself a risk: the notice names them first.
NUMBERS = (
    Kind.SIN,
    Kind.UCI,
    Kind.APPLICATION_NUMBER,
    Kind.PASSPORT,
    Kind.HEALTH_CARD,
    Kind.CARD_NUMBER,
)
