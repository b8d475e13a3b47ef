"""Rendered map pages kept from one build to the next in the same process (``mkdocs serve``).

:mod:`.map_cache` spares a rebuild reading and validating the maps that did not
change; rendering them was then most of the plugin's part of a rebuild. A rendered
page is kept here with everything it was made from, and reused only while all of
it is the same:

- the collected map itself, as the same object: :class:`~.map_cache.MapCache`
  returns the same object only while the file's bytes and the world it was read
  in (the docs folder's files, the persona files, the settings) are unchanged;
- a key the caller makes of everything else the page reads: its URL, the site's
  settings and Markdown extensions, the template overrides, the comparison and
  the history shown on it;
- every URL the page asked for while it rendered (pictures, links to pages and
  maps, persona pages): each is asked again, and a different answer means
  rendering again, so a page moved or gone is never linked to from a stale page;
- the log records the rendering wrote (a link to a page that does not exist, for
  example), written again on reuse, so a rebuild warns as the first build did.

Pages of maps that are not kept (the caller decides: a map from git, a site whose
Markdown extensions read other files) are rendered every time.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterator, TypeVar

if TYPE_CHECKING:
    from .collection import CollectedMap


A = TypeVar("A")
R = TypeVar("R")

Ask = Callable[[str, Any], Any]
"""Answers one recorded question (``kind``, argument) the way the page asked it, without logging."""


@dataclass(frozen=True)
class Question:
    """One URL a page asked for while it rendered, and the answer it got."""

    kind: str
    argument: Any
    answer: Any


@dataclass
class Recorder:
    """Wraps the URL callbacks of a page's rendering and notes what was asked."""

    questions: list[Question] = field(default_factory=list)

    def wrap(self, kind: str, answer: Callable[[A], R]) -> Callable[[A], R]:
        def asked(argument: A) -> R:
            result = answer(argument)
            self.questions.append(Question(kind, argument, result))
            return result
        return asked


@dataclass(frozen=True)
class KeptPage:
    """A rendered page and what it was rendered from."""

    collected: CollectedMap
    key: Hashable
    questions: tuple[Question, ...]
    records: tuple[logging.LogRecord, ...]
    value: Any
    """What the caller keeps: the page's content and outline."""


class RenderCache:
    """Rendered map pages by generated page ``src_uri``; see the module's docstring."""

    def __init__(self) -> None:
        self._pages: dict[str, KeptPage] = {}
        self.hits = 0
        """Pages reused in the current build (for tests and benchmarks)."""

    def begin(self) -> None:
        self.hits = 0

    def get(self, page: str, collected: CollectedMap, key: Hashable, ask: Ask) -> Any | None:
        """The kept value for ``page`` if nothing it depends on changed (its log records written again)."""
        kept = self._pages.get(page)
        if kept is None or kept.collected is not collected or kept.key != key:
            return None
        for question in kept.questions:
            if ask(question.kind, question.argument) != question.answer:
                return None
        for record in kept.records:
            logging.getLogger(record.name).handle(record)
        self.hits += 1
        return kept.value

    def put(self, page: str, collected: CollectedMap, key: Hashable, recorder: Recorder,
            records: list[logging.LogRecord], value: Any) -> None:
        self._pages[page] = KeptPage(collected, key, tuple(recorder.questions), tuple(records), value)

    def forget(self, page: str) -> None:
        self._pages.pop(page, None)

    def keep_only(self, pages: set[str]) -> None:
        """Forget the pages of maps that are gone, so a long ``serve`` session does not grow."""
        for page in [p for p in self._pages if p not in pages]:
            del self._pages[page]


class _Capture(logging.Handler):
    """Collects the records written in one thread (``serve`` builds in its own; the server logs in others)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        # A record may reach this handler twice: from MkDocs' logger and, when that
        # propagates (in tests), from the root logger.
        if record.thread == self.thread and id(record) not in self._seen:
            self._seen.add(id(record))
            self.records.append(record)


@contextmanager
def captured_records() -> Iterator[list[logging.LogRecord]]:
    """The log records written inside the block (they are written as usual too)."""
    capture = _Capture()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    for logger in loggers:
        logger.addHandler(capture)
    try:
        yield capture.records
    finally:
        for logger in loggers:
            logger.removeHandler(capture)
