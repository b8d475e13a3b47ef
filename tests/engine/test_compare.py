"""What a compared map page marks: new touchpoints, changed emotions, the ghost curve's scores."""

from __future__ import annotations

from pathlib import Path

from mkdocs_journey.engine.collection import CollectedMap, Collection
from mkdocs_journey.engine.compare import TouchpointMark, compare, new_at_ref
from mkdocs_journey.engine.describe import describe
from mkdocs_journey.engine.diff import diff
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.settings import BuildSettings

from ..files import put

CURRENT = """\
title: Now
stages:
  - name: Search
    id: search
    touchpoints:
      - {name: Google, id: google, emotion: 4}
      - {name: Website, id: site, emotion: 2}
      - {name: Phone, id: phone, emotion: 3}
  - name: Book
    id: book
    touchpoints:
      - {name: Form, id: form}
      - {name: Mail, id: mail, emotion: 3}
"""

FUTURE = """\
title: Later
state: future
stages:
  - name: Search
    id: search
    touchpoints:
      - {name: Google, id: google, emotion: 4}
      - {name: Website with filters, id: site, emotion: 5}
      - {name: Chat, id: chat, emotion: 4}
  - name: Book
    id: book
    touchpoints:
      - {name: Form, id: form, emotion: 4}
      - {name: Phone, id: phone, emotion: 1}
"""


def collected(tmp_path: Path, name: str, text: str) -> CollectedMap:
    path = put(tmp_path, name, text)
    return Collection(DocsTree.scan(tmp_path), BuildSettings()).journey(path)


def test_marks_follow_the_diff(tmp_path: Path) -> None:
    old, new = collected(tmp_path, "now.journey.yml", CURRENT), collected(tmp_path, "later.journey.yml", FUTURE)
    comparison = compare(old, new, Translator("en"))
    assert comparison.marks == {
        ("search", "google"): TouchpointMark(ghost=4),
        ("search", "site"): TouchpointMark(emotion_changed=True, was=2, ghost=2),  # renamed, matched by id
        ("search", "chat"): TouchpointMark(new=True),
        ("book", "form"): TouchpointMark(emotion_changed=True, was=None, ghost=None),  # had no emotion
        ("book", "phone"): TouchpointMark(emotion_changed=True, was=3, ghost=3),  # moved from Search
    }
    assert comparison.title == "Now" and comparison.ref is None and not comparison.new_map
    # The panel says what the diff command says, in the same words.
    assert comparison.description == describe(old, new, diff(old, new), Translator("en"))
    removed = [g.name for s in comparison.description.sections for g in s.groups if g.status == "removed"]
    assert removed == ["Mail"]


def test_a_map_new_at_the_ref_has_only_new_touchpoints(tmp_path: Path) -> None:
    new = collected(tmp_path, "later.journey.yml", FUTURE)
    comparison = new_at_ref(new, "main", "abc1234")
    assert comparison.new_map and comparison.description is None
    assert set(comparison.marks.values()) == {TouchpointMark(new=True)}
    assert len(comparison.marks) == 5
