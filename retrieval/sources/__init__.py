"""Content source adapters: each turns one publishing platform's export into ContentItems."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from retrieval.content import ContentItem
from retrieval.taxonomy import Taxonomy


class SourceError(ValueError):
    """A source could not be read, or some of its records broke the schema.

    `problems` lists every problem found, each naming the file or record.
    """

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class ContentSource(Protocol):
    """Where content items come from: a folder of Markdown, a CMS feed, ..."""

    name: str

    def load(self, taxonomy: Taxonomy) -> list[ContentItem]:
        """Every item of the source, validated; raise SourceError listing all problems."""
        ...

    def fingerprint_paths(self) -> list[Path]:
        """The files whose bytes decide what this source yields (for the content hash)."""
        ...
