#!/usr/bin/env python3
"""Post the map comparison as ONE pull-request comment, and update it on every push.

The GitHub Action (``action.yml`` beside this folder) runs this script after
``mkdocs-journey diff --format markdown`` wrote the comment's body to a file. A bot
that adds a new comment on each push buries the discussion, so the script looks for
the comment it posted before (its body starts with the marker line the command
writes, ``<!-- mkdocs-journey-diff -->``, and its author is this token's account)
and edits it; only when there is none does it post a new one.

A pull request from a fork gets a read-only token: GitHub answers 403 to the edit or
the post. That is not the author's fault and must not fail their check, so a 403
prints a notice (the comparison is still in the job summary) and exits 0. Any other
failure (a wrong token, GitHub down) prints an error and exits 1.

Only the standard library: the action runs this with the Python of its own venv,
and the script is part of the action's checkout, not of the ``mkdocs_journey``
package (the wheel does not ship it).

Usage (the token comes from the environment, never the command line)::

    GITHUB_TOKEN=... python comment.py --repository OWNER/NAME --pull-request 12 --body-file diff.md
        [--head-repository OWNER/NAME] [--only-update]

``GITHUB_API_URL`` (set on every runner, GitHub Enterprise included) is the API's
address; the default is ``https://api.github.com``. When ``GITHUB_OUTPUT`` is set,
the comment's address is written there as the step output ``comment-url``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARKER = "<!-- mkdocs-journey-diff -->"
"""The first line of every body the command writes: how the script finds its own comment."""

_NEXT = re.compile(r'<(?P<url>[^>]+)>;\s*rel="next"')
_TIMEOUT = 30


class Forbidden(Exception):
    """GitHub refused the request (403): the token may not do this here."""


class ApiError(Exception):
    """Any other failed request; the message says which and GitHub's answer."""


@dataclass(frozen=True)
class Response:
    status: int
    data: Any
    next_url: str | None


