"""Compare places side by side, and recommend places from someone's priorities. Transparent: every
score comes with the figures behind it, and a missing figure is said to be missing, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from places.data import Figure, Place, PlaceBook
from places.indicators import DIRECTION_WORDS, INDICATORS, OPPOSITE_WORDS, PRIORITY_WORDS
from retrieval.folding import fold

MIN_COMPARE, MAX_COMPARE = 2, 4

TEXT = {
    "not_available": {"en": "not available", "fr": "non disponible"},
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "lowest": {"en": "{criterion}: lowest in {place} ({value})", "fr": "{criterion} : le plus bas à {place} ({value})"},
    "highest": {
        "en": "{criterion}: highest in {place} ({value})",
        "fr": "{criterion} : le plus élevé à {place} ({value})",
    },
    "reason_good": {"en": "{criterion} {value}", "fr": "{criterion} {value}"},
    "tradeoff": {"en": "but {criterion} {value}", "fr": "mais {criterion} {value}"},
    "missing": {"en": "{criterion} not available", "fr": "{criterion} non disponible"},
    "not_applicable": {"en": "not applicable (an Ontario law)", "fr": "sans objet (loi ontarienne)"},
    "both_ways": {"en": "{usual} and {opposite}", "fr": "{usual} et {opposite}"},
    "conflict": {
        "en": "You asked for both {asked}. Which one matters to you? Tell me and I will look.",
        "fr": "Vous demandez à la fois {asked}. Lequel compte pour vous? Dites-le-moi et je chercherai.",
    },
}

# Indicators that only exist in one province: elsewhere they are "not applicable", not "not available".
ONLY_IN = {"fls_designated": "ON"}


def applies(place: Place, key: str) -> bool:
    return ONLY_IN.get(key, place.province) == place.province


def display(place: Place, key: str, language: str) -> str:
    """The figure as shown: value and unit, "not available", or "not applicable" outside its province."""
    if key not in place.indicators and not applies(place, key):
        return _t("not_applicable", language)
    return format_value(place.indicators.get(key), language)


class CompareError(ValueError):
    """The request cannot be answered; the message says what to change."""


def _t(key: str, language: str, **values: Any) -> str:
    return TEXT[key]["fr" if language == "fr" else "en"].format(**values)


def format_value(figure: Figure | None, language: str) -> str:
    if figure is None:
        return _t("not_available", language)
    value = figure.value
    if isinstance(value, bool):
        return _t("yes" if value else "no", language)
    if isinstance(value, float | int):
        number = f"{value:,.0f}" if abs(value) >= 1000 else (f"{value:g}")
        if language == "fr":
            number = number.replace(",", "\u202f").replace(".", ",")
        if figure.unit == "CAD per month":  # money as each language writes it: $1,763 per month, 1 763 $ par mois
            return f"{number} $ par mois" if language == "fr" else f"${number} per month"
        unit = f" {figure.unit}" if figure.unit and figure.unit not in ("people",) else ""
        if figure.unit == "percent":
            unit = " %"
        return f"{number}{unit}"
    return str(value)


@dataclass(frozen=True)
class PlaceComparison:
    places: list[Place]
    rows: list[dict[str, Any]]
    summary: str

    def as_dict(self, language: str) -> dict[str, Any]:
        return {
            "places": [{"id": p.id, "name": p.name.get(language), "province": p.province} for p in self.places],
            "criteria": self.rows,
            "summary": self.summary,
        }


def compare(
    book: PlaceBook, ids: list[str], language: str = "en", criteria: list[str] | None = None
) -> PlaceComparison:
    """2 to 4 places side by side on every criterion (or the ones asked), with a plain summary."""
    unique = list(dict.fromkeys(ids))
    if len(unique) < MIN_COMPARE:
        raise CompareError(f"ids: name at least {MIN_COMPARE} different places to compare (got {len(unique)})")
    if len(unique) > MAX_COMPARE:
        raise CompareError(f"ids: compare at most {MAX_COMPARE} places at a time (got {len(unique)}); pick fewer")
    unknown = [i for i in unique if book.get(i) is None]
    if unknown:
        raise CompareError(f"ids: unknown place(s) {', '.join(unknown)}; list the places at /api/places")
    if criteria:
        bad = [c for c in criteria if c not in INDICATORS]
        if bad:
            raise CompareError(f"criteria: unknown {bad}; allowed: {', '.join(INDICATORS)}")
    places = [book.places[i] for i in unique]
    rows = []
    summary: list[str] = []
    for indicator in INDICATORS.values():
        if criteria and indicator.id not in criteria:
            continue
        cells = []
        for place in places:
            figure = place.indicators.get(indicator.id)
            cells.append(
                {
                    "place": place.id,
                    "value": None if figure is None else figure.value,
                    "display": display(place, indicator.id, language),
                    "unit": None if figure is None else figure.unit,
                    "year": None if figure is None else figure.year,
                    "source": None if figure is None else figure.source.model_dump(),
                }
            )
        rows.append({"criterion": indicator.id, "label": indicator.label.in_language(language), "values": cells})
        numeric = [
            (p, p.indicators[indicator.id])
            for p in places
            if indicator.id in p.indicators
            and isinstance(p.indicators[indicator.id].value, float | int)
            and not isinstance(p.indicators[indicator.id].value, bool)
        ]
        if indicator.direction != 0 and len(numeric) >= 2 and indicator.id in _SUMMARY_CRITERIA:
            low = min(numeric, key=lambda pf: float(pf[1].value))
            high = max(numeric, key=lambda pf: float(pf[1].value))
            if low[1].value != high[1].value:
                label = indicator.label.in_language(language)
                for end, (where, figure) in (("lowest", low), ("highest", high)):
                    shown = format_value(figure, language)
                    summary.append(_t(end, language, criterion=label, place=where.name.get(language), value=shown))
    return PlaceComparison(places, rows, "; ".join(summary[:6]) + ("." if summary else ""))


_SUMMARY_CRITERIA = ("rent_2br", "unemployment_rate", "january_mean_temp", "french_speakers_share", "immigrant_share")


# "don't", "hate", "pas", "sans"... just before an opposite phrase turn it back: "I don't like snow" = less snow.
_NEGATION = re.compile(
    r"\b(not|no|dont|don't|do not|hate|dislike|avoid|without|pas|sans|deteste|eviter|ni)\W+(\w+\W+)?$"
)


# Indicators whose usual words name the end people want ("a big city"), so "not a big city" means the other end.
# Not the climate: "not too cold" still asks for milder winters, "no snow" for less snow.
NEGATION_TURNS = frozenset({"population"})


@dataclass(frozen=True)
class Priorities:
    """What someone's words ask for: weights, the indicators wanted the opposite way, and conflicts."""

    weights: dict[str, float]
    opposite: frozenset[str] = frozenset()
    # Indicators asked for both ways at once ("warm winters, I love the cold").
    conflicts: tuple[str, ...] = ()


