"""Read what someone asks of a place: which indicators, and which end of each.

Keywords name an indicator ("rent", "French", "winter") and sometimes an end of it ("cold", "a big
city"). The words around them say which way the person leans: a negation or a dislike ("not",
"avoid", "can't stand", "éviter", "pas") turns the end over; "too"/"trop" caps it ("not too small"
asks for a bigger place, "pas trop froid" for a milder one); two of them cancel ("the cold doesn't
bother me" likes the cold). A clause that names no indicator is read by meaning, when an encoder is
given (places/meaning.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from places.indicators import INDICATORS, INFORMAL_FRENCH_PHRASES, OPPOSITE_WORDS, PRIORITY_WORDS
from places.meaning import meaning_for
from retrieval.colloquial import spoken_french
from retrieval.encoders import Encoder
from retrieval.folding import fold

HIGH, LOW = "high", "low"


@dataclass(frozen=True)
class Priorities:
    """What someone's words ask for: weights, the indicators wanted the opposite way, and conflicts."""

    weights: dict[str, float]
    opposite: frozenset[str] = frozenset()
    # Indicators asked for both ways at once ("warm winters, I love the cold").
    conflicts: tuple[str, ...] = ()


# Words of an indicator that name one end of it. Other PRIORITY_WORDS name only the indicator.
END_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "january_mean_temp": {
        LOW: ("cold", "colder", "froid", "plus froid"),
        HIGH: ("warm", "warmer", "mild", "milder", "chaud", "doux", "douce"),
    },
}
# Which end liking the bare thing means: "I like winter" asks for colder winters, "I love snow" for more.
LIKED_END = {"january_mean_temp": LOW, "annual_snowfall": HIGH}
# Indicators whose end is read from the words around them; the others have one useful end (cheaper rent).
POLAR = ("january_mean_temp", "annual_snowfall", "population")

_SIZE = {
    HIGH: r"big|bigger|large|larger|huge|grande?s?|plus grande?s?|grosses?|gros",
    LOW: r"small|smaller|tiny|little|petite?s?|plus petite?s?",
}
_PLACE_NOUN = r"(cit(y|ies)|towns?|places?|areas?|centres?|centers?|villes?|endroits?|centres?|coins?|agglomerations?)"
# "a big city", "large urban areas", "les grandes villes"; and "too big", "pas trop petit" with no noun.
_SIZE_PATTERNS = {end: re.compile(rf"\b({words})\s+(\w+\s+)?{_PLACE_NOUN}\b") for end, words in _SIZE.items()}
_TOO_SIZE = {end: re.compile(rf"\b(too|trop)\s+({words})\b") for end, words in _SIZE.items()}

# Only counts when nothing more specific is said: "a francophone community" is about French.
WEAK_WORDS = frozenset({"community", "communaute"})

_CLAUSES = re.compile(r"[,;.!?:()]+|\b(?:but|mais|though|however|cependant)\b")
_TOO = re.compile(r"(\bnot|\bpas|\bsans|\bwithout|n't)\s+(too|trop)\b|\b(too|trop)\b")
_NEGATION = re.compile(r"n't\b|\b(not|no|never|without|nothing|pas|jamais|aucune?|sans|ni|rien)\b")
_DISLIKE = re.compile(
    r"\b(hate|hates|dislike|avoid|avoiding|sick of|tired of|fed up|stay away|away from|far from|bother|bothers|"
    r"scare|scares|afraid|fear|worry|deteste|detester|hais|hair|eviter|evite|evitez|supporte mal|tanne|marre|"
    r"loin|derange|peur|fuir)\b"
)
# A conjunction ends what is said of one mention; the words just before the next mention are its lead-in.
_CONJUNCTION = re.compile(r"\b(?:and|et|with|avec|or|ou|also|aussi|plus|then|puis)\b")
_LEAD_IN = re.compile(
    r"(?:\s*\b(?:not|no|never|without|pas|ne|jamais|sans|too|trop|very|tres|a|an|the|un|une|la|le|les|des|de|du)\b)*"
    r"\s*$"
)
_LIKE = re.compile(r"\b(like|love|enjoy|prefer|want|fan of|into|aime|adore|prefere|veux|voudrais|aimerais)\b")


