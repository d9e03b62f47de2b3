"""python -m privacy eval [--write docs/privacy.md] | python -m privacy retention [--days N]"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def _eval(args: argparse.Namespace) -> int:
    from privacy.engine import default_redactor
    from privacy.evaluate import SPLITS, evaluate, nlu_examples_changed, to_markdown, write_block

    redactor = default_redactor()
    redactor.redact("warm up: my name is Jean Tremblay", "en")
    redactor.redact("je m'appelle Jean Tremblay", "fr")
    blocks = []
    for split in SPLITS:
        report = evaluate(redactor, split)
        blocks.append(to_markdown(report))
        if args.verbose:
            for line in report.misses:
                print(f"  {split}: {line}")
    changed, total, lines = nlu_examples_changed(redactor)
    if args.verbose:
        for line in lines:
            print(f"  nlu: {line}")
    blocks.append(
        f"Also: {changed} of {total} training examples of the dialogue (data/nlu, both languages) "
        f"changed by redaction ({changed / max(total, 1):.1%}); `python -m privacy eval -v` lists them "
        "(a famous person's name, for one, is removed like any name)."
    )
    text = (
        "Measured by `python -m privacy eval` on data/eval/privacy "
        "(tuned on dev; heldout is reported, never tuned on).\n\n" + "\n\n".join(blocks)
    )
    print(text)
    if args.write:
        write_block(Path(args.write), "privacy-eval", text)
        print(f"\nwrote {args.write}")
    return 0


def _retention(args: argparse.Namespace) -> int:
    from nwd.settings import get_settings
    from privacy.store import TrackerStore

    settings = get_settings().privacy
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    store = TrackerStore(Path(args.db) if args.db else settings.tracker_db)
    # The period the API's daily job and the widget's notice use (it was 180 whatever the setting said).
    days = args.days if args.days is not None else settings.retention_days
    store.delete_older_than(days)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m privacy")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("eval", help="recall and precision of redaction on data/eval/privacy")
    ev.add_argument("--write", metavar="FILE", help="also write the tables into FILE (e.g. docs/privacy.md)")
    ev.add_argument("-v", "--verbose", action="store_true", help="list every miss and every change")
    ret = sub.add_parser("retention", help="delete conversations older than the retention period")
    ret.add_argument("--days", type=int, help="keep this many days (default: NWD_PRIVACY_RETENTION_DAYS or 180)")
    ret.add_argument("--db", help="the tracker store (default: NWD_PRIVACY_TRACKER_DB or var/tracker.db)")
    args = parser.parse_args(argv)
    return _eval(args) if args.command == "eval" else _retention(args)


if __name__ == "__main__":
    sys.exit(main())
