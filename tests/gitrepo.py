"""Real git repositories in tmp folders, with fixed authors and dates, for the history and compare tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: 2026-10-01 12:00 UTC; each commit of a test is a day later than the one before.
START = 1790856000


def environment(when: int | None = None) -> dict[str, str]:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Anna de Vries", "GIT_AUTHOR_EMAIL": "anna@example.test",
           "GIT_COMMITTER_NAME": "Anna de Vries", "GIT_COMMITTER_EMAIL": "anna@example.test"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    return env


def git(root: Path, *args: str, when: int | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=root, env=environment(when), capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


class Repo:
    """A repository at ``root`` whose commits are one day apart."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0
        git(root, "init", "-q", "-b", "main")

    def commit(self, message: str) -> str:
        """Commit everything in the folder; returns the commit id."""
        self.count += 1
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "--no-gpg-sign", "--allow-empty", "-m", message,
            when=START + self.count * 86400)
        return git(self.root, "rev-parse", "HEAD")
