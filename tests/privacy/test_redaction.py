"""The privacy library: what it removes, what it keeps, offline."""

from __future__ import annotations

import socket

import pytest

from privacy.engine import Redactor, guess_language
from privacy.evaluate import evaluate, load_messages
from privacy.public import PublicInfo


@pytest.fixture(scope="module")
def redactor():
    """Built and used with the network cut: no model, suffix list or anything else is downloaded."""

    def refuse(*args, **kwargs):
        raise OSError("network access attempted by the privacy library")

    patch = pytest.MonkeyPatch()
    patch.setattr(socket.socket, "connect", refuse)
    patch.setattr(socket.socket, "connect_ex", refuse)
    patch.setattr(socket, "create_connection", refuse)
    patch.setattr(socket, "getaddrinfo", refuse)
    try:
        yield Redactor()
    finally:
        patch.undo()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("my SIN 046 454 286 expired, what do I do", "en", "my SIN [SIN] expired, what do I do"),
        ("mon NAS est 046-454-286", "fr", "mon NAS est [SIN]"),
        ("my UCI is 1234-5678", "en", "my UCI is [UCI]"),
        ("IUC 11-2233-4455 svp", "fr", "IUC [UCI] svp"),
        ("my file is W123456789", "en", "my file is [APPLICATION_NUMBER]"),
        ("passport AB123456 expired", "en", "passport [PASSPORT] expired"),
        ("ma carte Santé 1234-567-890-AB", "fr", "ma carte Santé [HEALTH_CARD]"),
        ("call me 416-555-0199", "en", "call me [PHONE]"),
        ("mon courriel : awa.n@exemple.ca", "fr", "mon courriel : [EMAIL]"),
        ("I live at M5V 2T6", "en", "I live at M5V [POSTAL_CODE]"),
        ("I live at 45 Maple Avenue in Brampton", "en", "I live at [ADDRESS] in Brampton"),
        ("je suis né le 12/03/1991", "fr", "je suis né le [DATE_OF_BIRTH]"),
        ("card 4111 1111 1111 1111", "en", "card [CARD_NUMBER]"),
        ("My name is Priya Sharma", "en", "My name is [PERSON]"),
        ("je m'appelle amina diallo", "fr", "je m'appelle [PERSON]"),
    ],
)
def test_each_kind_is_replaced_by_its_placeholder(redactor, text, lang, expected):
    assert redactor.redact(text, lang).text == expected


def test_a_message_that_is_only_a_sin_is_redacted_whatever_the_language(redactor):
    redaction = redactor.redact("046454286")
    assert redaction.text == "[SIN]" and [k.value for k in redaction.kinds] == ["SIN"]


def test_sin_checksum_decides_without_context(redactor):
    assert redactor.redact("order 123 456 789 arrived", "en").text == "order 123 456 789 arrived"  # fails Luhn
    assert redactor.redact("order 046 454 286 arrived", "en").text == "order [SIN] arrived"
    assert redactor.redact("my sin is 123 456 789", "en").text == "my sin is [SIN]"  # mistyped, but said to be one


@pytest.mark.parametrize(
    "text",
    [
        "I live in Toronto and want to move to Kingston",
        "je déménage de Saint-Jean à Ottawa",
        "What is Express Entry and the Rural Community Immigration Pilot?",
        "call 211, or 911 in an emergency, or 311 for the city",
        "IRCC is at 1-888-242-2100",
        "I called 613-546-0000 for the City of Kingston",
        "the office at 362 Montreal Street, or 362, rue Montreal",
        "I arrived on March 3, 2023 and paid $1,365 in 2019-2020",
    ],
)
def test_places_programs_and_public_numbers_are_kept(redactor, text):
    assert redactor.redact(text, "en").text == text


def test_public_information_comes_from_the_content_and_the_directory():
    public = PublicInfo.from_repository()
    assert "6135460000" in public.numbers and "8882422100" in public.numbers
    assert "362 montreal" in public.addresses


def test_no_identifier_or_contact_value_survives_redaction(redactor):
    for split in ("dev", "heldout"):
        for message in load_messages(split):
            redacted = redactor.redact(message.text, message.lang).text
            for kind, start, end in message.pii:
                value = message.text[start:end]
                if kind.value not in ("POSTAL_CODE", "PERSON"):  # names: recall bar 0.85, measured by the eval
                    assert value not in redacted, (message.id, redacted)


def test_dev_set_reaches_the_bars(redactor):
    report = evaluate(redactor, "dev")
    assert report.failures() == [], report.misses


def test_each_kind_is_named_once_in_the_order_it_first_appears(redactor):
    redaction = redactor.redact("my SIN 046 454 286 and again 046 454 286, call 416-555-0199", "en")
    assert redaction.text == "my SIN [SIN] and again [SIN], call [PHONE]"
    assert [k.value for k in redaction.kinds] == ["SIN", "PHONE"]
    assert redaction.changed is True


def test_findings_come_in_reading_order_with_their_spans(redactor):
    text = "my name is Priya Sharma and my SIN is 046 454 286"
    found = [(f.kind.value, text[f.start : f.end]) for f in redactor.find(text, "en")]
    assert found == [("PERSON", "Priya Sharma"), ("SIN", "046 454 286")]


def test_nothing_to_remove_leaves_the_message_unchanged(redactor):
    redaction = redactor.redact("hello", "en")
    assert redaction.text == "hello" and redaction.kinds == () and redaction.changed is False


@pytest.mark.parametrize("lang", [None, "es"])
def test_without_an_official_language_the_language_is_guessed_from_the_words(redactor, lang):
    assert redactor.redact("je m'appelle amina diallo", lang).text == "je m'appelle [PERSON]"


@pytest.mark.parametrize(
    ("text", "lang"), [("je suis ici", "fr"), ("où est-ce", "fr"), ("je vais", "en"), ("hello", "en")]
)
def test_two_french_words_make_a_message_french(text, lang):
    assert guess_language(text) == lang


def test_a_redactor_keeps_what_its_own_public_list_holds_and_the_postal_areas():
    # Built here, not from the shared fixture: what a Redactor is made with is part of the behaviour.
    public = PublicInfo()
    public.add_text("Call the office at 613-555-0123.")
    own = Redactor(public=public)
    assert own.redact("call 613-555-0123 or my cell 416-555-0199", "en").text == "call 613-555-0123 or my cell [PHONE]"
    assert own.redact("I live at M5V 2T6", "en").text == "I live at M5V [POSTAL_CODE]"
