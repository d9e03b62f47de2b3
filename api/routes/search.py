"""GET /api/search: the shared content index, filtered by metadata."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from api.deps import Index, Settings, Vocabulary
from retrieval.language import detect_official_language
from retrieval.search import SearchFilters

router = APIRouter(prefix="/api", tags=["search"])


class SearchHit(BaseModel):
    id: str
    title: str
    text: str
    url: str
    language: Literal["en", "fr"]
    jurisdiction: Literal["federal", "provincial", "municipal", "community"]
    owner: str
    topic: list[str]
    last_reviewed: str
    score: float


class SearchResponse(BaseModel):
    query: str
    language: Literal["en", "fr"]
    language_fallback: bool
    results: list[SearchHit]


def _unprintable(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\t\n\r" for ch in text)


@router.get("/search", response_model=SearchResponse)
def search(
    index: Index,
    taxonomy: Vocabulary,
    settings: Settings,
    q: Annotated[str, Query(description="The question, 1 to 500 characters.", max_length=5000)] = "",
    lang: Annotated[
        Literal["en", "fr"] | None, Query(description="Language of the answer; detected from q when absent.")
    ] = None,
    k: Annotated[int, Query(ge=1, le=20, description="How many results, 1 to 20.")] = 5,
    jurisdiction: Annotated[Literal["federal", "provincial", "municipal", "community"] | None, Query()] = None,
    region: Annotated[
        str | None, Query(description="A region code of the taxonomy, e.g. ON or ON-ottawa.", max_length=40)
    ] = None,
    topic: Annotated[str | None, Query(description="A topic code of the taxonomy, e.g. health.", max_length=60)] = None,
    audience: Annotated[Literal["prospective", "landed", "both"] | None, Query()] = None,
) -> SearchResponse:
    """Search the shared content index. Results in the other official language are flagged."""
    query = q.strip()
    if not query:
        raise HTTPException(422, "q: the query is empty; send 1 to 500 characters of text")
    if len(query) > settings.max_query_chars:
        raise HTTPException(
            422, f"q: the query has {len(query)} characters; the limit is {settings.max_query_chars}. Shorten it."
        )
    if _unprintable(query):
        raise HTTPException(422, "q: the query contains control or binary characters; send plain text")
    if k > settings.max_k:
        raise HTTPException(422, f"k: must be between 1 and {settings.max_k}")
    if region is not None and region not in taxonomy.regions:
        raise HTTPException(422, f"region: '{region}' is unknown; allowed: {', '.join(taxonomy.regions)}")
    if topic is not None and topic not in taxonomy.topics:
        raise HTTPException(422, f"topic: '{topic}' is unknown; allowed: {', '.join(taxonomy.topics)}")
    language = lang or detect_official_language(query)
    result = index.search(query, language, SearchFilters(jurisdiction, region, topic, audience), k)
    return SearchResponse.model_validate(
        {
            "query": query,
            "language": result.language,
            "language_fallback": result.language_fallback,
            "results": [
                {
                    "id": h.id,
                    "title": h.title,
                    "text": h.text,
                    "url": h.url,
                    "language": h.language,
                    "jurisdiction": h.jurisdiction,
                    "owner": h.owner,
                    "topic": h.topics,
                    "last_reviewed": h.last_reviewed,
                    "score": h.score,
                }
                for h in result.hits
            ],
        }
    )
