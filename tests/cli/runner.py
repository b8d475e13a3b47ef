"""Run the command as a user does, with stdout and stderr apart, and never a traceback."""

from __future__ import annotations

import inspect

from click.testing import CliRunner, Result

from mkdocs_journey.cli import main


def _runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart, as a terminal and a CI log do.

    Click 8.2 always does; 8.1 (the oldest pyproject.toml allows) mixes stderr into
    stdout unless told ``mix_stderr=False``, an argument 8.2 removed.
    """
    if "mix_stderr" in inspect.signature(CliRunner).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


def run(*args: str) -> Result:
    result = _runner().invoke(main, list(args), catch_exceptions=True)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result
