"""Routing accuracy on the development scenarios (data/eval/routing/*.yml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from retrieval.yamlio import load_yaml
from services.directory import Directory
from services.router import RouteRequest, ServiceRouter


@dataclass(frozen=True)
class Scenario:
    message: str
    lang: str
    place: str | None
    status: str | None
    need: str
    service: str
    origin: str


def load_scenarios(folder: Path, directory: Directory) -> list[Scenario]:
    scenarios, problems = [], []
    for path in sorted(folder.glob("*.yml")):
        for n, raw in enumerate(load_yaml(path.read_text(encoding="utf-8")) or []):
            where = f"{path}[{n}]"
            try:
                scenario = Scenario(
                    str(raw["message"]),
                    raw["lang"],
                    raw.get("place"),
                    raw.get("status"),
                    raw["need"],
                    raw["service"],
                    where,
                )
            except (KeyError, TypeError):
                problems.append(f"{where}: needs message, lang, need and service (place and status optional)")
                continue
            if scenario.service not in directory.services:
                problems.append(f"{where}: service '{scenario.service}' is not in the directory")
            elif scenario.need not in directory.vocabulary.needs:
                problems.append(f"{where}: need '{scenario.need}' is unknown")
            else:
                scenarios.append(scenario)
    if problems:
        raise ValueError("\n".join(problems))
    return scenarios


@dataclass(frozen=True)
class RoutingScores:
    language: str
    count: int
    routing: float  # the router, given the need
    need: float  # the need read from the message
    end_to_end: float  # message -> need -> service


def evaluate(
    directory: Directory, scenarios: list[Scenario], classify: Callable[[str, str], str | None] | None = None
) -> tuple[list[RoutingScores], list[str]]:
    router = ServiceRouter(directory)
    failures: list[str] = []
    rows = []
    for language in ("en", "fr"):
        subset = [s for s in scenarios if s.lang == language]
        if not subset:
            continue
        routed = need_ok = both = 0
        for s in subset:
            route = router.route(RouteRequest(s.need, s.place, s.status, s.lang))
            got = route.entry.service.id if route else None
            routed += got == s.service
            if got != s.service:
                failures.append(f"{s.origin}: routed to {got}, expected {s.service}")
            if classify is not None:
                guessed = classify(s.message, s.lang)
                need_ok += guessed == s.need
                if guessed is not None:
                    end = router.route(RouteRequest(guessed, s.place, s.status, s.lang))
                    both += bool(end) and end.entry.service.id == s.service  # type: ignore[union-attr]
        n = len(subset)
        rows.append(
            RoutingScores(
                language,
                n,
                routed / n,
                need_ok / n if classify else float("nan"),
                both / n if classify else float("nan"),
            )
        )
    return rows, failures


def markdown_table(rows: list[RoutingScores]) -> str:
    lines = [
        "| lang | scenarios | routing accuracy (given the need) | need read from the message "
        "| end to end (message → service) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {r.language} | {r.count} | {r.routing:.3f} | {r.need:.3f} | {r.end_to_end:.3f} |" for r in rows]
    return "\n".join(lines)
