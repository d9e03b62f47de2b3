"""The Markdown folder source: one file per item and language, YAML front matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from retrieval.content import ContentError, ContentItem
from retrieval.sources import SourceError
from retrieval.taxonomy import Taxonomy
from retrieval.yamlio import Yaml12SafeLoader


class _Yaml12Handler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=Yaml12SafeLoader)


_HANDLER = _Yaml12Handler()


class MarkdownFolder:
    """Reads `<root>/**/<group>.<lang>.md`; the file name without `.md` is the item id."""

    def __init__(self, root: Path, name: str = "markdown"):
        self.root = Path(root)
        self.name = name

    def fingerprint_paths(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.md") if p.name.lower() != "readme.md")

    def load(self, taxonomy: Taxonomy) -> list[ContentItem]:
        if not self.root.is_dir():
            raise SourceError([f"{self.root}: content folder not found"])
        items: list[ContentItem] = []
        problems: list[str] = []
        for path in self.fingerprint_paths():
            try:
                items.append(self._read(path, taxonomy))
            except ContentError as exc:
                problems.extend(str(exc).splitlines())
        if problems:
            raise SourceError(problems)
        return items

    def _read(self, path: Path, taxonomy: Taxonomy) -> ContentItem:
        origin = str(path)
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise ContentError(origin, ["file is not UTF-8 text; save it as UTF-8"]) from None
        if "\x00" in raw:
            raise ContentError(origin, ["file contains NUL bytes; is it a binary file?"])
        if not raw.lstrip().startswith("---"):
            raise ContentError(origin, ["no YAML front matter: the file must start with a '---' line"])
        try:
            post = frontmatter.loads(raw, handler=_HANDLER)
        except yaml.YAMLError as exc:
            raise ContentError(origin, [f"front matter is not valid YAML: {exc}"]) from None
        meta = dict(post.metadata)
        problems = []
        stem = path.name.removesuffix(".md")
        parts = stem.rsplit(".", 1)
        if len(parts) != 2 or parts[1] not in ("en", "fr"):
            problems.append("file name must be <group>.<en|fr>.md")
        else:
            if meta.get("id") not in (None, stem):
                problems.append(f"id: '{meta.get('id')}' must equal the file name '{stem}'")
            if meta.get("language") not in (None, parts[1]):
                problems.append(f"language: '{meta.get('language')}' does not match the file name suffix '.{parts[1]}'")
        try:
            item = ContentItem.from_record({**meta, "body": post.content}, origin, taxonomy)
        except ContentError as exc:
            raise ContentError(origin, [*problems, *exc.problems]) from None
        if problems:
            raise ContentError(origin, problems)
        return item
