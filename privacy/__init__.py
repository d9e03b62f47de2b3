"""Find personal information in what people type, in English and French, and replace it.

A library: it knows nothing of Rasa or FastAPI. The gateway calls `Redactor.redact`
once, at the edge, before a message is stored, logged or sent anywhere.

The engine (spaCy, Presidio: seconds to import) loads when one of these names is first used, so
that reading `privacy.settings` (every process's settings, nwd.settings) does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacy.engine import Redaction, Redactor, default_redactor
    from privacy.kinds import PLACEHOLDERS, Kind

__all__ = ["PLACEHOLDERS", "Kind", "Redaction", "Redactor", "default_redactor"]
_HOME = {
    "Redaction": "privacy.engine",
    "Redactor": "privacy.engine",
    "default_redactor": "privacy.engine",
    "PLACEHOLDERS": "privacy.kinds",
    "Kind": "privacy.kinds",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'privacy' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOME[name]), name)
