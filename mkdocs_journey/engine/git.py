"""Earlier versions of files, from git: what the diff and the map page compare against.

Maps live in git, so "the map before this pull request" is the map at the PR's base
commit. The engine reads it by asking ``git`` itself (no Python git library: git is
on every machine that has the repository, and its own rename detection and error
messages are the ones users know). Every way this can fail (no git, no repository,
an unknown ref, a shallow clone that lacks the ref) becomes one :class:`GitError`
whose message names the cause and the fix, never a traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from .messages import message

_TIMEOUT = 120
"""Seconds any one git command may take (an archive of a large docs folder included)."""


class GitError(Exception):
    """Git could not give what was asked; the message says why and what to do."""


@dataclass(frozen=True)
class FileChange:
    """One file that differs between two versions, with git's rename detection applied."""

    status: Literal["added", "deleted", "modified", "renamed"]
    old_path: str | None
    """Relative to the repository root (None for an added file)."""
    new_path: str | None
    """Relative to the repository root (None for a deleted file)."""


_STATUS = {"A": "added", "D": "deleted", "M": "modified", "T": "modified", "R": "renamed", "C": "added"}


def _environment() -> dict[str, str]:
    # Messages and paths as git prints them without a user's locale or pager getting in.
    env = dict(os.environ, LC_ALL="C", GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env


def _inside(name: str) -> bool:
    """A member name that stays inside the folder it is extracted to."""
    parts = Path(name).parts
    return not Path(name).is_absolute() and ".." not in parts


class Repository:
    """The git repository a folder belongs to."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def find(cls, path: Path) -> Repository:
        """The repository holding ``path`` (a file or folder)."""
        folder = path if path.is_dir() else path.parent
        if shutil.which("git") is None:
            raise GitError(message("git.not_installed"))
        result = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True,
                                text=True, env=_environment(), timeout=_TIMEOUT, check=False)
        if result.returncode != 0:
            raise GitError(message("git.not_a_repository", folder=folder))
        return cls(Path(result.stdout.strip()).resolve())

    def _git(self, *args: str, text: bool = True) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=text,
                              env=_environment(), timeout=_TIMEOUT, check=False)

    def is_shallow(self) -> bool:
        result = self._git("rev-parse", "--is-shallow-repository")
        return result.stdout.strip() == "true"

    def resolve(self, ref: str) -> str:
        """The commit ``ref`` names; a clear error when this clone does not have it."""
        if ref.startswith("-"):
            # Never let a ref be read as an option of git.
            raise GitError(message("git.unknown_ref", ref=ref, hint=""))
        result = self._git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if result.returncode != 0:
            # `origin/main` is fetched as `git fetch origin main`.
            remote_ref = ref.removeprefix("origin/")
            hint = (message("git.shallow_hint", ref=remote_ref) if self.is_shallow()
                    else message("git.fetch_hint", ref=remote_ref))
            raise GitError(message("git.unknown_ref", ref=ref, hint=hint))
        return str(result.stdout.strip())

    def relative(self, path: Path) -> str:
        """``path`` relative to the repository root, as git names it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            raise GitError(message("git.outside", path=path, root=self.root)) from None

    def export(self, commit: str, folder: str, dest: Path) -> Path:
        """Write the files of ``folder`` (relative to the root) at ``commit`` below ``dest``.

        Returns where ``folder`` is in ``dest``. A whole folder, not single files: a map
        at that commit needs the persona files and images that were beside it then.
        Nothing is written outside ``dest``, whatever the archive names.
        """
        spec = f"{commit}:{folder}" if folder not in ("", ".") else commit
        result = self._git("archive", "--format=tar", spec, text=False)
        target = dest / folder
        target.mkdir(parents=True, exist_ok=True)
        if result.returncode != 0:
            # The folder did not exist at that commit: it held nothing then.
            return target
        with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
            members = [m for m in archive.getmembers() if (m.isfile() or m.isdir()) and _inside(m.name)]
            if hasattr(tarfile, "data_filter"):
                archive.extractall(target, members=members, filter="data")
            else:  # Python < 3.10.12: the members are checked above
                archive.extractall(target, members=members)
        return target

    def has(self, commit: str, path: str) -> bool:
        """Whether ``path`` (relative to the root: a file or folder) exists at ``commit``."""
        result = self._git("ls-tree", "--name-only", commit, "--", path or ".")
        return result.returncode == 0 and bool(result.stdout.strip())

    def changes(self, base: str, head: str | None, paths: list[str]) -> list[FileChange]:
        """Files under ``paths`` that differ from ``base`` to ``head`` (None: the working tree).

        Renames are git's (``-M``); for the working tree, new files git does not track
        yet count as added, as a user who just wrote a map expects.
        """
        args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", base]
        if head is not None:
            args.append(head)
        result = self._git(*args, "--", *(paths or ["."]))
        if result.returncode != 0:
            raise GitError(message("git.failed", command="git diff", reason=result.stderr.strip()))
        fields = result.stdout.split("\0")
        found: list[FileChange] = []
        index = 0
        while index < len(fields) and fields[index]:
            code = fields[index][0]
            if code in "RC":
                old, new = fields[index + 1], fields[index + 2]
                index += 3
                found.append(FileChange("renamed", old, new) if code == "R" else FileChange("added", None, new))
                continue
            path = fields[index + 1]
            index += 2
            status = _STATUS.get(code, "modified")
            found.append(FileChange(status, None if status == "added" else path,  # type: ignore[arg-type]
                                    None if status == "deleted" else path))
        if head is None:
            untracked = self._git("ls-files", "--others", "--exclude-standard", "-z", "--", *(paths or ["."]))
            found += [FileChange("added", None, p) for p in untracked.stdout.split("\0") if p]
        return found


# -- History: the commits that changed each map (the map page's History section) -----------
#
# Kept apart from the comparison above: a build asks git once for the history of every
# journey file below the docs folder, however many maps there are.

_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Commit:
    """One commit that changed a file, as the History section shows it."""

    sha: str
    date: str
    """The author date as git writes it (ISO 8601 with the author's own offset)."""
    author: str
    subject: str
    path: str = ""
    """The file's name in this commit (it may have been renamed since)."""


def journey_pathspecs(folder: str) -> list[str]:
    """Git pathspecs for every journey file below ``folder`` (relative to the root; "" for the root)."""
    base = f"{folder}/" if folder not in ("", ".") else ""
    return [f":(glob){base}**/*{suffix}" for suffix in (".journey.yml", ".journey.yaml")]


def file_histories(repository: Repository, folder: str, files: list[str]) -> dict[str, list[Commit]]:
    """The commits (newest first) that changed each of ``files`` (paths relative to the root).

    One ``git log`` for every journey file below ``folder``, with git's rename detection:
    walking from the newest commit back, a rename carries a file's history over to the
    name it had before (what ``--follow`` does for one file, which would cost a git
    process per map). A file git does not know yet has no commits.
    """
    result = repository._git("log", "-M", "--name-status", "-z", "--no-ext-diff", "--encoding=UTF-8",
                             f"--format={_RECORD}%H{_FIELD}%aI{_FIELD}%an{_FIELD}%s", "--",
                             *journey_pathspecs(folder), text=False)
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace").strip()
        if "does not have any commits" in stderr:
            return {path: [] for path in files}
        raise GitError(message("git.failed", command="git log", reason=stderr))
    names = {path: path for path in files}
    """A name a file had at some point (walking back) -> its name now."""
    histories: dict[str, list[Commit]] = {path: [] for path in files}
    for record in result.stdout.decode("utf-8", "replace").split(_RECORD):
        if not record:
            continue
        header, _, body = record.partition("\0")
        sha, date, author, subject = (header.split(_FIELD) + ["", "", "", ""])[:4]
        commit = Commit(sha, date, author, subject)
        fields = body.lstrip("\n").split("\0")
        index = 0
        while index < len(fields) and fields[index]:
            code = fields[index][0]
            if code in "RC":
                old, new = fields[index + 1], fields[index + 2]
                index += 3
                if new in names:
                    current = names[new]
                    histories[current].append(replace(commit, path=new))
                    if code == "R":
                        names[old] = current
                continue
            path = fields[index + 1]
            index += 2
            if path in names:
                histories[names[path]].append(replace(commit, path=path))
    return histories


def read_blobs(repository: Repository, specs: list[str]) -> dict[str, bytes | None]:
    """The contents of ``commit:path`` specs, in one ``git cat-file --batch`` (None: no such file)."""
    if not specs:
        return {}
    result = subprocess.run(["git", "cat-file", "--batch"], cwd=repository.root, input="".join(
        f"{spec}\n" for spec in specs).encode("utf-8"), capture_output=True, env=_environment(),
        timeout=_TIMEOUT, check=False)
    if result.returncode != 0:
        raise GitError(message("git.failed", command="git cat-file",
                               reason=result.stderr.decode("utf-8", "replace").strip()))
    out = result.stdout
    found: dict[str, bytes | None] = {}
    position = 0
    for spec in specs:
        end = out.index(b"\n", position)
        header = out[position:end].decode("utf-8", "replace")
        position = end + 1
        parts = header.split(" ")
        if len(parts) == 3 and parts[1] == "blob":
            size = int(parts[2])
            found[spec] = out[position:position + size]
            position += size + 1
        else:  # "<spec> missing" (or not a blob)
            found[spec] = None
    return found