@dataclass(frozen=True)
class _Mention:
    indicator: str
    end: str | None  # None: the thing is named, not an end of it ("winter", "snow", "rent")
    start: int
    stop: int


def _pattern(word: str) -> re.Pattern[str]:
    """A listed word, also in the plural or as its adjective ("loyers", "froids", "affordable")."""
    return re.compile(rf"\b{re.escape(fold(word))}(s|x|es|able)?\b")


def _opposite_end(indicator: str) -> str:
    return LOW if INDICATORS[indicator].direction > 0 else HIGH


def _usual_end(indicator: str) -> str:
    return HIGH if INDICATORS[indicator].direction >= 0 else LOW


def _other(end: str) -> str:
    return LOW if end == HIGH else HIGH


def _find(clause: str) -> list[_Mention]:
    """Every mention of an indicator in a clause; a word inside a longer mention is part of it."""
    found: list[_Mention] = []
    for indicator, words in OPPOSITE_WORDS.items():
        found += [
            _Mention(indicator, _opposite_end(indicator), *m.span())
            for w in words
            for m in _pattern(w).finditer(clause)
        ]
    for end in (HIGH, LOW):
        found += [_Mention("population", end, *m.span()) for m in _SIZE_PATTERNS[end].finditer(clause)]
        found += [_Mention("population", end, *m.span()) for m in _TOO_SIZE[end].finditer(clause)]
    for indicator, ends in END_WORDS.items():
        for end, words in ends.items():
            found += [_Mention(indicator, end, *m.span()) for w in words for m in _pattern(w).finditer(clause)]
    for indicator, words in PRIORITY_WORDS.items():
        named = _usual_end(indicator) if indicator == "population" else None
        found += [_Mention(indicator, named, *m.span()) for w in words for m in _pattern(w).finditer(clause)]
    kept: list[_Mention] = []
    for mention in sorted(found, key=lambda m: (-(m.stop - m.start), m.start)):
        if not any(k.start <= mention.start and mention.stop <= k.stop for k in kept):
            kept.append(mention)
    if any(clause[m.start : m.stop] not in WEAK_WORDS for m in kept):
        kept = [m for m in kept if clause[m.start : m.stop] not in WEAK_WORDS]
    # "milder winters": the end named wins over the bare thing in the same clause.
    with_end = {m.indicator for m in kept if m.end is not None}
    kept = [m for m in kept if m.end is not None or m.indicator not in with_end]
    return sorted(kept, key=lambda m: m.start)


def _lean(words: str) -> tuple[int, bool]:
    """Which way the words around a mention turn it (+1 keeps, -1 turns over), and whether they lean at all."""
    flips = 0
    if _TOO.search(words):
        flips += 1  # "too cold", "not too cold", "pas trop grande": all ask for the other end
        words = _TOO.sub(" ", words)
    dislikes = len(_DISLIKE.findall(words))
    words = _DISLIKE.sub(" ", words)
    flips += dislikes + len(_NEGATION.findall(words))
    return (-1 if flips % 2 else 1), bool(flips or _LIKE.search(words))


def _end(indicator: str, named: str | None, sign: int, leans: bool) -> str:
    if indicator not in POLAR:
        return _usual_end(indicator)  # "avoid high rents" and "cheap rent" both ask for lower rents
    if named is None:
        if not leans:
            return _usual_end(indicator)  # "snow" in a list of priorities: less of it
        named = LIKED_END.get(indicator, _usual_end(indicator))
    return named if sign > 0 else _other(named)


# A negated auxiliary goes whole ("don't", "can't"): "do", "ca" left behind would be read as words.
_NEGATED = re.compile(r"\b\w+n't\b")
# Who is speaking, not what they ask of a place: "I'm", "je suis", "moi", "ça me" pull a clause towards the
# messages that ask nothing ("I am a nurse"). Whole words only; "j'", "m'", "c'" elided before a word.
_SPEAKER = re.compile(r"(?<!\S)(?:i'm|i am|i'd|i|je suis|je|moi|me|ca me|ca|it's|it|c'est)(?!\S)|(?<![\w'])[jmc]'")


