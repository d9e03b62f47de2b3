"""Requests the assistant must not serve as asked: deceiving immigration authorities, threats, abuse.

Each gets a short reply in the person's language that says why and where
legitimate help is, instead of whatever the words would otherwise match
("fake a job offer for Express Entry points" must not get Express Entry steps).
"""

from __future__ import annotations

import re

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

TEXTS = {
    "deceive": {
        "en": (
            "I can't help with that. Giving false information or documents to immigration authorities is "
            "misrepresentation: a serious crime that can get an application refused or a status taken away. "
            "For honest help with your options, see an authorized representative (a licensed immigration "
            "consultant, a lawyer or paralegal, or a Quebec notary) or a free settlement agency."
        ),
        "fr": (
            "Je ne peux pas vous aider avec cela. Donner de faux renseignements ou de faux documents aux autorités "
            "de l'immigration, c'est de la fausse déclaration : un crime grave qui peut entraîner le refus d'une "
            "demande ou la perte d'un statut. Pour de l'aide honnête, adressez-vous à un représentant autorisé "
            "(consultant en immigration titulaire d'un permis, avocat ou parajuriste, notaire du Québec) ou à un "
            "organisme d'établissement gratuit."
        ),
    },
    "threat": {
        "en": (
            "If someone is in danger right now, call 911. If you are thinking about hurting yourself or someone "
            "else, call or text 9-8-8 (free, 24 hours a day, in English and French)."
        ),
        "fr": (
            "Si quelqu'un est en danger en ce moment, composez le 911. Si vous pensez à vous faire du mal ou à "
            "faire du mal à quelqu'un, appelez ou textez le 9-8-8 (gratuit, 24 heures sur 24, en français et en "
            "anglais)."
        ),
    },
    "abuse": {
        "en": (
            "I'm an automated assistant: I answer questions about settling in Canada and Ontario and send you to "
            "the right government service. Ask me about health care, work, housing, school, taxes or your city."
        ),
        "fr": (
            "Je suis un assistant automatisé : je réponds aux questions sur l'établissement au Canada et en "
            "Ontario et je vous oriente vers le bon service gouvernemental. Posez-moi une question sur la santé, "
            "le travail, le logement, l'école, les impôts ou votre ville."
        ),
    },
}


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
    return TEXTS[kind]["fr" if language == "fr" else "en"]
