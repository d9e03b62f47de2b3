"""Keep generated tables in the docs: replace a marked block of a Markdown file, or append it."""

from __future__ import annotations

import re
from pathlib import Path


def write_block(path: Path, name: str, text: str, heading: str = "") -> None:
    """Put `text` between `<!-- name:start -->` and `<!-- name:end -->` in the file."""
    doc = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"<!-- {name}:start -->\n{text}\n<!-- {name}:end -->"
    pattern = rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->"
    if re.search(pattern, doc, flags=re.S):
        doc = re.sub(pattern, lambda _: block, doc, flags=re.S)
    else:
        doc = doc.rstrip() + ("\n\n" + heading if heading else "") + "\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")
