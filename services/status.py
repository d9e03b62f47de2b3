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


def stated_status(message: str) -> str | None:
    """The status code the message states, or None."""
    folded = _fold(message)
    for code, phrases in STATUS_PATTERNS:
        if any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", folded) for p in phrases):
            return code
    return None
