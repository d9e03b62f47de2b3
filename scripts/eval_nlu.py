"""NLU cross-validation with intent macro-F1 per language (run with .venv-rasa's Python).

Rasa's own --cross-validation reports one figure for all examples; this
assistant is bilingual, so each fold trains on both languages and is scored
on its English and French held-out examples separately.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")
FOLDS = 3


def main() -> None:
    examples = []
    for language in ("en", "fr"):
        for message in load_data(str(ROOT / "data" / "nlu" / language)).intent_examples:
            examples.append((language, message))
    labels = [f"{lang}:{m.get('intent')}" for lang, m in examples]
    scores: dict[str, list[tuple[str, str]]] = defaultdict(list)  # language -> (true, predicted)
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
                    str(ROOT / "config.yml"),
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
            for language in ("en", "fr"):
                held = [examples[i][1] for i in test_rows if examples[i][0] == language]
                test_file = work / f"test{n}-{language}.yml"
                RasaYAMLWriter().dump(test_file, TrainingData(held))
                out = work / f"results{n}-{language}"
                subprocess.run(
                    [
                        RASA,
                        "test",
                        "nlu",
                        "--model",
                        str(model),
                        "--nlu",
                        str(test_file),
                        "--out",
                        str(out),
                        "--no-plot",
                        "--quiet",
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                rows = []
                for name in ("intent_successes.json", "intent_errors.json"):
                    if (out / name).exists():
                        rows.extend(json.loads((out / name).read_text()))
                for row in rows:
                    scores[language].append((row["intent"], row["intent_prediction"]["name"]))
    print()
    print(f"| language | examples | intent macro-F1 ({FOLDS}-fold) | accuracy |")
    print("| --- | ---: | ---: | ---: |")
    for language in ("en", "fr"):
        truth = [t for t, _ in scores[language]]
        predicted = [p for _, p in scores[language]]
        macro = f1_score(truth, predicted, average="macro", zero_division=0)
        accuracy = sum(t == p for t, p in scores[language]) / len(truth)
        print(f"| {language} | {len(truth)} | {macro:.3f} | {accuracy:.3f} |")


if __name__ == "__main__":
    main()
