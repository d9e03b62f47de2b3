"""Requests the assistant must not serve as asked: deceiving immigration authorities, threats, abuse.

Each gets a short reply in the person's language that says why and where
legitimate help is, instead of whatever the words would otherwise match
("fake a job offer for Express Entry points" must not get Express Entry steps).
"""

from __future__ import annotations

import re

from replies.texts import text
from retrieval.folding import fold

_DECEIVE = re.compile(
    r"\b(fake|faking|forge|forged|forging|falsify|falsified|counterfeit|made[- ]up|fraudulent|buy(ing)? an?|"
    r"purchase|sell(ing)? me)\b[\w\s'-]{0,30}\b(job offer|offer letter|letter|documents?|diploma|degree|"
    r"transcripts?|marriage|bank statements?|lmia|reference|passport|ielts|tef|test results?|certificate|"
    r"pay ?stubs?|proof of funds|work experience)"
    r"|\b(lie|lying|lie to|hide|hiding) (to |from )?(ircc|immigration|the officer|cbsa|the border|an officer)"
    r"|\b(marriage of convenience|fake marriage|sham marriage|mariage blanc|mariage de complaisance)\b"
    r"|\b(faux|fausse|fausses|faire une fausse|falsifier|falsifie|truquer|acheter une?)\b[\w\s'-]{0,30}"
    r"\b(offre d'emploi|lettre|documents?|diplome|mariage|releves?|eimt|attestation|preuve de fonds|passeport)"
    r"|\bmentir (a|aux) (ircc|l'immigration|l'agent|agents|l'asfc)"
)
_THREAT = re.compile(
    r"\b(i('m| am)? (going to|gonna|will) (kill|hurt|shoot|stab) (him|her|them|someone|you|my)|bomb|"
    r"je vais (le|la|les|te|vous) (tuer|frapper|blesser)|je vais tuer)\b"
)
_ABUSE = re.compile(
    r"\b(fuck\w*|shit\w*|stupid bot|useless bot|idiot|dumb bot|bitch|asshole|"
    r"ta gueule|connard|connasse|crisse|tabarnak|calisse|nul a chier|imbecile|stupide)\b"
)


def unsafe_kind(message: str) -> str | None:
    """'deceive', 'threat' or 'abuse' when the message is one of those, else None."""
    folded = fold(message)
    if _THREAT.search(folded):
        return "threat"
    if _DECEIVE.search(folded):
        return "deceive"
    if _ABUSE.search(folded):
        return "abuse"
    return None


def safety_reply(kind: str, language: str) -> str:
    return text(f"safety.{kind}", language)
