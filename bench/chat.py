"""/api/chat latency at 1 and 8 concurrent conversations, beside Rasa's bare REST webhook.

Starts the real rasa + actions + api (as the end-to-end tests do), sends the
same scripted conversations through both doors, and prints p50/p95.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from bench import percentile
from retrieval.report import write_block
from retrieval.settings import ROOT
from tests.e2e import running_stack

CONVERSATION = [
    "hello",
    "how do I get a health card in Ontario?",
    "I live in Ottawa",
    "where can I get a library card?",
    "comment obtenir mon numéro d'assurance sociale?",
    "thank you",
]


async def _conversation(client: httpx.AsyncClient, url: str, gateway: bool, samples: list[float]) -> None:
    session: str | None = None
    sender = uuid.uuid4().hex
    for message in CONVERSATION:
        body = {"message": message, "session_id": session} if gateway else {"sender": sender, "message": message}
        started = time.perf_counter()
        response = await client.post(url, json=body)
        samples.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        if gateway:
            session = response.json()["session_id"]


async def _load(url: str, gateway: bool, concurrency: int, conversations: int) -> list[float]:
    samples: list[float] = []
    async with httpx.AsyncClient(timeout=60) as client:
        queue = list(range(conversations))

        async def worker() -> None:
            while queue:
                queue.pop()
                await _conversation(client, url, gateway, samples)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, running_stack(Path(tmp)) as stack:
        doors = {
            "POST /api/chat (gateway → rasa → actions)": (f"{stack.api}/api/chat", True),
            "Rasa REST webhook, bare": (f"http://127.0.0.1:{stack.ports['rasa']}/webhooks/rest/webhook", False),
        }
        asyncio.run(_load(doors["POST /api/chat (gateway → rasa → actions)"][0], True, 1, 2))  # warm up
        lines = [
            "| door | concurrent conversations | requests | p50 ms | p95 ms | requests/s |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        print("\n".join(lines), flush=True)
        for concurrency, conversations in ((1, 8), (8, 24)):
            for name, (url, gateway) in doors.items():
                started = time.perf_counter()
                samples = asyncio.run(_load(url, gateway, concurrency, conversations))
                elapsed = time.perf_counter() - started
                lines.append(
                    f"| {name} | {concurrency} | {len(samples)} | {statistics.median(samples):.0f} | "
                    f"{percentile(samples, 95):.0f} | {len(samples) / elapsed:.1f} |"
                )
                print(lines[-1], flush=True)
    write_block(ROOT / "docs" / "bench.md", "chat", "\n".join(lines), heading="## Chat")


if __name__ == "__main__":
    main()
