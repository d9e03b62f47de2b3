"""Presidio recognizers for Canadian identifiers and contact details, in English and French.

Each recognizer scores its own matches: a checksum (Luhn) or a context word raises the score,
a shape that is also an ordinary number (a year range, a price) lowers it below the threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import tldextract
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from privacy import names, patterns
from privacy.checksums import digits, luhn_valid
from privacy.kinds import Kind
from privacy.public import PublicInfo, address_key, phone_key, postal_key

Match = tuple[int, int, float]


class ShapeRecognizer(EntityRecognizer):
    """One kind of information found by a scoring function over the text."""

    def __init__(self, kind: Kind, language: str, find: Callable[[str], Iterable[Match]]):
        self._find = find
        super().__init__(supported_entities=[kind.value], supported_language=language, name=f"{kind.value}-{language}")

    def load(self) -> None:  # nothing to load: the shapes are compiled regular expressions
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        kind = self.supported_entities[0]
        return [RecognizerResult(kind, start, end, score) for start, end, score in self._find(text) if score > 0]


def _sin(text: str) -> Iterable[Match]:
    for m in patterns.SIN.finditer(text):
        context = patterns.has_context("SIN", text, m.start(), m.end())
        if luhn_valid(m.group(0)):
            yield m.start(), m.end(), 0.95 if context else 0.8
        elif context:
            yield m.start(), m.end(), 0.7  # mistyped, still a SIN by what the person says


def _is_year_range(text: str) -> bool:
    ds = digits(text)
    return len(ds) == 8 and 1900 <= int(ds[:4]) <= 2099 and 1900 <= int(ds[4:]) <= 2099


def _uci(text: str) -> Iterable[Match]:
    for m in patterns.UCI_10.finditer(text):
        context = patterns.has_context("UCI", text, m.start(), m.end())
        separated = m.group(1) != ""
        if context:
            yield m.start(), m.end(), 0.95
        elif separated:
            yield m.start(), m.end(), 0.7  # 00-0000-0000 is the UCI's own shape
    for m in patterns.UCI_8.finditer(text):
        context = patterns.has_context("UCI", text, m.start(), m.end())
        if context:
            yield m.start(), m.end(), 0.9
        elif m.group(1) == "-" and not _is_year_range(m.group(0)):
            yield m.start(), m.end(), 0.55


def _application_number(text: str) -> Iterable[Match]:
    for m in patterns.APPLICATION_NUMBER.finditer(text):
        yield m.start(), m.end(), 0.85


def _passport(text: str) -> Iterable[Match]:
    for m in patterns.PASSPORT_CANADIAN.finditer(text):
        context = patterns.has_context("PASSPORT", text, m.start(), m.end(), before=60, after=0)
        yield m.start(), m.end(), 0.95 if context else 0.6
    for m in patterns.PASSPORT_ANY.finditer(text):
        if patterns.has_context("PASSPORT", text, m.start(), m.end(), before=60, after=0):
            yield m.start(), m.end(), 0.9


def _health_card(text: str) -> Iterable[Match]:
    for m in patterns.HEALTH_CARD.finditer(text):
        context = patterns.has_context("HEALTH_CARD", text, m.start(), m.end())
        version = sum(ch.isalpha() for ch in m.group(0)) == 2
        if context:
            yield m.start(), m.end(), 0.96
        elif version:
            yield m.start(), m.end(), 0.85
        elif m.group(1):
            yield m.start(), m.end(), 0.65  # 4-3-3 is the health card's shape, not a phone's (3-3-4)


def _card_number(text: str) -> Iterable[Match]:
    for m in patterns.CARD_NUMBER.finditer(text):
        n = len(digits(m.group(0)))
        if not 13 <= n <= 19:
            continue
        if luhn_valid(m.group(0)):
            yield m.start(), m.end(), 0.97
        elif patterns.has_context("CARD_NUMBER", text, m.start(), m.end()):
            yield m.start(), m.end(), 0.6


def _postal_code(text: str) -> Iterable[Match]:
    for m in patterns.POSTAL_CODE.finditer(text):
        yield m.start(), m.end(), 0.85


def _date_of_birth(text: str) -> Iterable[Match]:
    for m in patterns.DATE.finditer(text):
        if patterns.has_context("DATE_OF_BIRTH", text, m.start(), m.end(), before=70, after=15):
            yield m.start(), m.end(), 0.85


def _address(text: str) -> Iterable[Match]:
    for regex in (patterns.ADDRESS_EN, patterns.ADDRESS_FR):
        for m in regex.finditer(text):
            yield m.start(), m.end(), 0.8


def _phone(text: str) -> Iterable[Match]:
    for m in patterns.PHONE_NANP.finditer(text):
        context = patterns.has_context("PHONE", text, m.start(), m.end())
        yield m.start(), m.end(), 0.8 if context else 0.75
    for m in patterns.PHONE_INTERNATIONAL.finditer(text):
        if 8 <= len(digits(m.group(0))) <= 15:
            yield m.start(), m.end(), 0.75


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email recognizer, its domain check on tldextract's bundled public suffix list.

    tldextract's default extractor downloads the list on first use; this one never touches the network.
    """

    _extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)

    def __init__(self, language: str):
        super().__init__(supported_language=language, supported_entity=Kind.EMAIL.value, name=f"EMAIL-{language}")

    def validate_result(self, pattern_text: str) -> bool:
        return self._extract(pattern_text.lower()).fqdn != ""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            result.score = max(result.score, 0.9)  # a valid address is an address, whatever its context
        return results


