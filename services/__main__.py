"""`python -m services validate | eval | export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="The service directory and the router.", no_args_is_help=True)


@app.command()
def validate() -> None:
    """Load every organization file and validate the HSDS export against the official schemas."""
    from services.directory import DirectoryError
    from services.hsds import export_organizations, to_tables, validate_organizations, validate_tables
    from services.settings import load_default_directory

    try:
        directory = load_default_directory()
    except DirectoryError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    problems = []
    for lang in ("en", "fr"):
        records = export_organizations(directory, lang)
        problems += validate_organizations(records) + validate_tables(to_tables(records))
    for line in problems:
        typer.echo(line, err=True)
    state = "ok" if not problems else "INVALID"
    typer.echo(f"{len(directory.organizations)} organizations, {len(directory.services)} services; HSDS: {state}")
    if problems:
        raise typer.Exit(2)


@app.command("eval")
def evaluate_cmd(
    scenarios: Annotated[Path | None, typer.Option(help="Folder of scenarios (default: data/eval/routing).")] = None,
    write: Annotated[Path | None, typer.Option(help="Markdown file whose routing table to replace.")] = None,
) -> None:
    """Routing accuracy on the development scenarios, per language."""
    from nwd.settings import get_settings
    from retrieval.encoders import get_encoder
    from retrieval.report import write_block
    from services.evaluation import evaluate, load_scenarios, markdown_table
    from services.needs import NeedClassifier
    from services.settings import load_default_directory

    settings = get_settings()
    directory = load_default_directory(settings.services)
    items = load_scenarios(scenarios or settings.retrieval.eval_dir / "routing", directory)
    encoder = get_encoder(settings.retrieval.encoder, settings.retrieval.build_threads)
    classifier = NeedClassifier(directory.vocabulary, settings.services.needs_path, encoder)
    rows, failures = evaluate(directory, items, lambda m, lang: g.need if (g := classifier.classify(m, lang)) else None)
    table = markdown_table(rows)
    header = f"{len(items)} scenarios over {len(directory.services)} services"
    typer.echo(header)
    typer.echo(table)
    for line in failures:
        typer.echo(f"  miss: {line}")
    if write:
        write_block(write, "routing", f"{header}\n\n{table}")


@app.command()
def export(out: Path, lang: str = "en") -> None:
    """Write the HSDS JSON export of the directory to a file."""
    from services.hsds import export_organizations
    from services.settings import load_default_directory

    out.write_text(json.dumps(export_organizations(load_default_directory(), lang), ensure_ascii=False, indent=2))
    typer.echo(f"wrote {out}")


app(prog_name="python -m services")
