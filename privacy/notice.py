"""What the assistant tells a person after it removed something from their message (once per conversation).

It names the kind of information, never the value, in the conversation's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from privacy.kinds import NUMBERS, Kind

# Each kind, as a noun phrase in each language.
KIND_NAMES: dict[Kind, dict[str, str]] = {
    Kind.SIN: {"en": "a Social Insurance Number (SIN)", "fr": "un numéro d'assurance sociale (NAS)"},
    Kind.UCI: {"en": "an IRCC client ID (UCI)", "fr": "un identificateur client unique d'IRCC (IUC)"},
    Kind.APPLICATION_NUMBER: {"en": "an application number", "fr": "un numéro de demande"},
    Kind.PASSPORT: {"en": "a passport number", "fr": "un numéro de passeport"},
    Kind.HEALTH_CARD: {"en": "a health card number", "fr": "un numéro de carte Santé"},
    Kind.PHONE: {"en": "a phone number", "fr": "un numéro de téléphone"},
    Kind.EMAIL: {"en": "an email address", "fr": "une adresse courriel"},
    Kind.POSTAL_CODE: {"en": "the end of a postal code", "fr": "la fin d'un code postal"},
    Kind.ADDRESS: {"en": "a street address", "fr": "une adresse"},
    Kind.DATE_OF_BIRTH: {"en": "a date of birth", "fr": "une date de naissance"},
    Kind.CARD_NUMBER: {"en": "a payment card number", "fr": "un numéro de carte de paiement"},
    Kind.PERSON: {"en": "a name", "fr": "un nom"},
}

_TEXT = {
    "en": {
        "removed": "To protect your privacy, I removed what looked like {things} from your message before saving it.",
        "numbers": "Never share numbers like these in a chat: I don't need them to help you, and no one here will "
        "ask you for them.",
        "details": "You don't need to share personal details in this chat to get help.",
        "and": "and",
    },
    "fr": {
        "removed": "Pour protéger votre vie privée, j'ai retiré de votre message ce qui ressemblait à {things} avant "
        "de l'enregistrer.",
        "numbers": "Ne communiquez jamais ce genre de numéro dans un clavardage : je n'en ai pas besoin pour vous "
        "aider, et personne ici ne vous le demandera.",
        "details": "Vous n'avez pas à donner de renseignements personnels dans ce clavardage pour obtenir de l'aide.",
        "and": "et",
    },
}


def _join(parts: list[str], word: str) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def privacy_notice(kinds: Iterable[Kind], language: str) -> str:
    """One short paragraph: what kind of thing was removed, and not to share such numbers in a chat."""
    lang = "fr" if language == "fr" else "en"
    ordered = sorted(set(kinds), key=lambda k: list(Kind).index(k))
    if not ordered:
        raise ValueError("privacy_notice: nothing was removed")
    text = _TEXT[lang]
    things = _join([KIND_NAMES[k][lang] for k in ordered], text["and"])
    advice = text["numbers"] if any(k in NUMBERS for k in ordered) else text["details"]
    return f"{text['removed'].format(things=things)} {advice}"
