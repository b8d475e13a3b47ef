"""The ``mkdocs-journey`` command: check maps in an editor, a hook or CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..engine.check import check_paths
from ..engine.clock import today
from ..engine.diagnostics import findings_to_json
from ..engine.docs_tree import DocsTree, find_files
from ..engine.schema import SCHEMAS, dumps
from ..engine.settings import BuildSettings
from .site_settings import SiteSettings, default_site, find_site


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mkdocs-journey")
def main() -> None:
    """Customer journey maps for MkDocs."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="text: path:line:column lines; github: workflow commands; json: one document.")
@click.option("--docs-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The docs folder that persona ids and image paths resolve in "
                   "[default: the docs_dir of the site each PATH belongs to (its mkdocs.yml), else ./docs, "
                   "else the PATH's own folder]")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--stale-after-days", type=click.IntRange(min=0),
              help="A map reviewed longer ago than this gets a warning "
                   "[default: the plugin's stale_after_days in mkdocs.yml, else 180].")
def check(paths: tuple[Path, ...], output: str, docs_dir: Path | None, strict: bool,
          stale_after_days: int | None) -> None:
    """Check journey maps and persona files.

    PATHS are files, or folders searched for *.journey.yml, *.journey.yaml,
    *.persona.yml and *.persona.yaml files. Default: the docs folder of the
    site here (--docs-dir, else docs_dir in ./mkdocs.yml, else ./docs); without
    one, name the PATHS. A folder with none of these files is a usage error.

    Exit status: 0 no errors; 1 errors (or warnings, with --strict); 2 usage error.
    """
    here = default_site(Path.cwd())
    if not paths:
        # Never the current folder itself: run in a home folder, that would read every project below it.
        root = docs_dir or here.docs_dir
        if not root.is_dir():
            raise click.UsageError(f"no PATH given and no docs folder `{_shown(root)}` here; "
                                   "name the files or folders to check")
        paths = (root,)
    # Each PATH is judged with its own site's docs folder, as its build would judge it.
    files: dict[Path, Path] = {}
    for path in paths:
        root = docs_dir or _docs_root(path, here)
        found = find_files(path) if path.is_dir() else [path]
        if not found:
            # A mistyped folder (or a CI job run in the wrong place) must not pass as "0 errors".
            raise click.UsageError(f"no journey or persona files (*.journey.yml, *.journey.yaml, *.persona.yml, "
                                   f"*.persona.yaml) in `{_shown(path)}`")
        for file in found:
            files.setdefault(file.resolve(), root)  # a file named twice is checked once
    trees: dict[Path, DocsTree] = {}

    def docs_for(path: Path) -> DocsTree:
        root = files[path.resolve()].resolve()
        if root not in trees:
            trees[root] = DocsTree.scan(root)
        return trees[root]

    shown = [_relative(file) for file in files]
    settings = BuildSettings(
        today=today(), stale_after_days=here.stale_after_days if stale_after_days is None else stale_after_days,
        max_file_size=here.max_file_size, max_touchpoints=here.max_touchpoints)
    result = check_paths(shown, docs_for, settings)
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


def _docs_root(path: Path, here: SiteSettings) -> Path:
    """The docs folder ``path`` belongs to: the current site's, the nearest site's
    above it, or (for files outside any site) the folder given."""
    if DocsTree(here.docs_dir.resolve()).contains(path):
        return here.docs_dir
    site = find_site(path)
    if site is not None:
        return site.docs_dir
    return path if path.is_dir() else path.parent


def _relative(path: Path) -> Path:
    """How a file is named in findings: relative to the current folder when it is below it."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _shown(path: Path) -> str:
    return str(_relative(path.resolve())) if path.is_absolute() else str(path)


@main.command()
@click.argument("kind", type=click.Choice(sorted(SCHEMAS)), default="journey")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema to this file (its folders are made) instead of printing it: "
                   "for a copy kept in your repository.")
def schema(kind: str, output: Path | None) -> None:
    """Print the JSON Schema of journey (default) or persona files."""
    text = dumps(kind)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # The same bytes on every system, so a vendored copy does not churn in git.
        output.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise click.ClickException(f"cannot write `{output}`: {exc.strerror or exc}") from None
    click.echo(f"wrote the {kind} schema to {output}", err=True)
