"""Urgent messages go to the item that says what to do now, whatever else their words match."""

from __future__ import annotations

import pytest

from retrieval.urgent import CRISIS_ITEM, EMERGENCY_ITEM, HEALTH_ADVICE_ITEM, urgent_item


@pytest.mark.parametrize(
    "message, item",
    [
        ("what number do I call in an emergency", EMERGENCY_ITEM),
        ("she is breathing very hard now", EMERGENCY_ITEM),
        ("elle respire vraiment mal la", EMERGENCY_ITEM),
        ("I want to kill myself", CRISIS_ITEM),
        ("j'ai envie de mourir", CRISIS_ITEM),
        ("my baby has fever 39 its 2am what do i do", HEALTH_ADVICE_ITEM),
        ("ma fille a 39 de fievre, il est 2h du matin", HEALTH_ADVICE_ITEM),
        ("how do I get a health card", None),
        ("is there a fee for the fire department inspection", None),
    ],
)
def test_urgent_messages_find_their_item(message, item):
    assert urgent_item(message) == item


def test_each_urgent_item_exists_in_both_languages():
    from bot.actions import resources

    index = resources.index()
    for group in (EMERGENCY_ITEM, CRISIS_ITEM, HEALTH_ADVICE_ITEM):
        assert index.item(group, "en") is not None and index.item(group, "fr") is not None, group
