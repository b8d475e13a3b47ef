"""``mkdocs-journey diff``: what changes for the customer, for a terminal, a PR comment or a program."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..engine.clock import today
from ..engine.diagnostics import Finding
from ..engine.docs_tree import DocsTree, is_journey_file
from ..engine.i18n import Translator, available_languages
from ..engine.messages import message, plural
from ..engine.options import STALE_AFTER_DAYS
from ..engine.settings import BuildSettings
from .paths import docs_root, relative
from .site_settings import SiteSettings, default_site, find_site

if TYPE_CHECKING:
    # Imported when the command runs: every `mkdocs-journey check` loads this module.
    from ..engine.report.text import Style
    from ..engine.review import Review

_COLOURS: dict[Style, dict[str, object]] = {
    "heading": {"bold": True}, "better": {"fg": "green"}, "worse": {"fg": "red"}, "muted": {"dim": True}}


def _style(text: str, style: Style) -> str:
    # click.echo drops the colours again when the output is not a terminal.
    return click.style(text, **_COLOURS[style])  # type: ignore[arg-type]


@click.command(help=message("cli.help.diff"))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--base", metavar="REF", help=message("cli.help.diff.base"))
@click.option("--head", metavar="REF", help=message("cli.help.diff.head"))
@click.option("--format", "output", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help=message("cli.help.diff.format"))
@click.option("--language", type=click.Choice(available_languages()), help=message("cli.help.diff.language"))
@click.option("--site-url", metavar="URL", help=message("cli.help.diff.site_url"))
@click.option("--docs-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=message("cli.help.check.docs_dir"))
@click.option("--fail-on", type=click.Choice(["worse", "health", "errors"]), multiple=True,
              help=message("cli.help.diff.fail_on"))
@click.option("--stale-after-days", type=click.IntRange(min=STALE_AFTER_DAYS.minimum),
              help=message("cli.help.check.stale_after_days"))
def diff(paths: tuple[Path, ...], base: str | None, head: str | None, output: str, language: str | None,
         site_url: str | None, docs_dir: Path | None, fail_on: tuple[str, ...],
         stale_after_days: int | None) -> None:
    """Compare two versions of maps and print the review (help: ``cli.help.diff``)."""
    from ..engine.git import GitError
    from ..engine.report.data import render_json
    from ..engine.report.markdown import render_markdown
    from ..engine.report.text import render_text

    here = default_site(Path.cwd())
    if head is not None and base is None:
        raise click.UsageError(message("cli.diff.head_without_base"))
    site = here
    if base is None:
        if len(paths) != 2:
            raise click.UsageError(message("cli.diff.two_files"))
        for path in paths:
            if not path.is_file():
                raise click.UsageError(message("cli.diff.missing", path=path))
            if not is_journey_file(path.name):
                raise click.UsageError(message("cli.diff.not_a_journey", path=path))
        site = find_site(paths[1]) or here
    elif paths:
        site = find_site(paths[0]) or here
    t = Translator(language or site.language)
    settings = BuildSettings(
        today=today(), stale_after_days=site.stale_after_days if stale_after_days is None else stale_after_days,
        translate=t, max_file_size=site.max_file_size, max_touchpoints=site.max_touchpoints)
    try:
        review = _compare(paths, base, head, docs_dir, site, here, settings)
    except GitError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if review.errors:
        _print_errors(review.errors)
        if "errors" not in fail_on:
            sys.exit(2)
    url = site_url or site.site_url
    if output == "json":
        click.echo(render_json(review, t, url))
    elif output == "markdown":
        click.echo(render_markdown(review, t, url), nl=False)
    else:
        click.echo(render_text(review, t, _style), nl=False)
    sys.exit(1 if _failed(review, fail_on) else 0)


def _compare(paths: tuple[Path, ...], base: str | None, head: str | None, docs_dir: Path | None,
             site: SiteSettings, here: SiteSettings, settings: BuildSettings) -> Review:
    from ..engine.git import Repository
    from ..engine.review import compare_files, compare_git, page_path

    if base is None:
        old, new = paths
        old_docs = DocsTree.scan(docs_dir or docs_root(old, here))
        new_docs = DocsTree.scan(docs_dir or docs_root(new, here))
        page = None
        if new_docs.contains(new):
            page = page_path(new.resolve().relative_to(new_docs.root).as_posix(), site.use_directory_urls)
        return compare_files(old, new, old_docs, new_docs, settings, name_of=lambda p: str(relative(p)), page=page)
    root = docs_dir or site.docs_dir
    if not paths and not root.is_dir():
        raise click.UsageError(message("cli.no_docs_folder", folder=root))
    repo = Repository.find(root if root.exists() else Path.cwd())
    base_commit = repo.resolve(base)
    for path in paths:
        # A mistyped PATH must not pass as "no changes": it has to exist now or at REF.
        if not path.exists() and not repo.has(base_commit, repo.relative(path)):
            raise click.UsageError(message("cli.diff.path_not_found", path=path, ref=base))
    return compare_git(repo, base, head, root, list(paths), settings,
                       name_of=lambda p: str(relative(p)), use_directory_urls=site.use_directory_urls)


def _print_errors(errors: list[Finding]) -> None:
    for finding in errors:
        click.echo(finding.format_text(), err=True)
    files = len({f.path for f in errors})
    click.echo(message("cli.diff.not_compared", files=plural("cli.summary.files", files)), err=True)


def _failed(review: Review, fail_on: tuple[str, ...]) -> bool:
    from ..engine.diff import ChangeKind

    if "errors" in fail_on and review.errors:
        return True
    changes = [c for m in review.maps if m.changes is not None for c in m.changes.all_changes()]
    if "worse" in fail_on:
        if any(c.direction == "worse" or c.kind is ChangeKind.QUICK_WIN_LOST for c in changes):
            return True
    if "health" in fail_on and any(c.kind is ChangeKind.HEALTH_APPEARED for c in changes):
        return True
    return False
