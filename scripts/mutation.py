"""Mutation testing of the modules that decide what a person reads (`make mutation`; not part of `make test`).

A mutant is the code with one small change (`<` for `<=`, a string emptied, a branch skipped). A test suite
that lets a mutant pass without noticing would let the same mistake through. For each module below, mutmut
(requirements.txt) makes every mutant of it and runs only the fast unit and API tests chosen for it; the
table of killed and surviving mutants goes to docs/testing.md.

mutmut copies the project into `mutants/` of the directory it runs in and imports the mutated copy, and
this project finds its data beside its code (`retrieval.settings.ROOT`). So each module is run in its own
directory under var/mutation/, holding links to the project's files and a pyproject.toml with that
module's mutmut section, and its `mutants/` gets links to the data, the built models and the widget.

    .venv/bin/python scripts/mutation.py [module ...]      # all modules, or the ones named
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "mutation"
DOC = ROOT / "docs" / "testing.md"
PACKAGES = ("retrieval", "bot", "api", "places", "services", "privacy", "bench")
# Project files a run never needs, or must not share with the mutated copy.
SKIP = {".git", ".venv", ".venv-rasa", "var", "mutants", "pyproject.toml", "__pycache__", ".pytest_cache"}


@dataclass(frozen=True)
class Module:
    name: str
    path: str
    tests: tuple[str, ...]
    # Only these functions are mutated (None: every function of the file).
    functions: tuple[str, ...] | None = None
    why: str = ""


MODULES = (
    Module(
        "answers",
        "retrieval/answers.py",
        ("tests/retrieval/test_answers.py", "tests/retrieval/test_answer_book.py"),
        why="answer composition: which sentences of the found items are said",
    ),
    Module(
        "answer-replies",
        "bot/actions/answer.py",
        ("tests/bot/test_actions.py", "tests/bot/test_answer_replies.py"),
        functions=("excerpt", "source_of", "feedback_buttons", "answer_message", "compose_answer", "not_sure_message"),
        why="the reply message built from an answer: text, source, level of government, buttons",
    ),
    Module(
        "text",
        "retrieval/text.py",
        ("tests/retrieval/test_text.py",),
        why="the normaliser between the content's Markdown and every reply",
    ),
    Module(
        "language",
        "retrieval/language.py",
        ("tests/retrieval/test_language.py", "tests/retrieval/test_language_decision.py"),
        why="which official language a message is in, and a request to switch",
    ),
    Module(
        "language-gate",
        "api/routes/chat.py",
        ("tests/api/test_language_gate.py",),
        functions=("names_only", "unsupported_language"),
        why="which messages get the 'English or French, or call 211' reply",
    ),
    Module(
        "router",
        "services/router.py",
        ("tests/services/test_status_and_router.py",),
        why="which service a need is routed to, and what the reply says about it",
    ),
    Module(
        "compare",
        "places/compare.py",
        ("tests/places/test_compare.py",),
        why="comparison tables, summaries, priorities read from words, and recommendations",
    ),
    Module(
        "reading",
        "places/reading.py",
        ("tests/places/test_reading.py", "tests/places/test_compare.py"),
        why="priorities read from someone's words (negation, 'too', both ends), the part of recommend that listens",
    ),
    Module(
        "sessions",
        "api/sessions.py",
        ("tests/api/test_sessions.py",),
        why="signed session ids: a forged or altered id is refused",
    ),
    Module(
        "redaction",
        "privacy/engine.py",
        ("tests/privacy/test_redaction.py",),
        why="the redaction engine: what personal information is replaced before anything is stored",
    ),
)


def mutmut_section(module: Module) -> str:
    tests = ", ".join(json.dumps(t) for t in module.tests)
    return (
        "\n[tool.mutmut]\n"
        f"source_paths = {json.dumps(list(PACKAGES))}\n"
        f"only_mutate = [{json.dumps(module.path)}]\n"
        f"pytest_add_cli_args_test_selection = [{tests}]\n"
        # The chosen tests are unit tests: each mutant gets the tests' own time x 15, plus 1 s, before a timeout.
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-m", "not e2e and not slow"]\n'
        "use_git_change_detection = false\n"
    )


def prepare(module: Module) -> Path:
    """A fresh run directory for one module: links to the project, its own pyproject.toml, links in mutants/."""
    work = WORK / module.name
    shutil.rmtree(work, ignore_errors=True)
    (work / "mutants").mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name in SKIP:
            continue
        (work / entry.name).symlink_to(entry)
        # mutmut copies the packages and tests into mutants/; everything else is linked there.
        if entry.name not in PACKAGES and entry.name != "tests":
            (work / "mutants" / entry.name).symlink_to(entry)
    (work / "mutants" / "var").mkdir()
    (work / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8") + mutmut_section(module), encoding="utf-8"
    )
    return work


def mutant_names(work: Module, run_dir: Path) -> dict[str, int | None]:
    """Mutant name -> exit code of its test run, from mutmut's record of the module's file."""
    meta = run_dir / "mutants" / (work.path + ".meta")
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    if work.functions is None:
        return codes
    prefix = work.path.removesuffix(".py").replace("/", ".")
    wanted = tuple(f"{prefix}.x_{f}__mutmut_" for f in work.functions)
    return {k: v for k, v in codes.items() if k.startswith(wanted)}


def run(module: Module) -> dict[str, object]:
    run_dir = prepare(module)
    command = [str(ROOT / ".venv" / "bin" / "mutmut"), "run", "--max-children", "2"]
    if module.functions:
        prefix = module.path.removesuffix(".py").replace("/", ".")
        command += [f"{prefix}.x_{f}__mutmut_*" for f in module.functions]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false", "HF_HUB_OFFLINE": "1"}
    started = time.monotonic()
    log = run_dir / "mutmut.log"
    with log.open("w") as out:
        done = subprocess.run(command, cwd=run_dir, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    minutes = (time.monotonic() - started) / 60
    if done.returncode != 0:
        print(log.read_text()[-3000:])
        raise SystemExit(f"{module.name}: mutmut exited {done.returncode}; see {log}")
    codes = mutant_names(module, run_dir)
    status = _statuses(codes)
    survivors = sorted(k for k, s in status.items() if s in ("survived", "no tests"))
    # The diff of each surviving mutant, for a person to read (one process: `mutmut show` costs a second each).
    subprocess.run(
        [sys.executable, "-c", _SHOW % module.path, str(run_dir / "survivors.diff"), *survivors],
        cwd=run_dir,
        check=False,
    )
    counts = {s: sum(1 for v in status.values() if v == s) for s in ("killed", "survived", "timeout", "no tests")}
    detected = counts["killed"] + counts["timeout"]
    total = len(status)
    scored = detected + counts["survived"] + counts["no tests"]
    return {
        "module": module.name,
        "path": module.path + (f" ({', '.join(module.functions)})" if module.functions else ""),
        "mutants": total,
        **counts,
        "score": round(detected / scored, 2) if scored else 0.0,
        "minutes": round(minutes, 1),
        "tests": " ".join(module.tests),
    }


_SHOW = """
import sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
with open(sys.argv[1], "w") as out:
    for name in sys.argv[2:]:
        out.write(f"# {name}\\n{get_diff_for_mutant(name, path=%r)}\\n")
