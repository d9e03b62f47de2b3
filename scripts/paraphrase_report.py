"""Pass rates on the paraphrases written apart from the training data (tests/data/paraphrases.yml).

Per group, language and half (dev: thresholds chosen on it; held-out: only reported). Priorities with
keywords alone and with the encoder; the encoder's margin over "nothing asked" swept on the dev half. Template intents
need the NLU parses, written by scripts/paraphrase_intents.py (run with .venv-rasa's Python).

    .venv/bin/python scripts/paraphrase_report.py [--intents var/paraphrase-intents.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from places.meaning import PriorityMeaning, meaning_for  # noqa: E402
from places.reading import read_priorities  # noqa: E402
from retrieval.encoders import get_encoder  # noqa: E402
from tests.paraphrases import Case, need_cases, need_problem, priority_cases, priority_problems  # noqa: E402


def table(title: str, results: list[tuple[Case, bool]]) -> str:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case, ok in results:
        for key in ((case.language, case.split), (case.language, "all")):
            counts[key][0] += ok
            counts[key][1] += 1
    cells = []
    for lang in ("en", "fr"):
        for split in ("dev", "heldout", "all"):
            n, total = counts[(lang, split)]
            cells.append(f"{n}/{total}" if total else "-")
    return f"| {title} | " + " | ".join(cells) + " |"


def priorities(encoder, margin: float | None) -> list[tuple[Case, bool]]:
    from places import meaning

    out = []
    if margin is not None:
        shared = meaning.meaning_for(encoder)
        shared.margin = margin
    for case in priority_cases():
        read = read_priorities(case.text, None if margin is None else encoder)
        out.append((case, not priority_problems(case, read.weights, read.opposite, read.conflicts)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--intents", type=Path, default=ROOT / "var" / "paraphrase-intents.json")
    args = parser.parse_args()
    encoder = get_encoder("e5-small")
    print("| group | EN dev | EN held-out | EN all | FR dev | FR held-out | FR all |")
    print("|---|---|---|---|---|---|---|")
    print(table("priorities, keywords and leaning words", priorities(encoder, None)))
    print(
        table(
            f"priorities, + encoder, margin {PriorityMeaning.DEFAULT_MARGIN}",
            priorities(encoder, PriorityMeaning.DEFAULT_MARGIN),
        )
    )
    print()
    print('Margin over "nothing asked" swept on the dev half (priorities passed, EN+FR):')
    for margin in (-0.02, -0.01, 0.0, 0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05):
        rows = priorities(encoder, margin)
        dev = sum(ok for c, ok in rows if c.split == "dev")
        print(f"  {margin:+.3f}: dev {dev}/{sum(c.split == 'dev' for c, _ in rows)}")
    meaning_for(encoder).margin = PriorityMeaning.DEFAULT_MARGIN
    print("Gap under which the two ends of an indicator are not told apart, swept on the dev half:")
    for end_margin in (0.0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03):
        meaning_for(encoder).end_margin = end_margin
        rows = priorities(encoder, PriorityMeaning.DEFAULT_MARGIN)
        dev = sum(ok for c, ok in rows if c.split == "dev")
        print(f"  {end_margin:.3f}: dev {dev}/{sum(c.split == 'dev' for c, _ in rows)}")
    meaning_for(encoder).end_margin = PriorityMeaning.END_MARGIN
    import tempfile

    from bot.settings import BotSettings
    from services.needs import NeedClassifier
    from services.settings import ServiceSettings, load_default_directory

    classifier = NeedClassifier(
        load_default_directory().vocabulary, ServiceSettings().needs_path, encoder, cache_dir=Path(tempfile.mkdtemp())
    )
    minimum = BotSettings().min_need_similarity
    rows = []
    for case in need_cases():
        guess = classifier.classify(case.text, case.language)
        need = guess.need if guess is not None and guess.similarity >= minimum else None
        problem = need_problem(case, need)
        if problem:
            print(f"  need miss [{case.split}] {case.id}: {problem}")
        rows.append((case, problem is None))
    print(table("routing needs", rows))
    if args.intents.exists():
        templates(json.loads(args.intents.read_text(encoding="utf-8")), classifier)


def templates(parsed: dict[str, dict], classifier) -> None:  # type: ignore[no-untyped-def]
    """Pass rate per template, then where the misses went: the NLU's intent and the final decision."""
    from collections import Counter

    from tests.paraphrases import template_cases
    from tests.paraphrases_templates import decide

    pairs: Counter[tuple[str, str, str]] = Counter()
    for name in sorted({c.group for c in template_cases()}):
        rows = []
        for case in (c for c in template_cases() if c.group == name):
            decision = decide(case.text, case.language, parsed[case.text], classifier)
            ok = (decision == case.expected["decision"]) == case.expected["reaches"]
            rows.append((case, ok))
            if not ok:
                kind = "positive" if case.expected["reaches"] else "look-alike"
                pairs[(f"{name} {kind}", parsed[case.text]["intent"], decision)] += 1
        print(table(f"template {name}", rows))
    print()
    print("| expected | NLU intent | decision | count |")
    print("|---|---|---|---|")
    for (expected, intent, decision), n in sorted(pairs.items(), key=lambda kv: -kv[1]):
        print(f"| {expected} | {intent} | {decision} | {n} |")


if __name__ == "__main__":
    main()
