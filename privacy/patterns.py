"""The shapes of Canadian identifiers and contact details as people type them, and their context words.

Every pattern is anchored so that it never matches inside a longer number or word.
Context words are English and French (people mix them: "mon SIN", "my NAS").
"""

from __future__ import annotations

import re

# Not inside a longer word or number; separators inside a number are a space, a dash or a dot.
_START = r"(?<![\w-])"
_END = r"(?![\w-]|[ -]\d)"

SIN = re.compile(_START + r"\d{3}([ -]?)\d{3}\1\d{3}" + _END)
UCI_10 = re.compile(_START + r"\d{2}([ -]?)\d{4}\1\d{4}" + _END)
UCI_8 = re.compile(_START + r"\d{4}([ -]?)\d{4}" + _END)
# IRCC application numbers: one letter (W, E, V, B, ...) and 9 digits.
APPLICATION_NUMBER = re.compile(_START + r"[A-Za-z]\d{9}" + _END)
# Canadian passports: 2 letters and 6 digits; others vary (letters and digits, 7 to 9 characters).
PASSPORT_CANADIAN = re.compile(_START + r"[A-Za-z]{2}\d{6}" + _END)
PASSPORT_ANY = re.compile(_START + r"(?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d[A-Za-z0-9]*\d)[A-Za-z0-9]{6,9}" + _END)
# Ontario health card: 10 digits (4-3-3), optionally a 2-letter version code.
HEALTH_CARD = re.compile(_START + r"\d{4}([ -]?)\d{3}\1\d{3}(?:[ -]?[A-Za-z]{2})?" + _END)
# North American numbers (area code and exchange never start with 0 or 1), optional extension.
PHONE_NANP = re.compile(
    r"(?<![\w+])(?:\+?1[ .-]?)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]?\d{4}(?![\w-])"
    r"(?:\s*(?:ext\.?|x|poste)\s*\d{1,5})?",
    re.IGNORECASE,
)
# Numbers from abroad, written with their country code.
PHONE_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}(?![\w-])")
CARD_NUMBER = re.compile(_START + r"\d(?:[ -]?\d){12,18}" + _END)
POSTAL_CODE = re.compile(
    _START + r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d" + _END, re.IGNORECASE
)

_UNIT = r"(?:apt\.?|apartment|unit|suite|app\.?|appartement|bureau|logement|#)\s*\d+[A-Za-z]?"
_NUMBER = r"\d{1,6}(?:-\d{1,6})?[A-Za-z]?"
_EN_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Crescent|Cres|Court|Ct|Lane|Ln|Way|Place|Pl|"
    r"Terrace|Terr|Circle|Cir|Trail|Trl|Parkway|Pkwy|Square|Sq|Gate|Line|Highway|Hwy|Grove|Gardens|Heights|Path"
)
_EN_NAME_WORD = r"(?!(?:and|or|in|at|to|the|of|for|my|a|an|is|on|from|with|near)\b)[A-Za-zÀ-ÿ'’.-]+"
_DIRECTION = r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Nord|Sud|Est|Ouest)\b\.?)?"
ADDRESS_EN = re.compile(
    rf"(?<![\w-])(?:{_UNIT},?\s+)?(?P<number>{_NUMBER}),?\s+(?P<name>(?:{_EN_NAME_WORD}\s+){{1,3}}?)"
    rf"(?:{_EN_TYPES})\b\.?{_DIRECTION}(?:,?\s+{_UNIT})?",
    re.IGNORECASE,
)
_FR_TYPES = (
    r"rue|avenue|av\.|boulevard|boul\.|blvd|chemin|ch\.|place|promenade|croissant|allée|route|rang|montée|côte|"
    r"impasse|terrasse|cours|rue|sentier|carré|ruelle|voie"
)
_FR_NAME = (
    r"(?:(?:de la|de l'|de l’|du|des|de|d'|d’)\s*)?[A-Za-zÀ-ÿ0-9][\w'’.-]*"
    r"(?:\s+(?!(?:et|ou|à|a|au|en|pour|mon|ma|est|c'est)\b)[A-ZÀ-Ý][\w'’.-]*){0,3}"
)
ADDRESS_FR = re.compile(
    rf"(?<![\w-])(?:{_UNIT},?\s+)?(?P<number>{_NUMBER}),?\s+(?:{_FR_TYPES})\s+(?P<name>{_FR_NAME}){_DIRECTION}",
    re.IGNORECASE,
)

