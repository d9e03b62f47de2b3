"""NLU cross-validation with intent macro-F1 per language (run with .venv-rasa's Python).

Rasa's own --cross-validation reports one figure for all examples; this
assistant is bilingual, so each fold trains on both languages and is scored
on its English and French held-out examples separately.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the model's custom component (bot.nlu.intents) is loaded from the project
RASA = str(Path(sys.executable).parent / "rasa")
FOLDS = 3


def main() -> None:
    examples = []
    for language in ("en", "fr"):
        for message in load_data(str(ROOT / "data" / "nlu" / language)).intent_examples:
            examples.append((language, message))
    labels = [f"{lang}:{m.get('intent')}" for lang, m in examples]
    scores: dict[str, list[tuple[str, str]]] = defaultdict(list)  # language -> (true, predicted)
    classifier: dict[str, list[tuple[str, str]]] = defaultdict(list)  # the same, ignoring the fallback threshold
    # The held-out examples are parsed by the fold's model (no fallback: the intent it ranks first).
    held_out: list[dict[str, object]] = []
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=7)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n, (train_rows, test_rows) in enumerate(folds.split(examples, labels), 1):
            print(f"fold {n}/{FOLDS}: training on {len(train_rows)} examples", flush=True)
            train_file = work / f"train{n}.yml"
            RasaYAMLWriter().dump(train_file, TrainingData([examples[i][1] for i in train_rows]))
            model_dir = work / f"model{n}"
            subprocess.run(
                [
                    RASA,
                    "train",
                    "nlu",
                    "--config",
                    os.environ.get("NWD_NLU_CONFIG", str(ROOT / "config.yml")),
                    "--nlu",
                    str(train_file),
                    "--out",
                    str(model_dir),
                    "--quiet",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            model = next(model_dir.glob("*.tar.gz"))
            agent = Agent.load(str(model))
            for i in test_rows:
                language, message = examples[i]
                parsed = asyncio.run(agent.parse_message(message.get("text")))
                ranked = [r["name"] for r in parsed.get("intent_ranking") or [] if r["name"] != "nlu_fallback"]
                scores[language].append((message.get("intent"), parsed["intent"]["name"]))
                held_out.append(
                    {
                        "language": language,
                        "text": message.get("text"),
                        "true": message.get("intent"),
                        "predicted": parsed["intent"]["name"],
                        "ranked": ranked[:3],
                    }
                )
                classifier[language].append((message.get("intent"), ranked[0] if ranked else "nlu_fallback"))
    print()
    print(
        f"| language | held-out examples | intent macro-F1 ({FOLDS}-fold) | accuracy "
        "| macro-F1 without the fallback threshold |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for language in ("en", "fr"):
        truth = [t for t, _ in scores[language]]
        predicted = [p for _, p in scores[language]]
        macro = f1_score(truth, predicted, labels=sorted(set(truth)), average="macro", zero_division=0)
        accuracy = sum(t == p for t, p in scores[language]) / len(truth)
        raw = f1_score(
            truth, [p for _, p in classifier[language]], labels=sorted(set(truth)), average="macro", zero_division=0
        )
        print(f"| {language} | {len(truth)} | {macro:.3f} | {accuracy:.3f} | {raw:.3f} |")
    if os.environ.get("NWD_NLU_DUMP"):  # every held-out prediction, for reading the errors
        Path(os.environ["NWD_NLU_DUMP"]).write_text(json.dumps(held_out, ensure_ascii=False, indent=1))
    confusions = Counter((t, p) for lang in ("en", "fr") for t, p in scores[lang] if t != p)
    print(
        "\nmost frequent confusions (true -> predicted): "
        + "; ".join(f"{t} -> {p} ({n})" for (t, p), n in confusions.most_common(8))
    )


if __name__ == "__main__":
    main()
