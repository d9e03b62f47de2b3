"""Who published an answer's source and who is responsible: one line per part, in the reply's language.

The level of government responsible (the item's `jurisdiction`, the routing
answer) and the publisher of the linked page (data/publishers.yml) are two
facts: a government is named only when that government published the page.
"""

from __future__ import annotations

from replies.texts import text
from retrieval.publishers import Publisher, default_publishers


def publisher_of(url: str) -> Publisher | None:
    """The registered publisher of the page at `url`."""
    return default_publishers().for_url(url)


def publisher_label(url: str, language: str, fallback: str) -> str:
    """ "Government of Ontario", "College of Nurses of Ontario (regulator)"; `fallback` if unregistered."""
    publisher = publisher_of(url)
    return publisher.label(language) if publisher else fallback


def responsibility_line(jurisdiction: str, url: str, language: str, fallback: str) -> str:
    """The line under a source: the level responsible, and the publisher when it is not that government.

    "Level of government responsible: federal — Government of Canada."
    "Level of government responsible: provincial. Published by: College of Nurses of Ontario (regulator)."
    "Offered by a community organization: Settlement.Org (community information)."
    """
    publisher = publisher_of(url)
    label = publisher.label(language) if publisher else fallback
    if publisher is None or publisher.kind.value == jurisdiction:
        return text(f"responsible_{jurisdiction}", language, owner=label)
    return text(f"responsible_{jurisdiction}_published", language, publisher=label)
