"""Real git repositories in temporary folders, for the tests that compare versions."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .files import put



class GitRepo:
    """A repository with a ``docs`` folder and an ``mkdocs.yml``; commits with a fixed author and date."""

    def __init__(self, root: Path) -> None:
        if shutil.which("git") is None:
            pytest.fail("git is not installed: install it (Debian: apt-get install git) to run the tests that "
                        "compare versions of maps")
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.docs = root / "docs"
        self.docs.mkdir(exist_ok=True)

    def git(self, *args: str) -> str:
        env = dict(os.environ, GIT_AUTHOR_NAME="Tess", GIT_AUTHOR_EMAIL="tess@example.org",
                   GIT_COMMITTER_NAME="Tess", GIT_COMMITTER_EMAIL="tess@example.org",
                   GIT_AUTHOR_DATE="2026-11-01T12:00:00Z", GIT_COMMITTER_DATE="2026-11-01T12:00:00Z",
                   GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        result = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True)
        return result.stdout

    def write(self, relative: str, content: str) -> Path:
        """Write a file relative to the docs folder."""
        return put(self.docs, relative, content)

    def commit(self, subject: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", subject)
        return self.git("rev-parse", "HEAD").strip()
