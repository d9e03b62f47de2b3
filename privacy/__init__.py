"""Find personal information in what people type, in English and French, and replace it.

A library: it knows nothing of Rasa or FastAPI. The gateway calls `Redactor.redact`
once, at the edge, before a message is stored, logged or sent anywhere.
"""

from privacy.engine import Redaction, Redactor, default_redactor
from privacy.kinds import PLACEHOLDERS, Kind

__all__ = ["PLACEHOLDERS", "Kind", "Redaction", "Redactor", "default_redactor"]
