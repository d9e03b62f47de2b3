"""Whole conversations through the running assistant, judged turn by turn (data/eval/conversations/).

`python -m bot.evaluation --api http://127.0.0.1:8000 [--write docs/dialogue.md] [--show dev]`

Each conversation is held as a person would hold it: one session, message
after message through `POST /api/chat`, buttons clicked by their words. A
turn passes when the reply is in the expected language, its own text
contains one of the expected strings, names none of the wrong ones, comes
from the expected level of government and offers the expected buttons. A
conversation succeeds when all its turns pass (turns marked `gap`, where the
content lacks what a good answer needs, are counted apart).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from retrieval.folding import fold
from retrieval.report import write_block

CONVERSATIONS = Path(__file__).resolve().parent.parent / "data" / "eval" / "conversations"
_SOURCE_LINE = ("Source :", "Source:")


@dataclass
class TurnResult:
    user: str
    passed: bool
    gap: bool
    problems: list[str]
    reply: str


@dataclass
class ConversationResult:
    id: str
    language: str
    split: str
    turns: list[TurnResult] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return all(t.passed for t in self.turns if not t.gap)


def _own_text(messages: list[dict[str, Any]]) -> str:
    lines = [line for m in messages for line in m.get("text", "").splitlines()]
    return "\n".join(line for line in lines if not line.strip().startswith(_SOURCE_LINE))


def _levels(messages: list[dict[str, Any]]) -> set[str]:
    found: set[str] = set()
    for m in messages:
        found.update(s.get("jurisdiction") for s in m.get("sources") or [])
        found.update(s.get("jurisdiction") for s in m.get("services") or [])
        text = fold(m.get("text", ""))
        for level, words in {
            "federal": ("federal", "federal"),
            "provincial": ("provincial", "provincial"),
            "municipal": ("municipal", "municipal"),
            "community": ("community organization", "organisme communautaire"),
        }.items():
            if any(w in text for w in words):
                found.add(level)
    return {f for f in found if f}


def judge(expect: dict[str, Any], body: dict[str, Any]) -> list[str]:
    """What is wrong with one reply, given what the turn expects (empty: it passes)."""
    messages = body.get("messages") or []
    text = fold(_own_text(messages))
    problems = []
    if expect.get("language") and body.get("language") != expect["language"]:
        problems.append(f"language {body.get('language')} (expected {expect['language']})")
    wanted = expect.get("any_of") or []
    if wanted and not any(fold(w) in text for w in wanted):
        problems.append(f"none of {wanted}")
    wrong = [w for w in expect.get("not") or [] if fold(w) in text]
    if wrong:
        problems.append(f"says {wrong}")
    if expect.get("level") and expect["level"] not in _levels(messages):
        problems.append(f"level {sorted(_levels(messages))} (expected {expect['level']})")
    buttons = [fold(b.get("title", "")) for m in messages for b in m.get("buttons") or []]
    for words in expect.get("buttons") or []:
        if not any(fold(words) in b for b in buttons):
            problems.append(f"no button '{words}'")
    return problems


def run_conversation(client: httpx.Client, conversation: dict[str, Any], language: str) -> ConversationResult:
    result = ConversationResult(conversation["id"], language, conversation.get("split", "dev"))
    session: str | None = None
    previous: dict[str, Any] = {}
    for turn in conversation["turns"]:
        user = str(turn["user"])
        expect = turn.get("expect") or {}
        message = user
        if user.startswith("click:"):
            words = fold(user.removeprefix("click:").strip())
            offered = [b for m in previous.get("messages") or [] for b in m.get("buttons") or []]
            chosen = next((b for b in offered if words in fold(b.get("title", ""))), None)
            if chosen is None:
                result.turns.append(TurnResult(user, False, bool(expect.get("gap")), ["button not offered"], ""))
                continue
            message = chosen["payload"]
        response = client.post("/api/chat", json={"message": message, "session_id": session})
        if response.status_code != 200:
            result.turns.append(
                TurnResult(user, False, bool(expect.get("gap")), [f"HTTP {response.status_code}"], response.text)
            )
            continue
        body = response.json()
        session = body["session_id"]
        previous = body
        problems = judge(expect, body)
        reply = "\n".join(m.get("text", "") for m in body.get("messages") or [])
        result.turns.append(TurnResult(user, not problems, bool(expect.get("gap")), problems, reply))
    return result


def load(folder: Path = CONVERSATIONS) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += [(path.stem, c) for c in data.get("conversations") or []]
    return out


def report(results: list[ConversationResult]) -> str:
    lines = [
        "| language | split | conversations | turns | turn accuracy | conversation success | gap turns passed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for language in ("en", "fr"):
        for split in ("dev", "heldout", "all"):
            rows = [r for r in results if r.language == language and split in ("all", r.split)]
            if not rows:
                continue
            turns = [t for r in rows for t in r.turns if not t.gap]
            gaps = [t for r in rows for t in r.turns if t.gap]
            accuracy = sum(t.passed for t in turns) / len(turns) if turns else 0.0
            success = sum(r.success for r in rows) / len(rows)
            gap = f"{sum(t.passed for t in gaps)}/{len(gaps)}" if gaps else "—"
            lines.append(
                f"| {language} | {split} | {len(rows)} | {len(turns)} | {accuracy:.2f} | {success:.2f} | {gap} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8000", help="the running API")
    parser.add_argument("--write", type=Path, help="Markdown file whose results table to replace")
    parser.add_argument("--show", choices=["dev"], help="print the failed turns of dev conversations")
    args = parser.parse_args(argv)
    client = httpx.Client(base_url=args.api, timeout=60.0)
    try:
        client.get("/healthz")
    except httpx.HTTPError as exc:
        print(
            f"the API at {args.api} is not reachable ({type(exc).__name__}): start it with `make run`", file=sys.stderr
        )
        return 2
    results = [run_conversation(client, c, language) for language, c in load()]
    table = report(results)
    print(table)
    if args.show == "dev":
        for r in results:
            if r.split != "dev" or r.success:
                continue
            print(f"\n## {r.id}")
            for t in r.turns:
                mark = "ok " if t.passed else ("gap" if t.gap else "BAD")
                print(f"[{mark}] {t.user}")
                if not t.passed:
                    print(f"      {'; '.join(t.problems)}")
                    print("      " + t.reply[:300].replace("\n", "\n      "))
    if args.write:
        write_block(args.write, "conversations", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
