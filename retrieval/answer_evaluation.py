"""Does the reply state the fact that was asked? Measured on data/eval/answers/.

Each question names the fact (a number, a name, a deadline) that must appear
in the reply's own text — not in a title or a source line. Two ways of
replying are compared on the same retrieval: the answer composer
(`retrieval.answers`) and the baseline the assistant used before it, the
first sentences of the best passage.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from retrieval.answers import answer_from_index
from retrieval.folding import fold
from retrieval.search import SearchFilters, SearchIndex
from retrieval.text import first_sentences

ANSWERS_DIR = Path(__file__).resolve().parent.parent / "data" / "eval" / "answers"


@dataclass(frozen=True)
class FactQuestion:
    id: str
    q: str
    language: str
    topic: str
    item: str
    expect: tuple[str, ...]
    split: str
    region: str | None = None


def load_questions(folder: Path = ANSWERS_DIR) -> list[FactQuestion]:
    questions: list[FactQuestion] = []
    for path in sorted(folder.glob("*.yml")):
        language = path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("questions") or []:
            questions.append(
                FactQuestion(
                    id=str(raw["id"]),
                    q=str(raw["q"]),
                    language=language,
                    topic=str(raw.get("topic", "")),
                    item=str(raw.get("item", "")),
                    expect=tuple(str(e) for e in raw["expect"]),
                    split=str(raw.get("split", "dev")),
                    region=raw.get("region"),
                )
            )
    return questions


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text.replace("\u00a0", " ").replace("\u202f", " "))).strip()


def states_fact(reply: str, expect: Iterable[str]) -> bool:
    """True when any expected string appears in the reply (case, accents and spacing aside)."""
    said = _normal(reply)
    return any(_normal(e) in said for e in expect)


Replier = Callable[[FactQuestion], str]


def composer(index: SearchIndex) -> Replier:
    def reply(question: FactQuestion) -> str:
        result = index.search(question.q, question.language, SearchFilters(region=question.region), k=3)
        if not result.hits:
            return ""
        answer = answer_from_index(index, question.q, result.hits, result.language)
        return answer.text if answer else ""

    return reply


def baseline(index: SearchIndex) -> Replier:
    def reply(question: FactQuestion) -> str:
        result = index.search(question.q, question.language, SearchFilters(region=question.region), k=3)
        return first_sentences(result.hits[0].text, 70) if result.hits else ""

    return reply


# Lines of a chat reply that are not its own text: sources and who is responsible.
_TRAILER = re.compile(
    r"^(Source ?:|Level of government responsible|Ordre de gouvernement responsable|Offered by|Offert par|"
    r"This information is only available|Cette information n'existe)"
)


def own_text(reply: str) -> str:
    """A chat reply without its source and responsibility lines."""
    return "\n".join(line for line in reply.splitlines() if not _TRAILER.match(line.strip()))


def through_chat(base_url: str) -> Replier:
    """Ask each question in a new conversation through the running API's /api/chat, as a person would."""
    import httpx

    client = httpx.Client(base_url=base_url, timeout=60.0)

    def reply(question: FactQuestion) -> str:
        response = client.post("/api/chat", json={"message": question.q})
        if response.status_code != 200:
            return ""
        return own_text("\n".join(m["text"] for m in response.json()["messages"]))

    return reply


@dataclass
class Outcome:
    question: FactQuestion
    reply: str
    passed: bool

    @property
    def words(self) -> int:
        return len(self.reply.split())


def run(questions: list[FactQuestion], replier: Replier) -> list[Outcome]:
    outcomes = []
    for question in questions:
        reply = replier(question)
        outcomes.append(Outcome(question, reply, states_fact(reply, question.expect)))
    return outcomes


def _share(outcomes: list[Outcome]) -> str:
    return f"{sum(o.passed for o in outcomes) / len(outcomes):.2f}" if outcomes else "—"


def report(results: dict[str, list[Outcome]]) -> str:
    """Markdown tables: the share of replies stating the fact, per language and split, per topic."""
    names = list(results)
    lines = [
        "| language | split | questions | "
        + " | ".join(f"fact stated: {n}" for n in names)
        + " | median words: "
        + names[0]
        + " |",
        "| --- | --- | ---: | " + " | ".join("---:" for _ in names) + " | ---: |",
    ]
    first = results[names[0]]
    for language in ("en", "fr"):
        for split in ("dev", "heldout", "all"):
            rows = [
                [o for o in results[n] if o.question.language == language and split in ("all", o.question.split)]
                for n in names
            ]
            if not rows[0]:
                continue
            median = statistics.median(o.words for o in rows[0])
            lines.append(
                f"| {language} | {split} | {len(rows[0])} | " + " | ".join(_share(r) for r in rows) + f" | {median:g} |"
            )
    by_topic: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, o in enumerate(first):
        by_topic[(o.question.topic, o.question.language)].append(n)
    lines += [
        "",
        "| topic | language | questions | " + " | ".join(names) + " |",
        "| --- | --- | ---: | " + " | ".join("---:" for _ in names) + " |",
    ]
    for (topic, language), rows_n in sorted(by_topic.items()):
        lines.append(
            f"| {topic} | {language} | {len(rows_n)} | "
            + " | ".join(_share([results[n][i] for i in rows_n]) for n in names)
            + " |"
        )
    return "\n".join(lines)


def failures(outcomes: list[Outcome], split: str = "dev") -> list[Outcome]:
    return [o for o in outcomes if not o.passed and o.question.split == split]