class PersonRecognizer(EntityRecognizer):
    """Names from spaCy's NER (filtered) and from what people write before them."""

    def __init__(self, language: str):
        super().__init__(supported_entities=[Kind.PERSON.value], supported_language=language, name=f"PERSON-{language}")

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found = [RecognizerResult(Kind.PERSON.value, s, e, 0.9) for s, e in names.cue_names(text)]
        for ent in nlp_artifacts.entities if nlp_artifacts else []:
            if ent.label_ not in ("PERSON", "PER"):
                continue
            start, end = ent.start_char, ent.end_char
            if names.looks_like_name(text[start:end], text[:start], text[end:]):
                found.append(RecognizerResult(Kind.PERSON.value, start, end, 0.8))
        return found


def build(language: str) -> list[EntityRecognizer]:
    """Every recognizer, for one language (their context words cover both)."""
    shapes = {
        Kind.SIN: _sin,
        Kind.UCI: _uci,
        Kind.APPLICATION_NUMBER: _application_number,
        Kind.PASSPORT: _passport,
        Kind.HEALTH_CARD: _health_card,
        Kind.CARD_NUMBER: _card_number,
        Kind.PHONE: _phone,
        Kind.POSTAL_CODE: _postal_code,
        Kind.ADDRESS: _address,
        Kind.DATE_OF_BIRTH: _date_of_birth,
    }
    recognizers: list[EntityRecognizer] = [ShapeRecognizer(kind, language, find) for kind, find in shapes.items()]
    recognizers += [OfflineEmailRecognizer(language), PersonRecognizer(language)]
    return recognizers


def is_public(kind: str, value: str, public: PublicInfo) -> bool:
    """A match that is a public service's number, office address, postal code or email: keep it."""
    if kind in (Kind.PHONE, Kind.HEALTH_CARD, Kind.UCI, Kind.SIN):
        return phone_key(value) in public.numbers
    if kind == Kind.POSTAL_CODE:
        return postal_key(value) in public.postal_codes
    if kind == Kind.EMAIL:
        return value.lower() in public.emails
    if kind == Kind.ADDRESS:
        for regex in (patterns.ADDRESS_EN, patterns.ADDRESS_FR):
            m = regex.search(value)
            if m and address_key(m.group("number"), m.group("name")) in public.addresses:
                return True
    return False
