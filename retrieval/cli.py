"""Command line: `python -m retrieval index build | index stats | search | validate | eval`."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from retrieval.report import write_block
from retrieval.settings import ROOT, EncoderName, RetrievalSettings

app = typer.Typer(help="The shared content index of No Wrong Door.", no_args_is_help=True)
index_app = typer.Typer(help="Build and inspect the index.", no_args_is_help=True)
app.add_typer(index_app, name="index")
console = Console()
err = Console(stderr=True)


def _settings() -> RetrievalSettings:
    """The retrieval section of the process's settings (nwd.settings): read once, the same in every command."""
    from nwd.settings import get_settings

    return get_settings().retrieval


def _advance(bar: Progress, task: TaskID, done: int, total: int) -> None:
    bar.update(task, completed=done, total=total)


def _corpus_or_exit(settings: RetrievalSettings):  # type: ignore[no-untyped-def]
    from retrieval.corpus import CorpusError, load_corpus
    from retrieval.taxonomy import TaxonomyError

    try:
        return load_corpus(settings)
    except (CorpusError, TaxonomyError) as exc:
        err.print(f"[bold red]Content is broken; nothing was built.[/]\n{exc}", markup=True, highlight=False)
        raise typer.Exit(2) from None


@index_app.command("build")
def index_build(
    force: Annotated[bool, typer.Option(help="Rebuild even if the content has not changed.")] = False,
    encoder: Annotated[EncoderName | None, typer.Option(help="Encoder to embed with.")] = None,
) -> None:
    """Validate the content and build the index if anything changed."""
    from retrieval.build import build_index

    settings = _settings()
    if encoder:
        settings = settings.model_copy(update={"encoder": encoder})
    corpus = _corpus_or_exit(settings)
    with Progress(
        TextColumn("embedding passages"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
    ) as bar:
        task = bar.add_task("embed", total=None)
        manifest, rebuilt = build_index(
            settings,
            force=force,
            corpus=corpus,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    state = f"built in {manifest.build_seconds}s" if rebuilt else "up to date, nothing to do"
    console.print(f"index {state}: {manifest.items} items, {manifest.passages} passages, encoder {manifest.encoder}")
    for line in manifest.duplicates:
        console.print(f"[yellow]duplicate:[/] {line}")
    for line in manifest.missing_translations:
        console.print(f"[yellow]no translation:[/] {line}")


@index_app.command("stats")
def index_stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Coverage of the content: languages, jurisdictions, topics, municipalities, reviews due."""
    from retrieval.stats import content_stats

    settings = _settings()
    corpus = _corpus_or_exit(settings)
    stats = content_stats(corpus)
    if as_json:
        console.print_json(json.dumps(stats))
        return
    console.print(f"{stats['items']} items in {stats['translation_groups']} translation groups")
    for key in ("by_language", "by_jurisdiction", "by_portal", "by_owner", "by_audience"):
        console.print(f"{key.removeprefix('by_')}: " + ", ".join(f"{k} {v}" for k, v in sorted(stats[key].items())))
    table = Table(
        "topic",
        "en federal/prov/muni/comm",
        "fr federal/prov/muni/comm",
        title="Coverage: topics × languages × jurisdictions",
    )
    for topic in corpus.taxonomy.topics:
        cells = []
        for language in ("en", "fr"):
            counts = stats["coverage"].get(topic, {}).get(language, {})
            cells.append(" / ".join(str(counts.get(j, 0)) for j in ("federal", "provincial", "municipal", "community")))
        table.add_row(topic, *cells)
    console.print(table)
    console.print(
        "municipalities covered: " + ", ".join(f"{k} ({v})" for k, v in stats["municipalities_covered"].items())
    )
    if stats["municipalities_missing"]:
        console.print("municipalities with no content: " + ", ".join(stats["municipalities_missing"]))
    console.print(f"items past review_by: {len(stats['past_review_by'])}")
    for item_id in stats["past_review_by"]:
        console.print(f"  {item_id}")


@app.command()
def search(
    query: str,
    lang: Annotated[str, typer.Option(help="en or fr")] = "en",
    k: Annotated[int, typer.Option(min=1, max=50)] = 5,
    jurisdiction: str | None = None,
    region: str | None = None,
    topic: str | None = None,
    audience: str | None = None,
    mode: Annotated[str, typer.Option(help="hybrid, dense or bm25")] = "hybrid",
) -> None:
    """Search the built index."""
    from retrieval.build import IndexNotBuiltError, load_index
    from retrieval.search import Mode, SearchFilters

    try:
        index, _ = load_index(_settings())
    except IndexNotBuiltError as exc:
        err.print(str(exc))
        raise typer.Exit(2) from None
    try:
        result = index.search(query, lang, SearchFilters(jurisdiction, region, topic, audience), k, Mode(mode))
    except ValueError as exc:
        err.print(str(exc))
        raise typer.Exit(2) from None
    if result.language_fallback:
        console.print(f"[yellow]nothing in '{lang}'; showing '{result.language}' content[/]")
    for n, hit in enumerate(result.hits, 1):
        console.print(f"{n}. [bold]{hit.title}[/] ({hit.id}, {hit.jurisdiction}, {hit.owner}) score {hit.score:.4f}")
        console.print(f"   {hit.url}")
        console.print(f"   {hit.text[:200]}…", highlight=False)


@app.command()
def validate() -> None:
    """Check every content file, the taxonomy and the link policy (data/url-policy.yml) without building anything."""
    from retrieval.link_policy import check_links, default_link_policy, stale_exceptions, subject_mismatches

    settings = _settings()
    corpus = _corpus_or_exit(settings)
    policy = default_link_policy()
    problems = check_links(corpus.items, policy, taxonomy=corpus.taxonomy)
    stale = stale_exceptions(corpus.items, policy, taxonomy=corpus.taxonomy)
    for line in corpus.duplicates:
        console.print(f"[yellow]duplicate:[/] {line}")
    for line in corpus.missing_translations:
        console.print(f"[yellow]no translation:[/] {line}")
    console.print(
        f"link policy: {len(policy.pending_french_url)} French item(s) still link an English page "
        f"(pending_french_url); {len(subject_mismatches(corpus.items, policy, taxonomy=corpus.taxonomy))} url(s) "
        f"whose address shares no word with the item ({len(policy.url_subject_ok)} checked and accepted, "
        f"{len(policy.url_subject_pending)} pending a better page)",
        highlight=False,
    )
    if problems or stale:
        for problem in problems:
            err.print(f"[red]{problem.kind}[/] {problem}", highlight=False)
        for line in stale:
            err.print(f"[red]stale exception[/] {line}", highlight=False)
        err.print(f"[bold red]{len(problems)} link policy problem(s), {len(stale)} stale exception(s)[/]")
        raise typer.Exit(1)
    console.print(f"ok: {len(corpus.items)} items, 0 link policy problems")


@app.command()
def stale(
    today: Annotated[str | None, typer.Option(help="The day to compare with, YYYY-MM-DD (default: today).")] = None,
) -> None:
    """Items past their review_by date, grouped by publisher: what each publisher must re-check."""
    import datetime as dt

    from retrieval.publishers import default_publishers
    from retrieval.review import stale_by_publisher

    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        err.print(f"--today: '{today}' is not a date; write it as YYYY-MM-DD")
        raise typer.Exit(2) from None
    corpus = _corpus_or_exit(_settings())
    publishers = default_publishers()
    groups = stale_by_publisher(corpus.items, publishers, day)
    total = sum(len(rows) for rows in groups.values())
    console.print(f"{total} item(s) past their review_by date on {day}, {len(groups)} publisher(s)")
    for pid, rows in groups.items():
        p = publishers[pid]
        table = Table(title=f"{p.name.en} ({p.kind.value}) — {len(rows)}", title_justify="left")
        for column in ("item", "review_by", "days overdue", "file"):
            table.add_column(column)
        for row in rows:
            table.add_row(row.id, row.review_by.isoformat(), str(row.days_overdue), row.origin.replace(f"{ROOT}/", ""))
        console.print(table)


@app.command("content-report")
def content_report_cmd(
    write: Annotated[Path | None, typer.Option(help="Markdown file whose counts block to replace.")] = None,
) -> None:
    """Items by publisher kind and language, and by publisher (the table in docs/content.md)."""
    from retrieval.publishers import default_publishers
    from retrieval.review import content_report

    corpus = _corpus_or_exit(_settings())
    table = content_report(corpus.items, default_publishers())
    if write:
        header = "Generated by `python -m retrieval content-report --write docs/content.md`."
        write_block(write, "content-counts", f"{header}\n\n{table}", heading="## Items by publisher")
    console.print(table)


@app.command("eval")
def evaluate_cmd(
    questions: Annotated[
        Path | None, typer.Option(help="Folder of question files (default: data/eval/questions).")
    ] = None,
    write: Annotated[Path | None, typer.Option(help="Markdown file whose results table to replace.")] = None,
) -> None:
    """Recall@1, Recall@5 and MRR@10 for BM25, each dense encoder and each hybrid, per language."""
    from retrieval.build import index_from_corpus
    from retrieval.encoders import ENCODERS, get_encoder
    from retrieval.evaluation import QuestionSetError, evaluate, load_questions, markdown_table

    settings = _settings()
    questions = questions or settings.eval_dir / "questions"
    corpus = _corpus_or_exit(settings)
    try:
        qs = load_questions(questions, {i.translation for i in corpus.items})
    except QuestionSetError as exc:
        err.print(f"[bold red]Question set is broken:[/]\n{exc}", highlight=False)
        raise typer.Exit(2) from None
    indexes = {}
    for name in ENCODERS:
        with Progress(TextColumn(f"embedding with {name}"), BarColumn(), MofNCompleteColumn(), console=err) as bar:
            task = bar.add_task(name, total=None)
            indexes[name] = index_from_corpus(
                corpus,
                get_encoder(name, settings.build_threads),
                settings,
                progress=partial(_advance, bar, task),
            )
    rows = evaluate(indexes, qs, on_row=lambda label: err.print(f"scored {label}"))
    table = markdown_table(rows)
    counts = {lang: sum(q.lang == lang for q in qs) for lang in ("en", "fr")}
    header = (
        f"{len(qs)} questions (en {counts['en']}, fr {counts['fr']}) over {len(corpus.items)} items; "
        f"default encoder: {settings.encoder}"
    )
    console.print(header)
    console.print(table, markup=False, highlight=False)
    if write:
        write_block(write, "eval", f"{header}\n\n{table}")
        console.print(f"wrote the table to {write}")


@app.command("answers")
def answers_cmd(
    questions: Annotated[
        Path | None, typer.Option(help="Folder of fact questions (default: data/eval/answers).")
    ] = None,
    write: Annotated[Path | None, typer.Option(help="Markdown file whose results table to replace.")] = None,
    show: Annotated[
        str | None, typer.Option(help="Print the dev questions that failed: 'dev' (never 'heldout').")
    ] = None,
    chat: Annotated[str | None, typer.Option(help="Also ask through a running API, e.g. http://127.0.0.1:8000")] = None,
) -> None:
    """Share of replies that state the fact asked for: the answer composer beside the first-sentences baseline."""
    from retrieval import answer_evaluation as ae
    from retrieval.build import IndexNotBuiltError, load_index

    settings = _settings()
    questions = questions or settings.eval_dir / "answers"
    try:
        index, _ = load_index(settings)
    except IndexNotBuiltError as exc:
        err.print(f"[bold red]{exc}[/]", highlight=False)
        raise typer.Exit(2) from None
    qs = ae.load_questions(questions)
    if not qs:
        err.print(f"[bold red]no questions in {questions}[/]", highlight=False)
        raise typer.Exit(2)
    results = {"composer": ae.run(qs, ae.composer(index)), "first sentences": ae.run(qs, ae.baseline(index))}
    if chat:
        results["whole chat (/api/chat)"] = ae.run(qs, ae.through_chat(chat))
    table = ae.report(results)
    header = f"{len(qs)} questions over {index.item_count} items; the fact must appear in the reply's own text."
    console.print(header)
    console.print(table, markup=False, highlight=False)
    if show == "dev":
        for o in ae.failures(results["composer"], "dev"):
            console.print(f"\n[{o.question.id}] {o.question.q}  expect {list(o.question.expect)}", markup=False)
            console.print(o.reply, markup=False, highlight=False)
    if write:
        write_block(write, "answers", f"{header}\n\n{table}")
        console.print(f"wrote the table to {write}")


@app.command("language-eval")
def language_eval_cmd(
    messages: Annotated[
        Path | None, typer.Option(help="The short-message set (default: data/eval/language/short-messages.yml).")
    ] = None,
    write: Annotated[Path | None, typer.Option(help="Markdown file whose results table to replace.")] = None,
) -> None:
    """Share of short messages (1-4 words) whose reply language is right, per language and split."""
    import yaml

    from retrieval.language import decide_language, requested_switch

    messages = messages or _settings().eval_dir / "language" / "short-messages.yml"
    data = yaml.safe_load(messages.read_text(encoding="utf-8")) or {}
    lines = [
        "| set | split | messages | right language | wrong |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for language in ("en", "fr"):
        other = "fr" if language == "en" else "en"
        entries = data.get(language) or []
        for split in ("dev", "heldout", "all"):
            rows = [e for e in entries if split in ("all", e.get("split", "dev"))]
            if not rows:
                continue
            # Each message arrives in a conversation held in the other language: it must still be answered in its own.
            wrong = [e["text"] for e in rows if decide_language(e["text"], None, other) != language]
            examples = "; ".join(wrong[:4]) if split != "heldout" else ""
            lines.append(f"| {language} | {split} | {len(rows)} | {1 - len(wrong) / len(rows):.3f} | {examples} |")
    kept = data.get("ambiguous") or []
    if kept:
        stays = sum(decide_language(t, None, "fr") == "fr" and decide_language(t, None, "en") == "en" for t in kept)
        lines.append(
            f"| ambiguous: keeps the conversation's language | all | {len(kept)} | {stays / len(kept):.3f} | |"
        )
    others = data.get("not_a_switch") or []
    if others:
        fine = sum(requested_switch(e["text"]) is None for e in others)
        lines.append(f"| other languages naming EN/FR: no switch | all | {len(others)} | {fine / len(others):.3f} | |")
    table = "\n".join(lines)
    console.print(table, markup=False, highlight=False)
    if write:
        write_block(write, "language", table)
        console.print(f"wrote the table to {write}")


def main() -> None:
    sys.exit(app())
