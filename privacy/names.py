"""Person names: spaCy's NER in each language, plus what people write before their name.

The small pipelines tag many capitalised words as people ("Please", "Express Entry",
"Saint-Jean"), so a name found by NER must look like one (two capitalised words at least)
and hold no place or programme word; place names are never redacted.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

# Words of programme, institution and service names, and other capitalised words that are not names.
_NOT_NAME_TEXT = """
    express entry ontario works canada child benefit program programme pilot provincial nominee immigration
    atlantic rural community francophone mobility university université college collège school école airport
    aéroport pearson service services serviceontario library bibliothèque transit board commission bank job
    guichet-emplois dental care plan trillium public city ville region région hall hôtel office bureau centre
    center street rue avenue road boulevard chemin park parc hospital hôpital clinic clinique
    federal fédéral government gouvernement ircc ohip osap linc clic cra arc ltb hamilton
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche
    january february march april may june july august september october november december janvier février mars
    avril mai juin juillet août septembre octobre novembre décembre
    hi hello hey bonjour salut please thanks merci help aidez aide yes no oui non ok okay what where how why when
    can could is are do does i i'm my me we our you quoi comment où quand pourquoi est-ce je j'ai mon ma mes
    canadian indian french english ukrainian syrian afghan filipino nigerian haitian chinese arab arabic
    muslim christian catholic jewish hindu sikh mexican colombian eritrean somali congolese francophone
    anglophone newcomer refugee pr citizen student immigrant résident resident permanent
    day notice assessment tax victoria saint-jean-baptiste
    """
NOT_NAME_WORDS = set(_NOT_NAME_TEXT.split())

_TOKEN = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’]*)*"
_CAP_TOKEN = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ'’]+)*"
# After these, the name may be typed in lower case ("my name is chen wei").
STRONG_CUES = re.compile(
    r"(?<!\w)(?:my name is|my name's|my full name is|name is|name\s*:|je m['’]appelle|mon nom est|mon nom c['’]est|"
    r"mon nom complet est|nom\s*:|nom complet\s*:)\s+"
    rf"(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{0,3}})",
    re.IGNORECASE,
)
# After these, only capitalised words count ("I am Fatima Noor" but not "I am new here").
WEAK_CUES = re.compile(
    r"(?<!\w)(?:i am|i'm|i’m|im|this is|je suis|ici|c['’]est|moi c['’]est|"
    r"my (?:husband|wife|son|daughter|friend|sister|brother|mother|father|mom|dad|child|landlord|boss|employer|"
    r"cousin|uncle|aunt|partner|spouse|neighbour|neighbor)(?:'s name is|,)?|"
    r"mon (?:mari|fils|ami|frère|père|conjoint|copain|cousin|oncle|propriétaire|patron|voisin|époux)(?:,)?|"
    r"ma (?:femme|fille|amie|sœur|soeur|mère|conjointe|copine|cousine|tante|voisine|épouse)(?:,)?)\s+"
    rf"(?P<name>{_CAP_TOKEN}(?:\s+{_CAP_TOKEN}){{0,3}})",
    re.IGNORECASE,
)
_CAP_PAIR = re.compile(rf"{_CAP_TOKEN}\s+{_CAP_TOKEN}")
_STOP_IN_NAME = {
    "and",
    "et",
    "from",
    "de",
    "in",
    "à",
    "a",
    "i",
    "my",
    "mon",
    "ma",
    "is",
    "est",
    "here",
    "with",
    "avec",
    "to",
    "the",
}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Place names people type (gazetteer of data/places), lower case.

    Whole names only: "Sault Ste. Marie" is a place, but Marie alone is a first name."""
    from nwd.settings import get_settings  # the process's gazetteer (NWD_PLACES_GAZETTEER_PATH)

    names: set[str] = set()
    path = get_settings().places.gazetteer_path
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for place in data.get("places", []):
            for name in [place.get("en"), place.get("fr"), *(place.get("variants") or [])]:
                if name:
                    names.add(str(name).lower())
    names |= set(EXTRA_PLACES)
    return frozenset(names)


# Places beyond the gazetteer that newcomers name (provinces, cities, countries of origin).
EXTRA_PLACES = [
    name.strip()
    for name in """
canada, ontario, québec, quebec, manitoba, saskatchewan, alberta, yukon, nunavut,
nouveau-brunswick, new brunswick, nova scotia, nouvelle-écosse, prince edward island,
île-du-prince-édouard, newfoundland, labrador, terre-neuve, saint-jean, saint john, moncton,
fredericton, halifax, charlottetown, regina, saskatoon, winnipeg, laval, longueuil, sherbrooke,
saint-jérôme, sainte-anne-des-plaines, trois-rivières, scarborough, etobicoke, kanata, orléans,
nepean, peterborough, niagara, barrie, oshawa, guelph, sarnia, timmins, hearst, kapuskasing,
hawkesbury, cornwall, belleville, sault ste. marie, st. catharines, markham, vaughan, richmond,
oakville, burlington, whitby, ajax, pickering, india, china, philippines, nigeria, ukraine, syria,
afghanistan, haiti, france, morocco, maroc, algeria, algérie, tunisia, tunisie, senegal, sénégal,
cameroon, cameroun, congo, mexico, colombia, iran, pakistan, bangladesh, kharkiv, kyiv, lagos,
dakar, lyon, paris, delhi, manila
""".replace("\n", " ").split(",")
]


def _clean_name(name: str, lowercase_allowed: bool) -> str:
    words = []
    for word in name.split():
        low = word.lower().strip(".,;:!?")
        if low in _STOP_IN_NAME or low in NOT_NAME_WORDS or low in place_names():
            break
        if not lowercase_allowed and not word[0].isupper():
            break
        words.append(word.rstrip(".,;:!?"))
    return " ".join(words)


def cue_names(text: str) -> list[tuple[int, int]]:
    """Spans of names that follow "my name is", "je m'appelle", "I am", "mon mari"..."""
    spans = []
    for regex, lowercase_allowed in ((STRONG_CUES, True), (WEAK_CUES, False)):
        for m in regex.finditer(text):
            name = _clean_name(m.group("name"), lowercase_allowed)
            if name:
                start = m.start("name")
                spans.append((start, start + len(name)))
    return spans


def looks_like_name(span_text: str, before: str, after: str) -> bool:
    """A NER person span that is a real name: 2+ capitalised words, none a place or programme word."""
    words = span_text.split()
    if len(words) < 2 or len(words) > 4:
        return False
    for word in words:
        low = word.lower()
        if not word[0].isupper() or low in NOT_NAME_WORDS or low in place_names():
            return False
    if span_text.lower() in place_names():
        return False
    # Part of a longer place name ("Sault Ste" of "Sault Ste. Marie")
    window = (before[-40:] + span_text + after[:40]).lower()
    if any(span_text.lower() in place and place in window for place in place_names() if " " in place):
        return False
    next_word = after.split()[0].lower().strip(".,;:!?") if after.split() else ""
    prev_word = before.split()[-1].lower() if before.split() else ""
    institution = {"university", "college", "airport", "school", "bridge", "park", "hospital", "centre", "center"}
    before_words = {"université", "collège", "aéroport", "école", "pont", "rue", "parc"}
    return not (next_word in institution or prev_word in before_words)


def may_hold_a_name(text: str) -> bool:
    """Cheap test before NER: two capitalised words in a row, not both known words."""
    for m in _CAP_PAIR.finditer(text):
        words = [w.lower() for w in m.group(0).split()]
        if not all(w in NOT_NAME_WORDS or w in place_names() for w in words):
            return True
    return False
