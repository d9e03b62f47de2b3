"""What a few words ask of a place, by meaning: the sentence encoder against short descriptions.

The keyword reader (places/reading.py) knows the usual words ("rent", "French", "small town"); people
also say "somewhere quiet", "a multicultural city" or "un faible taux de chômage". Those clauses are
compared with a short description of each end of each indicator, in both languages, and with a few
messages that ask nothing of a place ("which city do you recommend"), so a message that names no
priority stays without one. The threshold is measured on the dev half of tests/data/paraphrases.yml
(docs/dialogue.md); the held-out half is only reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from places.indicators import INDICATORS
from retrieval.encoders import Encoder

NOTHING = "-"

# (indicator, end): descriptions in English and French. `end` is the end of the scale the words name:
# "high", "low", or "any" for a name (the transit system). Written as descriptions of the indicator, not
# as examples of what people say.
DESCRIPTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("january_mean_temp", "low"): ("cold winters and freezing weather", "des hivers froids, un temps glacial"),
    ("january_mean_temp", "high"): ("mild winters and warm weather", "des hivers doux, un climat chaud"),
    ("annual_snowfall", "high"): ("a lot of snow every winter", "beaucoup de neige chaque hiver"),
    ("annual_snowfall", "low"): ("little snow in winter", "peu de neige en hiver"),
    ("population", "high"): ("a large, busy city with many people", "une grande ville très peuplée"),
    ("population", "low"): ("a small, calm town with few people", "une petite ville calme et peu peuplée"),
    ("rent_2br", "low"): ("low rent and inexpensive housing", "un loyer bas et un logement peu coûteux"),
    ("unemployment_rate", "low"): (
        "a strong job market with employers hiring",
        "un bon marché du travail, des employeurs qui embauchent",
    ),
    ("french_speakers_share", "high"): ("people who speak French in daily life", "une population qui parle français"),
    ("immigrant_share", "high"): (
        "a population of immigrants from many cultures",
        "une population d'immigrants de cultures variées",
    ),
    ("settlement_services", "high"): (
        "free services that help immigrants get settled",
        "des services gratuits pour aider les immigrants à s'établir",
    ),
    ("public_transit", "any"): (
        "getting around without a car by public transit",
        "se déplacer sans voiture en transport en commun",
    ),
    (NOTHING, "any"): (
        "which city do you recommend",
        "hello, how are you",
        "thank you very much",
        "I work as an engineer",
        "tell me more",
        "quelle ville me conseilles-tu",
        "bonjour, ça va",
        "merci beaucoup",
        "je travaille comme ingénieur",
        "dis-m'en plus",
    ),
}

# The indicators whose label names one end without ambiguity also describe that end ("Unemployment rate").
_LABELLED = ("unemployment_rate", "rent_2br", "immigrant_share", "french_speakers_share", "settlement_services")


def _descriptions() -> list[tuple[tuple[str, str], str]]:
    rows = [(key, text) for key, texts in DESCRIPTIONS.items() for text in texts]
    for code in _LABELLED:
        end = "high" if INDICATORS[code].direction > 0 else "low"
        rows += [((code, end), INDICATORS[code].label.en), ((code, end), INDICATORS[code].label.fr)]
    return rows


@dataclass(frozen=True)
class Reading:
    indicator: str
    end: str  # high | low | any
    similarity: float


class PriorityMeaning:
    """Nearest indicator description for a clause, or None when the nearest says nothing of a place."""

    # Measured on the dev half of the paraphrases (docs/dialogue.md): below it, a clause is not read.
    DEFAULT_THRESHOLD = 0.87

    def __init__(self, encoder: Encoder, threshold: float = DEFAULT_THRESHOLD):
        rows = _descriptions()
        self.encoder = encoder
        self.threshold = threshold
        self._keys = [key for key, _ in rows]
        self._matrix = encoder.encode_queries([text for _, text in rows])

    def nearest(self, clauses: list[str]) -> list[Reading | None]:
        """The best description for each clause (its similarity kept, to measure thresholds)."""
        if not clauses:
            return []
        scores = self.encoder.encode_queries(clauses) @ self._matrix.T
        readings: list[Reading | None] = []
        for row in scores:
            best = int(np.argmax(row))
            indicator, end = self._keys[best]
            readings.append(None if indicator == NOTHING else Reading(indicator, end, float(row[best])))
        return readings

    def read(self, clauses: list[str]) -> list[Reading | None]:
        return [r if r is not None and r.similarity >= self.threshold else None for r in self.nearest(clauses)]


_shared: dict[int, PriorityMeaning] = {}


def meaning_for(encoder: Encoder) -> PriorityMeaning:
    """One reader per encoder (its description vectors are computed once)."""
    key = id(encoder)
    if key not in _shared:
        _shared[key] = PriorityMeaning(encoder)
    return _shared[key]
