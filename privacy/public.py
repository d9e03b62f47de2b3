"""What is public and must stay: service phone numbers, office addresses and postal codes, service emails.

Read once from the content and the service directory, so a number that the assistant itself
gives out is never removed when a person types it back ("I called 613-546-0000 but...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from privacy import patterns
from privacy.checksums import digits

ROOT = Path(__file__).resolve().parent.parent
# Services everyone may call; the IRCC Client Support Centre is 1-888-242-2100.
ALWAYS_PUBLIC_NUMBERS = ("211", "911", "311", "18882422100")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_SKIP = {"de", "la", "l'", "l’", "du", "des", "d'", "d’", "rue", "avenue", "the"}


def phone_key(text: str) -> str:
    """Digits of a phone number without the North American country code."""
    ds = digits(text)
    return ds[1:] if len(ds) == 11 and ds.startswith("1") else ds


def postal_key(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def address_key(number: str, name: str) -> str:
    """'362 Montreal Street' and '362, rue Montreal' are the same office: number and first name word."""
    words = [w for w in re.split(r"[\s,]+", name.lower()) if w and w not in _NAME_SKIP]
    first = re.sub(r"[^\w'’-]", "", words[0]) if words else ""
    return f"{digits(number)} {first}"


@dataclass
class PublicInfo:
    numbers: set[str] = field(default_factory=lambda: {phone_key(n) for n in ALWAYS_PUBLIC_NUMBERS})
    postal_codes: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)

    def add_text(self, text: str) -> None:
        for m in patterns.PHONE_NANP.finditer(text):
            self.numbers.add(phone_key(m.group(0).split("ext")[0].split("x")[0]))
        for m in patterns.POSTAL_CODE.finditer(text):
            self.postal_codes.add(postal_key(m.group(0)))
        for regex in (patterns.ADDRESS_EN, patterns.ADDRESS_FR):
            for m in regex.finditer(text):
                self.addresses.add(address_key(m.group("number"), m.group("name")))
        for m in _EMAIL.finditer(text):
            self.emails.add(m.group(0).lower())

    @classmethod
    def from_folders(cls, *folders: Path) -> PublicInfo:
        info = cls()
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".md", ".yml", ".yaml", ".json") and path.is_file():
                    info.add_text(path.read_text(encoding="utf-8"))
        return info

    @classmethod
    def from_repository(cls) -> PublicInfo:
        """The content index sources and the service directory of this repository."""
        return cls.from_folders(ROOT / "data" / "content", ROOT / "data" / "services")