def _core(clause: str) -> str:
    """What a clause is about, for the encoder: without its leaning words (negation, dislike, liking, "too")
    nor the speaker ("I'm not into crowded places" -> "crowded places", "je suis tanné de pelleter" ->
    "de pelleter"); the leaning words are read apart (_lean)."""
    for pattern in (_TOO, _DISLIKE, _NEGATED, _NEGATION, _LIKE, _SPEAKER):
        clause = pattern.sub(" ", clause)
    return " ".join(clause.split())


_WORD = re.compile(r"\w+")


def _standard(text: str) -> str:
    """Folded, typographic apostrophes made plain, and spoken Canadian French forms written the standard way
    ("le frette" -> "le froid"), so both the keywords and the encoder know them."""
    folded = fold(text).replace("\u2019", "'")
    spoken = spoken_french()  # data/lexicon/colloquial.yml
    return _WORD.sub(lambda m: spoken.get(m.group(0), m.group(0)), folded)


def _wordings(core: str) -> list[str]:
    """A clause as typed, then as it reads when its spoken phrases mean what they often do in Canada
    ("du monde de partout" -> "des gens de partout")."""
    wordings = [core]
    for phrase, standard in INFORMAL_FRENCH_PHRASES.items():
        spoken = re.compile(rf"\b{re.escape(phrase)}\b")
        if spoken.search(core):
            wordings.append(spoken.sub(standard, core))
    return wordings


def read_priorities(text: str, encoder: Encoder | None = None) -> Priorities:
    """Weights for the indicators someone's words point to ("cheap rent, French, not too cold"), which way
    they want each one ("I love snow", "a small town", "avoid big cities") and which ones they asked for
    both ways. With an encoder, clauses with no known word are read by meaning ("somewhere quiet")."""
    ends: dict[str, set[str]] = {}
    unread: list[tuple[str, str]] = []
    for clause in (c.strip() for c in _CLAUSES.split(_standard(text)) if c and c.strip()):
        mentions = _find(clause)
        if not mentions:
            unread.append((clause, _core(clause)))
        for i, mention in enumerate(mentions):
            before = mentions[i - 1].stop if i else 0
            after = mentions[i + 1].start if i + 1 < len(mentions) else len(clause)
            following = clause[mention.stop : after]
            if i + 1 < len(mentions):
                # What comes before the next mention is that mention's own lead-in: "a big city and no snow",
                # "big city, not too cold" never turn the city over.
                following = _LEAD_IN.sub("", _CONJUNCTION.split(following, maxsplit=1)[0])
            around = clause[before : mention.start] + " " + following
            sign, leans = _lean(around)
            ends.setdefault(mention.indicator, set()).add(_end(mention.indicator, mention.end, sign, leans))
    if encoder is not None:
        worded = set(ends)
        # A one-word message is too little to read by meaning ("quiet"); one word left once the speaker and
        # their leaning are set aside is what they lean on ("I hate snowstorms").
        readable = [(clause, core) for clause, core in unread if core and len(clause.split()) >= 2]
        readings = meaning_for(encoder).read_either([_wordings(core) for _, core in readable])
        for (clause, _), reading in zip(readable, readings, strict=True):
            if reading is None or reading.indicator in worded:
                continue  # the words' reading of an indicator is the more precise one ("a mid-sized city, not too big")
            sign, leans = _lean(clause)
            named = None if reading.end == "any" else reading.end
            ends.setdefault(reading.indicator, set()).add(_end(reading.indicator, named, sign, leans))
    weights = {indicator: 1.0 for indicator in ends}
    conflicts = tuple(i for i, e in ends.items() if len(e) > 1)
    opposite = frozenset(
        i for i, e in ends.items() if i not in conflicts and INDICATORS[i].direction and e == {_opposite_end(i)}
    )
    if "french_speakers_share" in weights:
        weights.setdefault("fls_designated", 0.5)
    return Priorities(weights, opposite, conflicts)
