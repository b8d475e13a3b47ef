"""The ``mkdocs-journey`` command: check maps in an editor, a hook or CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..engine.check import check_paths
from ..engine.assets import STYLESHEET, STYLESHEET_SOURCE
from ..engine.clock import today
from ..engine.diagnostics import findings_to_json
from ..engine.collection import Collection
from ..engine.docs_tree import DocsTree, find_files, is_journey_file, stem
from ..engine.fence import pages_with_fences
from ..engine.messages import message, plural
from ..engine.options import STALE_AFTER_DAYS
from ..engine.pages import is_map_page, map_page, page_path
from ..engine.schema import SCHEMAS, dumps
from ..engine.settings import BuildSettings
from .diff_command import diff
from .paths import docs_root as _docs_root
from .paths import relative as _relative
from .site_settings import default_site


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, help=message("cli.help.main"))
@click.version_option(__version__, prog_name="mkdocs-journey")
def main() -> None:
    """The ``mkdocs-journey`` command group (its help: ``cli.help.main`` in the message catalog)."""


@main.command(help=message("cli.help.check"))
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help=message("cli.help.check.format"))
@click.option("--docs-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=message("cli.help.check.docs_dir"))
@click.option("--strict", is_flag=True, help=message("cli.help.check.strict"))
@click.option("--stale-after-days", type=click.IntRange(min=STALE_AFTER_DAYS.minimum),
              help=message("cli.help.check.stale_after_days"))
def check(paths: tuple[Path, ...], output: str, docs_dir: Path | None, strict: bool,
          stale_after_days: int | None) -> None:
    """Check files the way the build would (``check_paths``) and print the findings.

    What the command does, its default PATHS and exit status, as users read it:
    ``cli.help.check`` in the message catalog.
    """
    here = default_site(Path.cwd())
    if not paths:
        # Never the current folder itself: run in a home folder, that would read every project below it.
        root = docs_dir or here.docs_dir
        if not root.is_dir():
            raise click.UsageError(message("cli.no_docs_folder", folder=_shown(root)))
        paths = (root,)
    # Each PATH is judged with its own site's docs folder, as its build would judge it.
    files: dict[Path, Path] = {}
    for path in paths:
        root = docs_dir or _docs_root(path, here)
        found = sorted(find_files(path) + pages_with_fences(path)) if path.is_dir() else [path]
        if not found:
            # A mistyped folder (or a CI job run in the wrong place) must not pass as "0 errors".
            raise click.UsageError(message("cli.no_files", path=_shown(path)))
        for file in found:
            files.setdefault(file.resolve(), root)  # a file named twice is checked once
    # Each file as findings name it, with its docs folder; a folder is resolved and scanned once.
    cwd = Path.cwd().resolve()
    roots = {_relative(file, cwd): root for file, root in files.items()}
    resolved: dict[Path, Path] = {}
    trees: dict[Path, DocsTree] = {}

    def docs_for(path: Path) -> DocsTree:
        given = roots[path]
        root = resolved.get(given)
        if root is None:
            root = resolved[given] = given.resolve()
        if root not in trees:
            trees[root] = DocsTree.scan(root)
        return trees[root]

    shown = list(roots)
    settings = BuildSettings(
        today=today(), stale_after_days=here.stale_after_days if stale_after_days is None else stale_after_days,
        max_file_size=here.max_file_size, max_touchpoints=here.max_touchpoints)
    result = check_paths(shown, docs_for, settings)
    if output == "json":
        click.echo(findings_to_json(result.findings, result.files))
    else:
        lines = [finding.format_github() if output == "github" else finding.format_text()
                 for finding in result.findings]
        if lines:  # one write: echo flushes after each call, and a large site has thousands of findings
            click.echo("\n".join(lines))
        summary = message("cli.summary", files=plural("cli.summary.files", result.files),
                          errors=plural("cli.summary.errors", result.errors),
                          warnings=plural("cli.summary.warnings", result.warnings))
        click.echo(summary, err=output == "github")
    failed = result.errors > 0 or (strict and result.warnings > 0)
    sys.exit(1 if failed else 0)


def _shown(path: Path) -> str:
    return str(_relative(path.resolve())) if path.is_absolute() else str(path)


@main.command(help=message("cli.help.schema"))
@click.argument("kind", type=click.Choice(sorted(SCHEMAS)), default="journey")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=message("cli.help.schema.output"))
def schema(kind: str, output: Path | None) -> None:
    """Print or write a JSON Schema (help: ``cli.help.schema`` in the message catalog)."""
    text = dumps(kind)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # The same bytes on every system, so a vendored copy does not churn in git.
        output.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise click.ClickException(message("cli.schema.cannot_write", path=output,
                                           reason=exc.strerror or exc)) from None
    click.echo(message("cli.schema.wrote", kind=kind, path=output), err=True)


def _docs_folder(docs_dir: Path | None) -> Path:
    """The docs folder a command writes into: the one named, else the site's here."""
    folder = docs_dir or default_site(Path.cwd()).docs_dir
    if not folder.is_dir():
        raise click.UsageError(message("cli.no_docs_folder", folder=_shown(folder)))
    return folder


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise click.ClickException(message("cli.cannot_write", path=_shown(path), reason=exc.strerror or exc)) from None


@main.command(help=message("cli.help.assets"))
@click.argument("docs_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
def assets(docs_dir: Path | None) -> None:
    """Copy the stylesheet the plugin publishes into a docs folder (help: ``cli.help.assets``)."""
    target = _docs_folder(docs_dir) / STYLESHEET
    _write(target, STYLESHEET_SOURCE.read_bytes())
    click.echo(message("cli.assets.wrote", path=_shown(target)), err=True)


@main.command(help=message("cli.help.pages"))
@click.argument("docs_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--check", "only_check", is_flag=True, help=message("cli.help.pages.check"))
def pages(docs_dir: Path | None, only_check: bool) -> None:
    """Write (or check) a Markdown page per map (help: ``cli.help.pages``)."""
    folder = _docs_folder(docs_dir)
    root = folder.resolve()
    settings = BuildSettings(today=today())
    collection = Collection(DocsTree.scan(root), settings)
    stale = 0
    count = 0
    for path in find_files(folder):
        if not is_journey_file(path.name):
            continue
        src_uri = path.resolve().relative_to(root).as_posix()
        target = root / page_path(src_uri)
        loaded = collection.journey(path).loaded
        title = loaded.journey.title if loaded.journey is not None else stem(path.name)
        text = map_page(src_uri, title)
        existing = target.read_text("utf-8") if target.is_file() else None
        if existing is not None and not is_map_page(existing, src_uri):
            raise click.ClickException(message("cli.pages.taken", path=_shown(target), source=_shown(path)))
        count += 1
        if existing == text:
            continue
        if only_check:
            click.echo(message("cli.pages.stale", path=_shown(target)), err=True)
            stale += 1
            continue
        _write(target, text.encode("utf-8"))
        click.echo(message("cli.pages.wrote", path=_shown(target)), err=True)
    if stale:
        sys.exit(1)
    click.echo(message("cli.pages.summary", count=count), err=True)


main.add_command(diff)