def _negated(folded: str, start: int) -> bool:
    return _NEGATION.search(folded[max(0, start - 30) : start]) is not None


def _matches(folded: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        spans += [m.span() for m in re.finditer(rf"\b{re.escape(fold(word))}\b", folded)]
    return spans


def read_priorities(text: str) -> Priorities:
    """Weights for the indicators someone's words point to ("cheap rent, French, not too cold"), which way
    they want each one ("I love snow", "a small town") and which ones they asked for both ways."""
    folded = fold(text)
    weights: dict[str, float] = {}
    opposite: set[str] = set()
    conflicts: list[str] = []
    for indicator, words in PRIORITY_WORDS.items():
        usual = _matches(folded, words)
        # "I don't like snow" is not an opposite phrase: it is the usual way, found through "snow".
        other = [(s, e) for s, e in _matches(folded, OPPOSITE_WORDS.get(indicator, ())) if not _negated(folded, s)]
        # A usual word inside an opposite phrase ("snow" in "lots of snow") is part of that phrase.
        usual = [(s, e) for s, e in usual if not any(os <= s and e <= oe for os, oe in other)]
        if indicator in NEGATION_TURNS:  # "not a big city" asks for a smaller place
            negated = [(s, e) for s, e in usual if _negated(folded, s)]
            usual = [span for span in usual if span not in negated]
            other += negated
        if usual or other:
            weights[indicator] = 1.0
        if other and usual:
            conflicts.append(indicator)
        elif other:
            opposite.add(indicator)
    if "french_speakers_share" in weights:
        weights.setdefault("fls_designated", 0.5)
    return Priorities(weights, frozenset(opposite), tuple(conflicts))


def priorities_from_text(text: str) -> dict[str, float]:
    """Weights for the indicators someone's words point to ("cheap rent, French, not too cold")."""
    return read_priorities(text).weights


def conflict_message(conflicts: tuple[str, ...] | list[str], language: str) -> str:
    """Say which priorities contradict each other, and how to say which way is meant."""
    asked = "; ".join(
        _t("both_ways", language, **{way: label.in_language(language) for way, label in DIRECTION_WORDS[k].items()})
        for k in conflicts
    )
    return _t("conflict", language, asked=asked)


@dataclass(frozen=True)
class Recommendation:
    place: Place
    score: float
    reasons: list[str]
    tradeoffs: list[str]
    missing: list[str]


def recommend(
    book: PlaceBook,
    weights: dict[str, float],
    language: str = "en",
    provinces: list[str] | None = None,
    top: int = 3,
    opposite: frozenset[str] | set[str] = frozenset(),
) -> list[Recommendation]:
    """Normalise each weighted indicator to 0..1 across places (best = 1), sum by weight, explain.
    `opposite` turns an indicator's usual direction round: colder winters, more snow, a smaller place."""
    if not weights:
        raise CompareError("priorities: none given; say what matters, e.g. rent, jobs, French, climate, community")
    unknown = [k for k in weights if k not in INDICATORS]
    if unknown:
        raise CompareError(f"priorities: unknown {unknown}; allowed: {', '.join(INDICATORS)}")
    if any(w < 0 or w > 10 for w in weights.values()) or not any(w > 0 for w in weights.values()):
        raise CompareError("priorities: weights must be between 0 and 10, at least one above 0")
    if not 1 <= top <= 10:
        raise CompareError("top: must be between 1 and 10")
    wrong_way = [k for k in opposite if k not in INDICATORS or INDICATORS[k].direction == 0]
    if wrong_way:
        raise CompareError(f"opposite: {wrong_way} have no direction to turn; use ones like january_mean_temp")
    pool = [p for p in book.places.values() if not provinces or p.province in provinces]
    if not pool:
        raise CompareError(f"provinces: no place in {provinces}")
    ranges: dict[str, tuple[float, float]] = {}
    for key in weights:
        values = [_numeric(p.indicators.get(key)) for p in pool]
        present = [v for v in values if v is not None]
        if present:
            ranges[key] = (min(present), max(present))
    results = []
    for place in pool:
        total = weight_sum = 0.0
        reasons: list[tuple[float, str]] = []
        tradeoffs: list[tuple[float, str]] = []
        missing = []
        applicable = sum(w for k, w in weights.items() if applies(place, k))
        for key, weight in weights.items():
            if not applies(place, key):
                continue  # e.g. Ontario's French Language Services Act, for a place in Quebec
            indicator = INDICATORS[key]
            label = _in_sentence(indicator.label.in_language(language))
            value = _numeric(place.indicators.get(key))
            if value is None or key not in ranges:
                missing.append(_t("missing", language, criterion=label))
                continue
            low, high = ranges[key]
            normalised = 0.5 if high == low else (value - low) / (high - low)
            if (indicator.direction < 0) != (key in opposite):
                normalised = 1 - normalised
            total += weight * normalised
            weight_sum += weight
            shown = format_value(place.indicators[key], language)
            if normalised >= 0.6:
                reasons.append((normalised, _t("reason_good", language, criterion=label, value=shown)))
            elif normalised <= 0.3:
                tradeoffs.append((normalised, _t("tradeoff", language, criterion=label, value=shown)))
        if weight_sum == 0:
            continue
        # Missing figures count as neither good nor bad, but weigh down the confidence of the score.
        coverage = weight_sum / applicable
        score = (total / weight_sum) * (0.5 + 0.5 * coverage)
        results.append(
            Recommendation(
                place,
                round(score, 3),
                [r for _, r in sorted(reasons, reverse=True)],
                [t for _, t in sorted(tradeoffs)],
                missing,
            )
        )
    results.sort(key=lambda r: (-r.score, r.place.id))
    return results[:top]


def _in_sentence(label: str) -> str:
    """A label inside a sentence: its first letter in lower case, names as written ("share who speak French")."""
    return label[:1].lower() + label[1:]


def _numeric(figure: Figure | None) -> float | None:
    if figure is None:
        return None
    if isinstance(figure.value, bool):
        return 1.0 if figure.value else 0.0
    if isinstance(figure.value, float | int):
        return float(figure.value)
    return None
