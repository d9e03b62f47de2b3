"""Redaction latency per message (privacy/), over the labelled messages of data/eval/privacy.

Run with `make bench` (or `python -m bench.privacy`). One process, the engine loaded once,
as in the API; every message is redacted `--repeat` times. Writes docs/bench.md (privacy block).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from importlib.metadata import version

from bench import percentile
from privacy.engine import Redactor
from privacy.evaluate import SPLITS, load_messages
from retrieval.report import write_block
from retrieval.settings import ROOT


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.privacy")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the labelled messages")
    args = parser.parse_args()
    started = time.perf_counter()
    redactor = Redactor()
    load_seconds = time.perf_counter() - started
    messages = [m for split in SPLITS for m in load_messages(split)]
    for m in messages[:20]:  # warm up
        redactor.redact(m.text, m.lang)
    rows = []
    for label, chosen in (
        ("with personal information", [m for m in messages if m.kind == "positive"]),
        ("hard negatives", [m for m in messages if m.kind == "hard_negative"]),
        ("all, language not given (guessed)", messages),
    ):
        samples = []
        for _ in range(args.repeat):
            for m in chosen:
                lang = None if label.startswith("all") else m.lang
                t0 = time.perf_counter()
                redactor.redact(m.text, lang)
                samples.append((time.perf_counter() - t0) * 1000)
        rows.append(
            f"| {label} | {len(samples)} | {statistics.median(samples):.2f} | {percentile(samples, 95):.2f} "
            f"| {max(samples):.1f} |"
        )
    text = "\n".join(
        [
            f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
            f"presidio-analyzer {version('presidio-analyzer')}, spacy {version('spacy')}; "
            f"engine loaded once in {load_seconds:.1f} s. Bar: p95 ≤ 15 ms per message.",
            "",
            "| redaction (privacy/) | messages | p50 ms | p95 ms | max ms |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
        ]
    )
    print(text)
    out = ROOT / "docs" / "bench.md"
    write_block(out, "privacy", text, heading="## Redaction")
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
