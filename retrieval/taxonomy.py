"""The common taxonomy: topics, jurisdictions, audiences, portals, regions, owners.

Every content item is described with these codes, whatever portal it comes
from; each portal's own tags are mapped to topics through a crosswalk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from retrieval.yamlio import load_yaml

LANGUAGES = ("en", "fr")


class TaxonomyError(ValueError):
    """The taxonomy file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Label:
    en: str
    fr: str

    def in_language(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class Taxonomy:
    """The codes of the common vocabulary, each with an English and French label."""

    topics: dict[str, Label]
    jurisdictions: dict[str, Label]
    audiences: dict[str, Label]
    portals: dict[str, Label]
    regions: dict[str, Label]
    region_parents: dict[str, str]
    owners: dict[str, Label]
    crosswalks: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def region_ancestors(self, code: str) -> list[str]:
        """The region itself and every region above it, nearest first."""
        chain = [code]
        while chain[-1] in self.region_parents:
            chain.append(self.region_parents[chain[-1]])
        return chain

    def region_descendants(self, code: str) -> set[str]:
        """The region and every region below it."""
        found = {code}
        changed = True
        while changed:
            below = {child for child, parent in self.region_parents.items() if parent in found}
            changed = not below <= found
            found |= below
        return found

    def map_portal_tags(self, portal: str, tags: list[str]) -> list[str]:
        """Map a portal's own tags to topic codes through its crosswalk.

        Raises KeyError naming the tag and the known tags when one has no mapping.
        """
        crosswalk = self.crosswalks.get(portal)
        if crosswalk is None:
            raise KeyError(f"no crosswalk for portal '{portal}'; known: {', '.join(sorted(self.crosswalks))}")
        topics: list[str] = []
        for tag in tags:
            if tag not in crosswalk:
                raise KeyError(
                    f"tag '{tag}' has no mapping in the '{portal}' crosswalk; "
                    f"known tags: {', '.join(sorted(crosswalk))}"
                )
            topics.extend(t for t in crosswalk[tag] if t not in topics)
        return topics


def _labels(raw: object, section: str, path: Path) -> dict[str, Label]:
    if not isinstance(raw, dict) or not raw:
        raise TaxonomyError(f"{path}: section '{section}' must be a non-empty mapping")
    labels: dict[str, Label] = {}
    for code, value in raw.items():
        if not isinstance(value, dict) or not value.get("en") or not value.get("fr"):
            raise TaxonomyError(f"{path}: {section}.{code} needs both an 'en' and an 'fr' label")
        labels[str(code)] = Label(en=str(value["en"]), fr=str(value["fr"]))
    return labels


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and check `data/taxonomy.yml`."""
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TaxonomyError(f"{path}: taxonomy file not found") from exc
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{path}: expected a mapping of sections")
    sections = {
        name: _labels(raw.get(name), name, path)
        for name in ("topics", "jurisdictions", "audiences", "portals", "regions", "owners")
    }
    parents = {
        str(code): str(value["parent"])
        for code, value in raw["regions"].items()
        if isinstance(value, dict) and value.get("parent")
    }
    for code, parent in parents.items():
        if parent not in sections["regions"]:
            raise TaxonomyError(f"{path}: region {code} has unknown parent '{parent}'")
    crosswalks: dict[str, dict[str, list[str]]] = {}
    for portal, mapping in (raw.get("crosswalks") or {}).items():
        if portal not in sections["portals"]:
            raise TaxonomyError(f"{path}: crosswalk for unknown portal '{portal}'")
        crosswalks[str(portal)] = {}
        for tag, topics in (mapping or {}).items():
            unknown = [t for t in topics if t not in sections["topics"]]
            if unknown:
                raise TaxonomyError(f"{path}: crosswalks.{portal}.'{tag}' maps to unknown topic(s) {unknown}")
            crosswalks[str(portal)][str(tag)] = [str(t) for t in topics]
    return Taxonomy(region_parents=parents, crosswalks=crosswalks, **sections)
