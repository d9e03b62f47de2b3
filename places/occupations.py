"""Occupations: NOC 2021 code, regulation in Ontario (with the regulator), Job Bank outlooks.

`data/occupations.yml` holds ~35 occupations newcomers often have. The assistant
uses it to say, next to a comparison or a recommendation, whether someone's
occupation is regulated in Ontario (and who licenses it) and what Job Bank's
employment outlook was where one was found, region by region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from places.data import FigureSource, Names
from replies.models import Link, OccupationSummary
from replies.models import Outlook as OutlookPart
from replies.models import Regulator as RegulatorPart
from replies.texts import text
from retrieval.folding import fold
from retrieval.settings import ROOT
from retrieval.yamlio import load_yaml

OCCUPATIONS_FILE = ROOT / "data" / "occupations.yml"


class Aliases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: list[str] = Field(default_factory=list)
    fr: list[str] = Field(default_factory=list)


class Regulator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Names
    url: str = Field(pattern=r"^https://\S+$")


class Outlook(BaseModel):
    """One Job Bank employment outlook: an economic region (or "Ontario"), a rating, a period."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    region: str
    places: list[str] = Field(default_factory=list)
    outlook: Literal["very good", "good", "moderate", "fair", "limited", "very limited"]
    period: str = Field(pattern=r"^\d{4}-\d{4}$")
    source: FigureSource


class Occupation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Names
    aliases: Aliases = Aliases()
    noc_2021: str | None = Field(default=None, pattern=r"^\d{5}$")
    noc_title: Names | None = None
    regulated_on: bool
    regulator: Regulator | None = None
    compulsory_trade: bool | None = None
    sources: list[FigureSource] = Field(min_length=1)
    outlooks: list[Outlook] = Field(default_factory=list)


class OccupationsError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} occupation data problem(s):\n" + "\n".join(problems))


@dataclass
class OccupationBook:
    occupations: dict[str, Occupation]
    # (folded name length, whole-word pattern, occupation) for every name and alias, built once.
    _names: list[tuple[int, re.Pattern[str], Occupation]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._names = []
        for occupation in self.occupations.values():
            names = [occupation.name.en, occupation.name.fr, *occupation.aliases.en, *occupation.aliases.fr]
            keys = {fold(v) for name in names for v in (name, *(part.strip() for part in name.split("/")))}
            for key in keys:
                if len(key) >= 2:
                    # Whole words only; a trailing "s" covers plurals ("nurses", "ingénieurs").
                    pattern = re.compile(rf"(?<![\w-]){re.escape(key)}s?(?![\w-])")
                    self._names.append((len(key), pattern, occupation))

    @classmethod
    def load(cls, path: Path = OCCUPATIONS_FILE, place_ids: set[str] | None = None) -> OccupationBook:
        """Every problem is named (entry, field, what is allowed) before anything is used."""
        problems: list[str] = []
        try:
            raw = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OccupationsError([f"{path}: cannot be read ({exc})"]) from None
        entries = raw.get("occupations") if isinstance(raw, dict) else None
        if not isinstance(entries, list):
            raise OccupationsError([f"{path}: expected a mapping with a list under 'occupations'"])
        found: dict[str, Occupation] = {}
        for n, entry in enumerate(entries, 1):
            label = f"{path.name} entry {n} ({entry.get('id', '?') if isinstance(entry, dict) else '?'})"
            try:
                occupation = Occupation.model_validate(entry)
            except ValidationError as exc:
                for error in exc.errors():
                    where = ".".join(str(p) for p in error["loc"])
                    problems.append(f"{label}: {where}: {error['msg']}")
                continue
            if occupation.id in found:
                problems.append(f"{label}: id '{occupation.id}' is used twice")
            for outlook in occupation.outlooks:
                unknown = [p for p in outlook.places if place_ids is not None and p not in place_ids]
                if unknown:
                    problems.append(f"{label}: outlook {outlook.region}: unknown place id(s) {unknown}")
            found[occupation.id] = occupation
        if problems:
            raise OccupationsError(problems)
        return cls(found)

    def get(self, occupation_id: str) -> Occupation | None:
        return self.occupations.get(occupation_id)

    def find(self, text: str) -> Occupation | None:
        """The occupation someone names ("I'm a nurse", "infirmière", "ingenieur civil"): the longest name wins."""
        folded = f" {fold(text)} "
        best: tuple[int, Occupation] | None = None
        for length, pattern, occupation in self._names:
            if (best is None or length > best[0]) and pattern.search(folded):
                best = (length, occupation)
        return best[1] if best else None


def outlook_for(occupation: Occupation, place_id: str, province: str) -> Outlook | None:
    """The outlook for the economic region named after the place, else Ontario's for an Ontario place."""
    regional = [o for o in occupation.outlooks if place_id in o.places]
    if regional:
        return max(regional, key=lambda o: o.period)
    if province == "ON":
        provincial = [o for o in occupation.outlooks if o.region == "Ontario"]
        if provincial:
            return max(provincial, key=lambda o: o.period)
    return None


def _t(key: str, language: str, **values: Any) -> str:
    return text(f"occupations.{key}", language, **values)


def outlook_text(outlook: Outlook, language: str) -> str:
    rating = text(f"occupations.rating.{outlook.outlook.replace(' ', '_')}", language)
    return _t("outlook", language, region=outlook.region, period=outlook.period.replace("-", "–"), rating=rating)


def _outlook(outlook: Outlook | None, place: str | None = None) -> OutlookPart:
    if outlook is None:
        return OutlookPart(place=place)
    return OutlookPart(
        place=place,
        outlook=outlook.outlook,
        region=outlook.region,
        period=outlook.period,
        source=Link(title=outlook.source.title, url=outlook.source.url),
    )


def occupation_summary(
    occupation: Occupation, language: str, places: list[tuple[str, str, str]] | None = None
) -> OccupationSummary:
    """What to tell someone about their occupation; `places` are (id, name, province) being compared.

    The structured data, and `text`, readable on a plain-text channel.
    """
    name = occupation.name.get(language)
    lines: list[str] = []
    regulator = occupation.regulator
    if occupation.regulated_on and regulator is not None:
        key = "trade" if occupation.compulsory_trade else "regulated"
        lines.append(_t(key, language, name=name, regulator=regulator.name.get(language), url=regulator.url))
    elif occupation.regulated_on:
        lines.append(_t("regulated_no_regulator", language, name=name))
    else:
        lines.append(_t("not_regulated", language, name=name))
    if occupation.noc_2021:
        lines.append(_t("noc", language, code=occupation.noc_2021))
    if places:
        found = [(place_id, name_, outlook_for(occupation, place_id, province)) for place_id, name_, province in places]
        outlooks = [_outlook(o, place_id) for place_id, _, o in found]
        outlook_lines = [f"{name_}: {outlook_text(o, language)}" for _, name_, o in found if o]
    else:
        outlooks = [_outlook(o) for o in occupation.outlooks]
        outlook_lines = [outlook_text(o, language) for o in occupation.outlooks]
    lines.extend(outlook_lines)
    lines.append(_t("outlook_hint" if outlook_lines else "no_outlook", language))
    return OccupationSummary(
        id=occupation.id,
        name=name,
        noc_2021=occupation.noc_2021,
        regulated_in_ontario=occupation.regulated_on,
        compulsory_trade=occupation.compulsory_trade,
        regulator=RegulatorPart(name=regulator.name.get(language), url=regulator.url) if regulator else None,
        outlooks=outlooks,
        sources=[Link(title=s.title, url=s.url) for s in occupation.sources],
        text="\n".join(lines),
    )
