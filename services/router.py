"""Route a need to the right service: by place, immigration status and language.

Place: the most local service that covers the place wins (a municipality's,
else the province's, else the federal one). Status: services that list the
statuses they serve are skipped for anyone else. Language: for French
speakers, a service offered in French comes first where one exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from replies.texts import text
from services.directory import Directory, DirectoryEntry


class RoutingError(ValueError):
    """The request named something unknown; the message says what is allowed."""


@dataclass(frozen=True)
class Route:
    need: str
    entry: DirectoryEntry
    explanation: str
    alternatives: list[DirectoryEntry]
    # True when no service of the place itself exists and a wider one (province, Canada) was chosen.
    widened: bool


@dataclass(frozen=True)
class RouteRequest:
    need: str
    region: str | None = None
    status: str | None = None
    language: str = "en"


class ServiceRouter:
    def __init__(self, directory: Directory):
        self.directory = directory
        self.taxonomy = directory.vocabulary.taxonomy

    def _check(self, request: RouteRequest) -> None:
        vocab = self.directory.vocabulary
        if request.need not in vocab.needs:
            raise RoutingError(f"need: '{request.need}' is unknown; allowed: {', '.join(vocab.needs)}")
        if request.region is not None and request.region not in self.taxonomy.regions:
            raise RoutingError(f"place: '{request.region}' is unknown; allowed: {', '.join(self.taxonomy.regions)}")
        if request.status is not None and request.status not in vocab.statuses:
            raise RoutingError(f"status: '{request.status}' is unknown; allowed: {', '.join(vocab.statuses)}")
        if request.language not in ("en", "fr"):
            raise RoutingError(f"lang: '{request.language}' is unknown; allowed: en, fr")

    def candidates(self, request: RouteRequest) -> list[tuple[int, DirectoryEntry]]:
        """(distance, entry) for every eligible service covering the place; 0 = the place itself."""
        chain = self.taxonomy.region_ancestors(request.region or "CA")
        found = []
        for entry in self.directory.entries():
            service = entry.service
            if request.need not in service.needs:
                continue
            if request.status and service.statuses and request.status not in service.statuses:
                continue
            distances = [chain.index(r) for r in service.regions if r in chain]
            if distances:
                found.append((min(distances), entry))
        return found

    def route(self, request: RouteRequest, affinity: Callable[[DirectoryEntry], float] | None = None) -> Route | None:
        """The best service for the request, with an explanation; None when nothing serves it.

        `affinity` scores how well a service fits what the person said: among services as near and as open,
        the engineer gets the engineers' regulator, not the nurses'.
        """
        self._check(request)
        found = self.candidates(request)
        if not found:
            return None

        def rank(item: tuple[int, DirectoryEntry]) -> tuple[int, int, float, int, str]:
            distance, entry = item
            # With no status known, a service open to more people first: to everyone, then to more statuses
            # (the pre-arrival services, for approved permanent residents still abroad, come last).
            served = len(entry.service.statuses) if entry.service.statuses else 1000
            restricted = -served if request.status is None else 0
            fit = -round(affinity(entry), 3) if affinity else 0.0
            french_first = 0 if request.language != "fr" or "fr" in entry.service.languages else 1
            return (distance, restricted, fit, french_first, entry.service.id)

        ordered = sorted(found, key=rank)
        distance, best = ordered[0]
        lang = request.language
        need = self.directory.vocabulary.needs[request.need]
        parts = [
            text(
                "router.chosen",
                lang,
                explain=need.explain.in_language(lang),
                service=best.service.name.get(lang),
                organization=best.organization.name.get(lang),
            )
        ]
        widened = bool(request.region) and distance > 0 and need.level in LOCAL_LEVELS
        if widened:
            parts.append(text("router.widened", lang, place=self.taxonomy.regions[request.region].in_language(lang)))  # type: ignore[index]
        excluded = request.status and any(
            request.need in e.service.needs and e.service.statuses and request.status not in e.service.statuses
            for e in self.directory.entries()
        )
        if excluded:
            parts.append(text("router.status_note", lang))
        return Route(request.need, best, " ".join(parts), [e for _, e in ordered[1:4]], widened)


# Levels whose services differ from one city to the next: a wider one found for a place was "widened".
LOCAL_LEVELS = frozenset({"municipal", "community"})
# Levels where the place picks the service or its office (Ontario's ServiceOntario centres too): the chat
# asks where the person lives before routing. A provincial service is the right one for any city of the
# province, never a fallback.
PLACE_LEVELS = LOCAL_LEVELS | {"provincial"}
