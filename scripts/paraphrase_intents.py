"""Parse the template-intent paraphrases with the trained dialogue model (run with .venv-rasa's Python).

Writes {text: {"intent": name, "confidence": c, "ranking": [[name, c], ...]}} as JSON for
tests/test_paraphrased_templates.py and scripts/paraphrase_report.py. The model is only read.

    .venv-rasa/bin/python scripts/paraphrase_intents.py [--model models/dialogue] [--out var/paraphrase-intents.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

import yaml

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the model's custom component (bot.nlu.intents) is loaded from the project


def texts() -> list[str]:
    raw = yaml.safe_load((ROOT / "tests" / "data" / "paraphrases.yml").read_text(encoding="utf-8"))
    return [
        row["text"]
        for group in raw["templates"].values()
        for lang in ("en", "fr")
        for polarity in ("positive", "negative")
        for row in group[lang][polarity]
    ]


def main() -> None:
    from rasa.core.agent import Agent

    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "dialogue")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "paraphrase-intents.json")
    args = parser.parse_args()
    model = args.model if args.model.is_file() else max(args.model.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    agent = Agent.load(str(model))
    parsed = {}
    for text in texts():
        result = asyncio.run(agent.parse_message(text))
        parsed[text] = {
            "intent": result["intent"]["name"],
            "confidence": round(float(result["intent"].get("confidence") or 0.0), 4),
            "ranking": [
                [r["name"], round(float(r["confidence"]), 4)] for r in (result.get("intent_ranking") or [])[:3]
            ],
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(parsed, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(parsed)} messages parsed with {model.name} -> {args.out}")


if __name__ == "__main__":
    main()