"""


def _statuses(codes: dict[str, int | None]) -> dict[str, str]:
    from mutmut.stats import status_by_exit_code

    return {k: status_by_exit_code[v] for k, v in codes.items()}


BEGIN, END = "<!-- mutation:begin -->", "<!-- mutation:end -->"


def write_table(rows: list[dict[str, object]]) -> None:
    """Replace each measured module's row in docs/testing.md (rows of modules not run this time stay)."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Testing\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN)
    table, tail = rest.split(END)
    existing = {}
    for line in table.strip().splitlines()[2:]:
        name = line.split("|")[1].strip().strip("`")
        existing[name] = line
    for row in rows:
        existing[str(row["module"])] = (
            f"| `{row['module']}` | {row['path']} | {row['mutants']} | {row['killed']} | {row['survived']} | "
            f"{row['timeout']} | {row['no tests']} | {float(row['score']):.2f} | {row['minutes']} | "
            f"`{row['tests']}` |"
        )
    order = [m.name for m in MODULES]
    lines = [
        "| module | file (functions) | mutants | killed | survived | timeout | no tests | score | minutes | tests |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *(existing[n] for n in order if n in existing),
    ]
    DOC.write_text(head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + tail, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help=f"of: {', '.join(m.name for m in MODULES)} (default: all)")
    parser.add_argument("--no-write", action="store_true", help="print the rows, leave docs/testing.md alone")
    args = parser.parse_args(argv)
    unknown = set(args.modules) - {m.name for m in MODULES}
    if unknown:
        parser.error(f"unknown module(s) {sorted(unknown)}")
    chosen = [m for m in MODULES if not args.modules or m.name in args.modules]
    rows = []
    for module in chosen:
        print(f"mutation: {module.name} ({module.path}) with {' '.join(module.tests)}", flush=True)
        row = run(module)
        print(
            "    {mutants} mutants: {killed} killed, {survived} survived, {timeout} timeout, {nt} no tests; "
            "score {score} in {minutes} min".format(nt=row["no tests"], **row),
            flush=True,
        )
        rows.append(row)
        if not args.no_write:
            write_table([row])
    return 0 if all(float(r["score"]) >= 0.8 for r in rows) else 1  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