_MONTHS_EN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS_FR = (
    r"janv(?:ier)?\.?|f[ée]v(?:rier)?\.?|mars|avr(?:il)?\.?|mai|juin|juil(?:let)?\.?|ao[uû]t"
    r"|sept(?:embre)?\.?|oct(?:obre)?\.?|nov(?:embre)?\.?|d[ée]c(?:embre)?\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
_YEAR = r"(?:19|20)\d{2}"
DATE = re.compile(
    r"(?<![\w/-])(?:"
    rf"{_DAY}[/.-](?:1[0-2]|0?[1-9]|{_DAY})[/.-]{_YEAR}"  # 12/03/1991, 02-11-1990
    rf"|{_YEAR}[/.-](?:1[0-2]|0?[1-9])[/.-](?:[12]\d|3[01]|0?[1-9])"  # 1985-07-22
    rf"|(?:{_MONTHS_EN})\.?\s+{_DAY},?\s+{_YEAR}"  # March 3, 1978
    rf"|{_DAY}\s+(?:{_MONTHS_EN}|{_MONTHS_FR})\.?,?\s+{_YEAR}"  # 14 June 2019, 3 mars 1978
    r")(?![\w/-])",
    re.IGNORECASE,
)


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


CONTEXT = {
    "SIN": _words(
        r"sin", r"sins", r"nas", r"social insurance", r"assurance sociale", r"insurance number", r"insurance #"
    ),
    "UCI": _words(
        r"uci",
        r"iuc",
        r"client id",
        r"client identifier",
        r"client number",
        r"unique client",
        r"id client",
        r"identificateur",
        r"identifiant",
        r"num[ée]ro de client",
        r"num[ée]ro client",
    ),
    "APPLICATION_NUMBER": _words(r"application", r"file", r"demande", r"dossier"),
    "PASSPORT": _words(r"passports?", r"passeports?"),
    "HEALTH_CARD": _words(
        r"health card",
        r"health number",
        r"ohip",
        r"carte sant[ée]",
        r"carte d'assurance-maladie",
        r"carte d’assurance-maladie",
        r"assurance-maladie",
        r"assurance maladie",
        r"health insurance",
        r"version code",
    ),
    "PHONE": _words(
        r"call",
        r"phone",
        r"cell",
        r"mobile",
        r"text",
        r"tel",
        r"t[ée]l[ée]phone",
        r"whatsapp",
        r"appel\w*",
        r"cellulaire",
        r"textez",
        r"joindre",
        r"reach",
    ),
    "CARD_NUMBER": _words(r"cards?", r"cartes?", r"visa", r"mastercard", r"amex", r"credit", r"cr[ée]dit", r"d[ée]bit"),
    "DATE_OF_BIRTH": _words(
        r"born",
        r"birth",
        r"birthday",
        r"birthdate",
        r"dob",
        r"d\.o\.b\.?",
        r"n[ée]e?s?",
        r"naissance",
        r"anniversaire",
    ),
}
# "né" is a context word, but plain "ne" (negation) is not: the pattern above folds é only.
NEGATION_NE = re.compile(r"(?<!\w)ne(?!\w)", re.IGNORECASE)


def has_context(kind: str, text: str, start: int, end: int, before: int = 50, after: int = 25) -> bool:
    """Whether a context word for `kind` is near the span (mostly before it, as people write)."""
    pattern = CONTEXT[kind]
    window = text[max(0, start - before) : start] + " " + text[end : end + after]
    for found in pattern.finditer(window):
        if kind == "DATE_OF_BIRTH" and NEGATION_NE.fullmatch(found.group(0)):
            continue
        return True
    return False
