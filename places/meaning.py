"""What a few words ask of a place, by meaning: the sentence encoder against short descriptions.

The keyword reader (places/reading.py) knows the usual words ("rent", "French", "small town"); people
also describe what they want through what it is like to live there: the crowds, the buses, clearing the
snow, neighbours who know one another. Those clauses are compared with several short descriptions of each
end of each indicator, in both languages, and with messages that ask nothing of a place ("which city do
you recommend"). A clause is read only when its nearest description is ahead of the nearest of those
messages by a margin: the encoder's cosines all sit between 0.8 and 0.95, so how far one meaning is ahead
of "nothing asked" says more than the cosine alone. The margin is measured on the dev half of
tests/data/paraphrases.yml (docs/dialogue.md); the held-out half is only reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from places.indicators import INDICATORS
from retrieval.encoders import Encoder

NOTHING = "-"

# (indicator, end): descriptions in English and French. `end` is the end of the scale the words name:
# "high", "low", or "any" for a name (the transit system). Each describes the indicator and what living
# with that end of it is like (the crowds of a big city, shovelling after a snowfall), never an example
# taken from a test. Descriptions of a place name a place too ("a city where..."), so that "city" alone
# does not pull a clause towards the size of the place.
DESCRIPTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("january_mean_temp", "low"): (
        "cold winters and freezing weather",
        "bitter cold, with temperatures far below zero for months",
        "des hivers froids, un temps glacial",
        "un froid mordant, des températures bien sous zéro pendant des mois",
    ),
    ("january_mean_temp", "high"): (
        "mild winters and warm weather",
        "a gentle climate where winter stays close to freezing or above",
        "des hivers doux, un climat chaud",
        "un climat clément où l'hiver reste doux",
    ),
    ("annual_snowfall", "high"): (
        "a lot of snow every winter",
        "snowstorms, high snowbanks and snow to shovel after every storm",
        "beaucoup de neige chaque hiver",
        "des tempêtes, des bancs de neige et de la neige à pelleter après chaque bordée",
        "snowplows, snow shovels and snowbanks",
        "déneiger, pelleter, les bancs de neige",
    ),
    ("annual_snowfall", "low"): (
        "little snow in winter",
        "winters with hardly any snow to clear",
        "peu de neige en hiver",
        "des hivers presque sans neige à déblayer",
    ),
    ("population", "high"): (
        "a large, busy city with many people",
        "a city of crowds, traffic and tall buildings downtown",
        "une grande ville très peuplée",
        "une ville de foules, de bouchons et de tours au centre-ville",
        "packed streets, noise and traffic jams",
        "des rues bondées, du bruit et des embouteillages",
    ),
    ("population", "low"): (
        "a small, calm town with few people",
        "a peaceful village with little traffic, where neighbours know one another",
        "une petite ville calme et peu peuplée",
        "un village paisible, peu de circulation, où les voisins se connaissent",
        "peace and quiet, far from the noise",
        "le calme, loin du bruit",
    ),
    ("rent_2br", "low"): (
        "low rent and inexpensive housing",
        "a city where apartments and houses rent for little",
        "un loyer bas et un logement peu coûteux",
        "une ville où appartements et maisons se louent à petit prix",
        "cheap apartments to rent",
        "des appartements à louer pas chers",
    ),
    ("unemployment_rate", "low"): (
        "a strong job market with employers hiring",
        "many positions open and low unemployment",
        "un bon marché du travail, des employeurs qui embauchent",
        "beaucoup de postes à pourvoir et peu de chômage",
    ),
    ("french_speakers_share", "high"): ("people who speak French in daily life", "une population qui parle français"),
    ("immigrant_share", "high"): (
        "a population of immigrants from many cultures",
        "a cosmopolitan city where people of every origin live side by side",
        "une population d'immigrants de cultures variées",
        "une ville cosmopolite où vivent des gens de toutes les origines",
        "neighbourhoods where many immigrants live",
        "des quartiers où habitent beaucoup d'immigrants",
        "a multiethnic society rich in different cultures",
        "une société multiethnique, riche de cultures différentes",
    ),
    ("settlement_services", "high"): (
        "free services that help immigrants get settled",
        "des services gratuits pour aider les immigrants à s'établir",
    ),
    ("public_transit", "any"): (
        "getting around without a car by public transit",
        "a city served by buses, subway trains and streetcars",
        "se déplacer sans voiture en transport en commun",
        "une ville desservie par des autobus, un métro et des trains de banlieue",
        "bus routes, subway lines and commuter trains",
        "des lignes d'autobus, de métro et de train",
    ),
    (NOTHING, "any"): (
        "which city do you recommend",
        "and what about Kingston?",
        "we are thinking of moving to Ontario next year",
        "hello, how are you",
        "thank you very much",
        "okay, sounds good",
        "I work as an engineer",
        "I am a teacher and I come from Colombia",
        "tell me more",
        "can you give me some advice",
        "quelle ville me conseilles-tu",
        "et pour Timmins?",
        "nous pensons déménager en Ontario l'an prochain",
        "bonjour, ça va",
        "merci beaucoup",
        "d'accord, parfait",
        "je travaille comme ingénieur",
        "je suis enseignante et j'arrive du Maroc",
        "dis-m'en plus",
        "peux-tu me donner un conseil",
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


_OTHER_END = {"high": "low", "low": "high"}


@dataclass(frozen=True)
class Reading:
    indicator: str
    end: str  # high | low | any (the indicator is named, not one end of it)
    similarity: float
    # How far the description is ahead of the nearest message that asks nothing of a place (may be < 0).
    margin: float


class PriorityMeaning:
    """Nearest indicator description for a clause, read when it is ahead of "nothing asked" by a margin."""

    # Both measured on the dev half of the paraphrases (docs/dialogue.md). A clause whose best description is
    # less than DEFAULT_MARGIN ahead of the best "nothing asked" message is not read. The encoder knows what a
    # clause is about better than which end of it is meant ("snowstorms" sits as near "little snow" as "a lot
    # of snow"): when the two ends of one indicator are less than END_MARGIN apart, the clause names the
    # indicator only ("any"), and the words around it say which end (places/reading.py).
    DEFAULT_MARGIN = 0.002
    END_MARGIN = 0.01

    def __init__(self, encoder: Encoder, margin: float = DEFAULT_MARGIN, end_margin: float = END_MARGIN):
        rows = _descriptions()
        self.encoder = encoder
        self.margin = margin
        self.end_margin = end_margin
        self._keys = list(dict.fromkeys(key for key, _ in rows))
        self._rows = np.array([self._keys.index(key) for key, _ in rows])
        self._matrix = encoder.encode_queries([text for _, text in rows])
        self._nothing = self._keys.index((NOTHING, "any"))
        self._index = {key: n for n, key in enumerate(self._keys) if key[1] in _OTHER_END}

    def nearest(self, clauses: Sequence[str]) -> list[Reading]:
        """The best indicator description for each clause, with its lead over "nothing asked" (kept whatever
        it is, to measure margins). An (indicator, end)'s score is its nearest description's."""
        if not clauses:
            return []
        readings: list[Reading] = []
        for row in self.encoder.encode_queries(list(clauses)) @ self._matrix.T:
            per_key = np.full(len(self._keys), -np.inf, dtype=np.float32)
            np.maximum.at(per_key, self._rows, row)
            nothing = float(per_key[self._nothing])
            per_key[self._nothing] = -np.inf
            best = int(np.argmax(per_key))
            indicator, end = self._keys[best]
            other = (indicator, _OTHER_END.get(end, end))
            if other in self._index and per_key[best] - per_key[self._index[other]] < self.end_margin:
                end = "any"
            readings.append(Reading(indicator, end, float(per_key[best]), float(per_key[best]) - nothing))
        return readings

    def read(self, clauses: Sequence[str]) -> list[Reading | None]:
        return [r if r.margin >= self.margin else None for r in self.nearest(clauses)]

    def read_either(self, wordings: Sequence[Sequence[str]]) -> list[Reading | None]:
        """For each clause given in one or more wordings (as typed, and as a spoken form may also mean), the
        reading of the wording the encoder is surest of, if it is far enough ahead."""
        flat = [text for texts in wordings for text in texts]
        readings = iter(self.nearest(flat))
        best = [max((next(readings) for _ in texts), key=lambda r: r.margin) for texts in wordings]
        return [r if r.margin >= self.margin else None for r in best]


_shared: dict[int, PriorityMeaning] = {}


def meaning_for(encoder: Encoder) -> PriorityMeaning:
    """One reader per encoder (its description vectors are computed once)."""
    key = id(encoder)
    if key not in _shared:
        _shared[key] = PriorityMeaning(encoder)
    return _shared[key]
