"""The ``mkdocs-journey`` command: check maps in an editor, a hook or CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml

from . import __version__
from .check import check_paths
from .clock import today
from .diagnostics import findings_to_json
from .docs_tree import DocsTree, find_files
from .schema import SCHEMAS, dumps


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mkdocs-journey")
def main() -> None:
    """Customer journey maps for MkDocs."""


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for `docs_dir` only, so tags like `!!python/name` are ignored."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _default_docs_dir() -> Path:
    config = Path("mkdocs.yml")
    if config.is_file():
        try:
            data = yaml.load(config.read_text("utf-8"), Loader=_LenientLoader)  # noqa: S506 - safe subclass
        except (yaml.YAMLError, UnicodeDecodeError, OSError):
            data = None  # MkDocs itself will report a broken mkdocs.yml; here `docs/` is the guess.
        if isinstance(data, dict) and isinstance(data.get("docs_dir"), str):
            return Path(data["docs_dir"])
        return Path("docs")
    return Path("docs") if Path("docs").is_dir() else Path(".")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="text: path:line:column lines; github: workflow commands; json: one document.")
@click.option("--docs-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The docs folder that persona ids and image paths resolve in "
                   "[default: docs_dir of ./mkdocs.yml, else ./docs, else .]")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--stale-after-days", type=click.IntRange(min=0), default=180, show_default=True,
              help="A map reviewed longer ago than this gets a warning.")
def check(paths: tuple[Path, ...], output: str, docs_dir: Path | None, strict: bool, stale_after_days: int) -> None:
    """Check journey maps and persona files.

    PATHS are files, or folders searched for *.journey.yml, *.journey.yaml,
    *.persona.yml and *.persona.yaml files (default: docs/).
    """
    root = docs_dir or _default_docs_dir()
    if not paths:
        if not root.is_dir():
            raise click.UsageError(f"no PATH given and no docs folder `{root}` here")
        paths = (root,)
    files: list[Path] = []
    for path in paths:
        files.extend(find_files(path) if path.is_dir() else [path])
    docs = DocsTree.scan(root)
    local: dict[Path, DocsTree] = {}

    def docs_for(path: Path) -> DocsTree:
        # A file outside the docs folder resolves personas and images beside itself.
        if docs.contains(path):
            return docs
        folder = path.resolve().parent
        return local.setdefault(folder, DocsTree.scan(folder))

    result = check_paths(files, docs_for, today=today(), stale_after_days=stale_after_days)
    if output == "json":
        click.echo(findings_to_json(result.findings, result.files))
    else:
        for finding in result.findings:
            click.echo(finding.format_github() if output == "github" else finding.format_text())
        summary = (f"checked {result.files} file{'s' if result.files != 1 else ''}: "
                   f"{result.errors} error{'s' if result.errors != 1 else ''}, "
                   f"{result.warnings} warning{'s' if result.warnings != 1 else ''}")
        click.echo(summary, err=output == "github")
    failed = result.errors > 0 or (strict and result.warnings > 0)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("kind", type=click.Choice(sorted(SCHEMAS)), default="journey")
def schema(kind: str) -> None:
    """Print the JSON Schema of journey (default) or persona files."""
    click.echo(dumps(kind), nl=False)