class GitHub:
    """The few REST calls the script needs, against ``api_url`` with ``token``."""

    def __init__(self, api_url: str, token: str) -> None:
        self.api_url = api_url.rstrip("/")
        self._token = token

    def request(self, method: str, url: str, payload: dict[str, Any] | None = None) -> Response:
        if not url.startswith(self.api_url + "/"):
            # A pagination link that leaves the API would carry the token elsewhere.
            raise ApiError(f"{method} {url}: not an address of {self.api_url}")
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers={
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self._token}",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "mkdocs-journey-action",
            **({"Content-Type": "application/json"} if data is not None else {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as answer:  # noqa: S310 - https or the runner's API
                body = answer.read()
                link = answer.headers.get("Link") or ""
                status = answer.status
        except urllib.error.HTTPError as error:
            reason = _reason(error)
            if error.code == 403:
                raise Forbidden(f"{method} {_path(url)}: {error.code} {reason}") from None
            raise ApiError(f"{method} {_path(url)}: {error.code} {reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ApiError(f"{method} {_path(url)}: {getattr(error, 'reason', error)}") from None
        found = _NEXT.search(link)
        try:
            parsed = json.loads(body) if body else None
        except json.JSONDecodeError:
            raise ApiError(f"{method} {_path(url)}: the answer is not JSON") from None
        return Response(status, parsed, found["url"] if found else None)

    def login(self) -> str | None:
        """The token's account, when GitHub says (a personal token); None for an app's token.

        The workflow's own token (``github.token``) is an app installation token, which
        may not read ``/user``; its comments are written by a bot account.
        """
        try:
            answer = self.request("GET", f"{self.api_url}/user")
        except (Forbidden, ApiError):
            return None
        login = answer.data.get("login") if isinstance(answer.data, dict) else None
        return login if isinstance(login, str) else None

    def comments(self, repository: str, number: int) -> list[dict[str, Any]]:
        """Every comment of the pull request's conversation, following GitHub's pages."""
        url: str | None = f"{self.api_url}/repos/{repository}/issues/{number}/comments?per_page=100"
        found: list[dict[str, Any]] = []
        while url:
            answer = self.request("GET", url)
            if not isinstance(answer.data, list):
                raise ApiError(f"GET {_path(url)}: expected a list of comments")
            found.extend(item for item in answer.data if isinstance(item, dict))
            url = answer.next_url
        return found


def ours(comment: dict[str, Any], login: str | None) -> bool:
    """A comment this action wrote: the marker first, by the token's account (a bot for the workflow token).

    Anyone may write a comment that starts with the marker; editing theirs would put
    the comparison under their name, so the author must be the token's account.
    """
    body, user = comment.get("body"), comment.get("user")
    if not isinstance(body, str) or not body.lstrip().startswith(MARKER) or not isinstance(user, dict):
        return False
    return bool(user.get("login") == login) if login else bool(user.get("type") == "Bot")


def with_marker(body: str) -> str:
    """The body as posted: it must start with the marker, or the next run would not find it."""
    return body if body.lstrip().startswith(MARKER) else f"{MARKER}\n{body}"


def publish(github: GitHub, repository: str, number: int, body: str, only_update: bool) -> str | None:
    """Edit this action's comment, or post one; the comment's address (None when nothing was done)."""
    login = github.login()
    existing = next((c for c in github.comments(repository, number) if ours(c, login)), None)
    if existing is not None:
        answer = github.request("PATCH", f"{github.api_url}/repos/{repository}/issues/comments/{existing['id']}",
                                {"body": body})
        print(f"mkdocs-journey: updated the comment {_url(answer.data)}")
    elif only_update:
        print("mkdocs-journey: no earlier comment to update")
        return None
    else:
        answer = github.request("POST", f"{github.api_url}/repos/{repository}/issues/{number}/comments",
                                {"body": body})
        print(f"mkdocs-journey: posted the comment {_url(answer.data)}")
    return _url(answer.data) or None


def workflow_command(kind: str, text: str) -> str:
    """``::notice``/``::error`` for the runner, escaped so that the text stays one message."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{kind} title=mkdocs-journey::{escaped}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repository", required=True, help="OWNER/NAME of the pull request's repository")
    parser.add_argument("--pull-request", required=True, type=int, help="the pull request's number")
    parser.add_argument("--body-file", required=True, type=Path, help="the comment's Markdown")
    parser.add_argument("--head-repository", default="", help="OWNER/NAME the pull request comes from")
    parser.add_argument("--only-update", action="store_true", help="edit an earlier comment, never post one")
    args = parser.parse_args(argv)
    token = os.environ.get("GITHUB_TOKEN", "")
    if not token:
        print(workflow_command("error", "no token to comment with: set the action's `github-token` input "
                                        "(default: the workflow's token) or `comment: false`"))
        return 2
    try:
        body = with_marker(args.body_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        print(workflow_command("error", f"cannot read the comment's body {args.body_file}: {error}"))
        return 2
    github = GitHub(os.environ.get("GITHUB_API_URL") or "https://api.github.com", token)
    try:
        url = publish(github, args.repository, args.pull_request, body, args.only_update)
    except Forbidden as error:
        fork = args.head_repository and args.head_repository.lower() != args.repository.lower()
        why = (f"this pull request comes from the fork {args.head_repository}, and GitHub gives such workflows "
               "a read-only token" if fork else
               "the token may not write to this pull request (it needs `pull-requests: write`; "
               "Dependabot's and forks' pull requests get a read-only token)")
        print(workflow_command("notice", f"no pull-request comment: {why}. The comparison is in the job "
                                         f"summary. (GitHub answered: {error})"))
        return 0
    except ApiError as error:
        print(workflow_command("error", f"could not comment on the pull request: {error}"))
        return 1
    output = os.environ.get("GITHUB_OUTPUT")
    if url and output:
        with open(output, "a", encoding="utf-8") as handle:
            handle.write(f"comment-url={url}\n")
    return 0


def _reason(error: urllib.error.HTTPError) -> str:
    try:
        data = json.loads(error.read() or b"null")
    except (json.JSONDecodeError, OSError):
        data = None
    message = data.get("message") if isinstance(data, dict) else None
    return str(message) if message else str(error.reason)


def _path(url: str) -> str:
    """The URL without the host, for messages (the host is the runner's API anyway)."""
    return re.sub(r"^[a-z]+://[^/]+", "", url)


def _url(data: Any) -> str:
    url = data.get("html_url") if isinstance(data, dict) else None
    return url if isinstance(url, str) else ""


if __name__ == "__main__":
    sys.exit(main())
