"""The immigration status someone states in a message ("I'm a PR", "je suis demandeur d'asile").

Only what the person says about themselves; the assistant never asks for
documents or identifiers.
"""

from __future__ import annotations

import re

from retrieval.folding import fold

# Most specific first: "approved for permanent residence" before "permanent resident".
STATUS_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    (
        "approved-pr",
        (
            "approved for permanent residence",
            "copr",
            "confirmation of permanent residence",
            "residence permanente est approuvee",
            "approuve pour la residence permanente",
            "rp approuvee",
        ),
    ),
    (
        "refugee-claimant",
        ("refugee claimant", "asylum", "claimed refugee", "demandeur d'asile", "demandeuse d'asile", "demande d'asile"),
    ),
    (
        "protected-person",
        (
            "protected person",
            "protected persons",
            "convention refugee",
            "resettled refugee",
            "personne protegee",
            "refugie reinstalle",
            "refugiee reinstallee",
            "refugie au sens de la convention",
        ),
    ),
    (
        "permanent-resident",
        (
            "permanent resident",
            "i'm a pr",
            "im a pr",
            "i am a pr",
            "as a pr",
            "pr card holder",
            "resident permanent",
            "residente permanente",
            "je suis rp",
        ),
    ),
    (
        "citizen",
        (
            "canadian citizen",
            "i'm a citizen",
            "i am a citizen",
            "citoyen canadien",
            "citoyenne canadienne",
            "je suis citoyen",
            "je suis citoyenne",
        ),
    ),
    (
        "temporary-worker",
        (
            "work permit",
            "temporary worker",
            "temporary foreign worker",
            "permis de travail",
            "travailleur temporaire",
            "travailleuse temporaire",
            "travailleur etranger temporaire",
        ),
    ),
    (
        "international-student",
        ("international student", "study permit", "etudiant etranger", "etudiante etrangere", "permis d'etudes"),
    ),
    ("visitor", ("visitor visa", "i'm a visitor", "i am visiting", "visiteur", "visiteuse", "visa de visiteur")),
]


def _fold(text: str) -> str:
    return fold(text.replace("’", "'"))


# The person speaking about themselves, just before the status: "I'm a", "I have a", "je suis", "j'ai un".
_SELF = re.compile(
    r"\b(i am|i'm|im|we are|we're|we have|nous sommes|on est|i have|i've|i got|i hold|i'm on|i am on|"
    r"i came (on|as|with)|i arrived (on|as|with)|my(?= $)|mon(?= $)|ma(?= $)|"
    r"as an?|i was|i became|je suis|j'ai|je detiens|je suis arrive\w* (avec|comme)|en tant que|moi je suis|"
    r"je suis maintenant|je suis devenue?)\b"
)
# Said of someone else ("my parents need a visitor visa") or denied ("not a permanent resident yet").
_OTHER_OR_NOT = re.compile(
    r"\b(not|no longer|never|don't|dont|isn't|aren't|yet|pas|plus|jamais|my (wife|husband|spouse|partner|"
    r"parents?|mother|father|mom|dad|son|daughter|kids?|children|brother|sister|friend|cousin)|"
    r"(mon|ma|mes) (femme|mari|conjointe?|epouse|epoux|parents?|mere|pere|fils|fille|enfants?|frere|soeur|"
    r"ami|amie|cousin|cousine)|he|she|they|il|elle|ils|elles)\b"
)


def stated_status(message: str) -> str | None:
    """The status the person states about themselves, not denied and not someone else's; else None.

    "I'm a permanent resident" -> permanent-resident; "I am not a permanent resident yet",
    "my parents need a visitor visa", "a work permit for my husband" -> None.
    """
    folded = _fold(message)
    for code, phrases in STATUS_PATTERNS:
        for phrase in phrases:
            for found in re.finditer(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", folded):
                if phrase.startswith(("i'm", "im ", "i am", "je suis")):
                    before, after = "", folded[found.end() : found.end() + 25]
                    statement = True
                else:
                    window = folded[max(0, found.start() - 40) : found.start()]
                    selves = list(_SELF.finditer(window))
                    statement = bool(selves)
                    before = window[selves[-1].end() :] if selves else window
                    after = folded[found.end() : found.end() + 25]
                tail = re.split(r"[.?!;,]", after, maxsplit=1)[0]
                denied = _OTHER_OR_NOT.search(before) or re.search(r"\b(yet|pas encore)\b", tail)
                for_someone = re.search(r"\bfor (my|him|her)\b|\bpour (mon|ma|mes|lui|elle)\b", tail)
                if statement and not denied and not for_someone:
                    return code
    return None
