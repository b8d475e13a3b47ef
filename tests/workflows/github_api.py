"""A small GitHub REST API on 127.0.0.1: the three comment endpoints the action uses, and ``/user``.

The action's comment script (``action/comment.py``) talks HTTP to ``GITHUB_API_URL``;
the tests point that at this server, a real ``http.server`` in a thread, so the
script's requests, headers, pagination and error handling run as they would
against GitHub. It answers the way GitHub documents:

- ``GET /repos/{repo}/issues/{n}/comments?per_page=&page=``: the comments oldest
  first, at most ``per_page`` (default 30, at most 100) a page, with a
  ``Link: <...>; rel="next"`` header while more pages follow;
- ``POST`` to the same path: a new comment (201), written by the token's account;
- ``PATCH /repos/{repo}/issues/comments/{id}``: the edited comment (200);
- ``GET /user``: the account of a personal token; 403 for an app's token (the
  workflow's ``github.token`` is one);
- 401 for an unknown token, 403 ``Resource not accessible by integration`` when a
  read-only token (a fork's pull request) writes, 404 for anything else.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

BOT = {"login": "github-actions[bot]", "type": "Bot"}


@dataclass(frozen=True)
class Token:
    """Who a token is and what it may do."""

    user: dict[str, str]
    app: bool = True
    """An app installation token (the workflow's own): ``/user`` is forbidden."""
    write: bool = True


@dataclass
class Request:
    method: str
    path: str
    authorization: str
    body: Any


@dataclass
class FakeGitHub:
    repository: str = "acme/handbook"
    number: int = 7
    tokens: dict[str, Token] = field(default_factory=lambda: {"workflow-token": Token(BOT)})
    comments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    next_link_host: str | None = None
    """Answer with pagination links to this host instead of the server's own."""
    url: str = ""
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1001))

    def add_comment(self, body: str, user: dict[str, str] = BOT) -> dict[str, Any]:
        comment_id = next(self._ids)
        comment = {"id": comment_id, "body": body, "user": dict(user),
                   "html_url": f"https://github.com/{self.repository}/pull/{self.number}#issuecomment-{comment_id}"}
        self.comments.append(comment)
        return comment

    def writes(self) -> list[Request]:
        return [r for r in self.requests if r.method in ("POST", "PATCH")]


_COMMENTS = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/issues/(?P<number>\d+)/comments$")
_COMMENT = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/issues/comments/(?P<id>\d+)$")


def _handler(github: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            """Quiet: the tests read ``github.requests``."""

        def _answer(self, status: int, data: Any, link: str | None = None) -> None:
            body = json.dumps(data).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if link:
                self.send_header("Link", link)
            self.end_headers()
            self.wfile.write(body)

        def _serve(self, method: str) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            authorization = self.headers.get("Authorization") or ""
            github.requests.append(Request(method, self.path, authorization, body))
            token = github.tokens.get(authorization.removeprefix("Bearer "))
            if token is None:
                return self._answer(401, {"message": "Bad credentials"})
            if method == "GET" and url.path == "/user":
                if token.app:
                    return self._answer(403, {"message": "Resource not accessible by integration"})
                return self._answer(200, token.user)
            listing, single = _COMMENTS.match(url.path), _COMMENT.match(url.path)
            if listing and listing["repo"] == github.repository and int(listing["number"]) == github.number:
                if method == "GET":
                    return self._list(url.query)
                if method == "POST":
                    if not token.write:
                        return self._answer(403, {"message": "Resource not accessible by integration"})
                    return self._answer(201, github.add_comment(body["body"], token.user))
            if single and single["repo"] == github.repository and method == "PATCH":
                found = next((c for c in github.comments if c["id"] == int(single["id"])), None)
                if found is not None:
                    if not token.write:
                        return self._answer(403, {"message": "Resource not accessible by integration"})
                    found["body"] = body["body"]
                    return self._answer(200, found)
            return self._answer(404, {"message": "Not Found"})

        def _list(self, query: str) -> None:
            params = parse_qs(query)
            per_page = min(int(params.get("per_page", ["30"])[0]), 100)
            page = int(params.get("page", ["1"])[0])
            chunk = github.comments[(page - 1) * per_page: page * per_page]
            link = None
            if page * per_page < len(github.comments):
                host = github.next_link_host or github.url
                path = urlsplit(self.path).path
                link = f'<{host}{path}?per_page={per_page}&page={page + 1}>; rel="next"'
            self._answer(200, chunk, link)

        def do_GET(self) -> None:  # noqa: N802 - http.server's names
            self._serve("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._serve("POST")

        def do_PATCH(self) -> None:  # noqa: N802
            self._serve("PATCH")

    return Handler


def serve(github: FakeGitHub) -> Iterator[FakeGitHub]:
    """Run the API until the generator is closed; ``github.url`` is its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(github))
    github.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield github
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
