"""The assistant's messages, typed: built by the actions, checked by the API, drawn by the widget and the
channels. One model per kind of message, told apart by `type`; every one has `text`, which reads well on a
plain-text channel. The JSON schema is published in the API's OpenAPI document (`ChatResponse.messages`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Jurisdiction = Literal["federal", "provincial", "municipal", "community"]
Language = Literal["en", "fr"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Part):
    """Where a part of an answer comes from and who is responsible for it."""

    title: str
    url: str
    jurisdiction: Jurisdiction
    owner: str = Field(description='Who published it, as the reply names it ("Government of Ontario").')
    language: Language


class Button(_Part):
    title: str
    payload: str


class Link(_Part):
    title: str
    url: str


class ServiceCard(_Part):
    """A service as the chat shows it (services/cards.py); the API's detail view adds the rest."""

    id: str
    name: str
    organization: str
    jurisdiction: Jurisdiction
    url: str | None = None
    phone: str | None = None
    description: str
    access: list[str] = Field(default_factory=list)


class ServiceDetail(ServiceCard):
    languages: list[str]
    regions: list[str]
    needs: list[str]
    statuses: list[str]
    eligibility: str | None = None
    application_process: str | None = None
    required_documents: list[str] = Field(default_factory=list)
    fees: str | None = None
    source: Link
    last_verified: str


class PlaceRef(_Part):
    id: str
    name: str
    province: str


class Cell(_Part):
    """One place's figure for one criterion: `display` is how it reads ("1 763 $ par mois", "not available")."""

    place: str
    value: bool | int | float | str | None
    display: str
    unit: str | None = None
    year: int | str | None = None
    source: CitedSource | None = None


class CitedSource(_Part):
    """Where a place figure comes from: the official page and its publisher, never a copy it was read from."""

    title: str
    url: str
    publisher: str
    publisher_name: str
    table: str | None = None
    retrieved: str


class Row(_Part):
    criterion: str
    label: str
    values: list[Cell]


class Score(_Part):
    place: str
    score: float
    reasons: list[str]
    tradeoffs: list[str]


class Outlook(_Part):
    place: str | None = None
    outlook: str | None = None
    region: str | None = None
    period: str | None = None
    source: Link | None = None


class Regulator(_Part):
    name: str
    url: str


class OccupationSummary(_Part):
    """Whether an occupation is regulated in Ontario, and its Job Bank outlooks."""

    id: str
    name: str
    noc_2021: str | None = None
    regulated_in_ontario: bool
    compulsory_trade: bool | None = None
    regulator: Regulator | None = None
    outlooks: list[Outlook] = Field(default_factory=list)
    sources: list[Link] = Field(default_factory=list)
    text: str


class Comparison(_Part):
    """Places side by side (`criteria`), or recommended from priorities (`priorities`, `scores`)."""

    places: list[PlaceRef]
    criteria: list[Row] = Field(default_factory=list)
    summary: str = ""
    priorities: dict[str, float] | None = None
    opposite: list[str] = Field(default_factory=list)
    scores: list[Score] = Field(default_factory=list)
    occupation: OccupationSummary | None = None


class TextReply(_Part):
    type: Literal["text"] = "text"
    text: str
    buttons: list[Button] = Field(default_factory=list)


class AnswerReply(_Part):
    type: Literal["answer"] = "answer"
    text: str
    sources: list[Source] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)


class ServicesReply(_Part):
    type: Literal["services"] = "services"
    text: str
    services: list[ServiceCard]
    buttons: list[Button] = Field(default_factory=list)


class ComparisonReply(_Part):
    type: Literal["comparison"] = "comparison"
    text: str
    comparison: Comparison
    buttons: list[Button] = Field(default_factory=list)


class ChoicesReply(_Part):
    type: Literal["choices"] = "choices"
    text: str
    buttons: list[Button]


class HandoffReply(_Part):
    type: Literal["handoff"] = "handoff"
    text: str
    sources: list[Source] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)


Reply = Annotated[
    TextReply | AnswerReply | ServicesReply | ComparisonReply | ChoicesReply | HandoffReply,
    Field(discriminator="type"),
]
REPLY: TypeAdapter[Reply] = TypeAdapter(Reply)


def as_json(reply: BaseModel) -> dict[str, object]:
    """The reply as the JSON an action sends through Rasa (`json_message`)."""
    return reply.model_dump(mode="json")
