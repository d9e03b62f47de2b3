"""Which messages get the 'English or French' pointer to 211, and which are answered."""

from __future__ import annotations

import pytest

from api.routes.chat import names_only, unsupported_language


@pytest.mark.parametrize(
    "message",
    [
        "compare Ottawa and Toronto",
        "quel est le numéro de téléphone d'IRCC?",
        "comparer Kingston et London",
        "My employer did not pay my last two weeks and vacation pay. Who do I complain to?",
        "je cherche un logement a Sudbury pour ma famille",
    ],
)
def test_english_and_french_messages_are_answered(message):
    assert unsupported_language(message) is None


@pytest.mark.parametrize(
    "message, language",
    [
        ("¿Dónde puedo obtener una tarjeta de salud en Ontario?", "es"),
        ("hola, necesito ayuda, no hablo ni francés ni inglés", "es"),
        ("Ich brauche Hilfe mit meiner Krankenversicherung", "de"),
    ],
)
def test_other_languages_are_recognised(message, language):
    assert unsupported_language(message) == language


@pytest.mark.parametrize(
    "message",
    [
        "Thunder Bay",
        "Greater Sudbury",
        "Hawkesbury",
        "Charlottetown",
        "Belleville - Quinte West",
        "Niagara-on-the-Lake",
    ],
)
def test_a_place_name_alone_is_not_another_language(message):
    """The answer to "which city?", typed without a language (the widget sends one only when chosen)."""
    assert unsupported_language(message) is None


@pytest.mark.parametrize("message, language", [("necesito ayuda por favor", "es"), ("Ich brauche Hilfe", "de")])
def test_short_messages_in_other_languages_are_still_recognised(message, language):
    assert unsupported_language(message) == language


@pytest.mark.parametrize(
    ("text", "is_names"),
    [
        ("Thunder Bay", True),
        ("Ottawa.", True),
        ("St. Catharines, Niagara Falls", True),
        ("Saint-Jean-sur-Richelieu", True),  # small joining words may be lower case
        ("thunder bay", False),  # a name is capitalised
        ("Ottawa Toronto Kingston Hamilton Windsor", False),  # five names: a list, not an answer to "which city?"
        ("A b", False),
        ("", False),
    ],
)
def test_names_only(text, is_names):
    assert names_only(text) is is_names


def test_one_official_word_among_names_is_enough_only_in_a_short_message():
    assert unsupported_language("necesito ayuda please") is None
    # In a long message a few English words do not make it English (3 of 12 words here).
    assert unsupported_language("hola necesito ayuda por favor con mi tarjeta de salud please help") == "es"
    assert unsupported_language("Ich brauche Hilfe mit meiner Krankenversicherung in Toronto please help me") == "de"
