"""Messages about an emergency or a crisis: answered from the emergency items, never routed elsewhere.

"What number do I call in an emergency" shares words with a dozen services
("number", "call"); a person in danger must get 911 (or the crisis line)
first, from the content items that say so, whatever else matched.
"""

from __future__ import annotations

import re

from retrieval.folding import fold

# Someone in danger, hurt, or a fire or crime happening now (EN/FR, accents folded).
_EMERGENCY = re.compile(
    r"\b(emergency|emergencies|911|9-1-1|ambulance|paramedics?|on fire|fire in|house fire|bleeding|heart attack|"
    r"overdose|poison(ed|ing)?|unconscious|not breathing|can'?t breathe|in danger|being attacked|break-?in|"
    r"urgence|urgences|incendie|au feu|saigne|crise cardiaque|empoisonn\w*|inconscient\w*|respire (plus|pas)|"
    r"en danger|se fait attaquer|cambriol\w*|breathing (very )?(hard|badly|fast)|trouble breathing|"
    r"difficulty breathing|respire (vraiment |tres )?mal|respire difficilement|difficulte a respirer)\b"
)
# A symptom now (a fever at night, a sick baby): Health811's nurses, who also say when to call 911.
_SYMPTOM = re.compile(
    r"\b(fever|feverish|vomit\w*|diarrh\w*|rash|sick (baby|child|kid|son|daughter)|(baby|child|son|daughter) "
    r"(is|has been) sick|fievre|vomi\w*|diarrhee|(bebe|enfant|fils|fille) (est )?malade)\b"
)
# Thoughts of suicide or self-harm, or a mental health crisis.
_CRISIS = re.compile(
    r"(suicid\w*|kill (myself|himself|herself)|end (my|his|her) life|want to die|self[- ]harm|hurt(ing)? myself|"
    r"me tuer|mettre fin a (mes|ses) jours|envie de mourir|me faire du mal|crisis line|ligne de crise|"
    r"9-8-8|\b988\b)"
)

EMERGENCY_ITEM = "police-emergency-911"
CRISIS_ITEM = "mental-health"
HEALTH_ADVICE_ITEM = "health811"


def urgent_item(message: str) -> str | None:
    """The translation group of the item that must answer this message first, if it is urgent."""
    folded = fold(message)
    if _CRISIS.search(folded):
        return CRISIS_ITEM
    if _EMERGENCY.search(folded):
        return EMERGENCY_ITEM
    if _SYMPTOM.search(folded):
        return HEALTH_ADVICE_ITEM
    return None
