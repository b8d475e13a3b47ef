"""A map page compared with another map (``compare_to``) or with its version at a git ref (``compare_ref``).

Real builds in tmp folders, real git repositories; the pages are read with BeautifulSoup.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.describe import describe
from mkdocs_journey.engine.diff import diff
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.render.emotion_curve import level, number
from mkdocs_journey.engine.settings import BuildSettings

from ..gitrepo import Repo, git
from .conftest import DUTCH_MAP, Project, map_url, page_path, plugin_records, soup
from .test_pages import resolve

#: The future of DUTCH_MAP: the website goes from 2 to 5, a chat is new (with a name that
#: tries to run script), and the Google touchpoint stays as it was.
FUTURE_MAP = """\
title: Rondreis boeken — toekomst
state: future
compare_to: rondreis.journey.yml
persona: mark
stages:
  - name: Oriëntatie
    id: orientatie
    touchpoints:
      - name: Zoekopdracht in Google
        id: google
        emotion: 4
  - name: Afweging
    id: afweging
    touchpoints:
      - name: Website
        id: website
        emotion: 5
      - name: "Chat <img src=x onerror=alert(1)>"
        id: chat
        emotion: 4
"""

FUTURE = "journeys/rondreis-toekomst"


def lines_of(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [" ".join(li.get_text(" ", strip=True).split()) for li in page.select(".journey-compare__line")]


def test_a_future_map_shows_its_current_map(project: Project, use_directory_urls: bool) -> None:
    project.write(f"{FUTURE}.journey.yml", FUTURE_MAP)
    site = project.build()
    url = map_url(use_directory_urls, FUTURE)
    page = soup(page_path(site, url))

    # `was N` in the emotion cell of the touchpoint whose emotion changed, and only there.
    cells = page.select(".journey-lane--emotion td")
    assert [p.get_text(strip=True) for p in page.select(".journey-emotion__was")] == ["was 2"]
    assert [i for i, cell in enumerate(cells) if cell.select(".journey-emotion__was")] == [1]  # the website
    # The "new" badge on the chat only; its name escaped, never an element.
    new = page.select(".journey-touchpoint--new")
    assert [th["id"] for th in new] == ["tp-afweging--chat"]
    assert new[0].select_one(".journey-badge--new").get_text(strip=True) == "nieuw"
    assert page.find("img", onerror=True) is None
    assert "Chat <img src=x onerror=alert(1)>" in page.select_one("#tp-afweging--chat").get_text()
    # The ghost curve: the current map's 2 at the website, behind this map's own curve.
    # Each cell shows its piece of both curves as a <use> of a symbol of the map's sprite.
    pieces = [page.select_one(f"symbol[id='{use['href'][1:]}']") if use else None
              for use in (cell.select_one("td > svg > use") for cell in page.select(".journey-lane--emotion td"))]
    website = pieces[1].select_one(".journey-emotion__ghost")["d"]
    assert f" {number(level(2))}" in website
    assert pieces[1].select_one(".journey-emotion__ghost").find_next_sibling("path")["class"] == ["journey-emotion__curve"]  # then the curve
    assert pieces[2].select_one(".journey-emotion__ghost") is None  # new: no ghost there

    # The panel: its heading, a link to the other map, and the diff's lines in Dutch.
    assert page.select_one("h2#journey-compare").get_text(strip=True) == "Vergeleken met Rondreis door de VS boeken"
    link = page.select_one(".journey-compare__source a")
    assert resolve(site, url, link["href"]) == page_path(site, map_url(use_directory_urls))
    docs = DocsTree.scan(project.docs)
    collection = Collection(docs, BuildSettings())
    old = collection.journey(project.docs / "journeys/rondreis.journey.yml")
    new = collection.journey(project.docs / f"{FUTURE}.journey.yml")
    described = describe(old, new, diff(old, new), Translator("nl"))
    expected = [f"{line.what}: {line.before or '—'} → {line.after or '—'}" for line in described.lines()]
    assert lines_of(page) == [" ".join(e.split()) for e in expected]
    assert page.select_one(".journey-compare__summary").get_text(strip=True) == described.summary
    assert "Emotie: 2 negatief → 5 zeer positief" in lines_of(page)
    # In the table of contents, and a badge in the summary that leads there.
    toc = [a.get_text(strip=True) for a in page.select("nav.md-nav--secondary a[href='#journey-compare']")]
    assert set(toc) == {"Vergeleken met Rondreis door de VS boeken"}
    assert page.select_one(".journey-badge--compare a")["href"] == "#journey-compare"

    # The current map itself compares with nothing.
    current = soup(page_path(site, map_url(use_directory_urls)))
    assert current.select_one("#journey-compare") is None and not current.select(".journey-emotion__ghost")


def test_an_english_page_says_was(project: Project) -> None:
    project.write("saas/trial-later.journey.yml", """\
        title: A later trial
        compare_to: trial.journey.yml
        stages:
          - name: Sign up
            touchpoints:
              - name: Pricing page
                emotion: 4
        """)
    project.config["theme"]["language"] = "en"
    page = soup(page_path(project.build(), "saas/trial-later/index.html"))
    assert [p.get_text(strip=True) for p in page.select(".journey-emotion__was")] == ["was 2"]
    assert page.select_one("h2#journey-compare").get_text(strip=True) == "Compared with Start a free trial"


# -- compare_ref: this version against the base branch ------------------------------------------


@pytest.fixture
def repo(project: Project) -> Repo:
    """The project as a git repository: the maps committed once, as the base branch."""
    (project.root / ".gitignore").write_text("site/\nmkdocs.yml\n", encoding="utf-8")
    repository = Repo(project.root)
    repository.commit("Maps as they are on main")
    return repository


def test_compare_ref_marks_exactly_what_changed(project: Project, repo: Repo) -> None:
    text = DUTCH_MAP.replace("emotion: 2", "emotion: 3")
    text = text.replace("improvements:", "      - name: Chat\n        id: chat\n        emotion: 4\nimprovements:")
    project.write("journeys/rondreis.journey.yml", text)
    project.write("journeys/nieuw.journey.yml", "title: Nieuw\nstages:\n  - name: A\n    touchpoints:\n"
                                                  "      - name: B\n      - name: C\n")
    repo.commit("Better website, a chat, a new map")
    base = git(project.root, "rev-parse", "--short=7", "HEAD~1")
    project.set_options(compare_ref="HEAD~1")
    site = project.build()

    page = soup(page_path(site, "journeys/rondreis/"))
    assert [p.get_text(strip=True) for p in page.select(".journey-emotion__was")] == ["was 2"]
    assert [th["id"] for th in page.select(".journey-touchpoint--new")] == ["tp-afweging--chat"]
    banner = page.select_one(".journey-compare-banner")
    assert "HEAD~1" in banner.get_text() and base in banner.get_text()
    assert banner.select_one("a")["href"] == "#journey-compare"
    assert page.select_one("h2#journey-compare").get_text(strip=True) == "Vergeleken met HEAD~1"
    assert "Emotie: 2 negatief → 3 neutraal" in lines_of(page)

    unchanged = soup(page_path(site, "saas/trial/"))
    assert unchanged.select_one(".journey-compare__none").get_text(strip=True) == "Geen wijzigingen."
    assert not unchanged.select(".journey-emotion__was") and not unchanged.select(".journey-badge--new")

    added = soup(page_path(site, "journeys/nieuw/"))
    assert len(added.select(".journey-badge--new")) == 2
    assert "bestaat niet op HEAD~1" in added.select_one(".journey-compare__new-map").get_text()


def test_compare_ref_wins_over_compare_to(project: Project, repo: Repo) -> None:
    project.write(f"{FUTURE}.journey.yml", FUTURE_MAP)
    repo.commit("A future map")
    project.set_options(compare_ref="HEAD")
    page = soup(page_path(project.build(), f"{FUTURE}/"))
    assert page.select_one("h2#journey-compare").get_text(strip=True) == "Vergeleken met HEAD"
    assert page.select_one(".journey-compare__none") is not None


def test_a_renamed_map_is_compared_with_its_old_name(project: Project, repo: Repo) -> None:
    git(project.root, "mv", "docs/journeys/rondreis.journey.yml", "docs/journeys/vs.journey.yml")
    project.write("journeys/vs.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotion: 1"))
    project.set_options(compare_ref="main")  # against the working tree: not committed yet
    page = soup(page_path(project.build(), "journeys/vs/"))
    assert [p.get_text(strip=True) for p in page.select(".journey-emotion__was")] == ["was 2"]
    assert not page.select(".journey-badge--new")


def warnings(journey_log: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in plugin_records(journey_log, logging.WARNING)]


def test_without_a_repository_one_warning_and_no_comparison(project: Project,
                                                            journey_log: pytest.LogCaptureFixture) -> None:
    project.set_options(compare_ref="main")
    site = project.build()
    [warning] = warnings(journey_log)
    assert "compare_ref: cannot compare the maps with `main`: " in warning
    assert "is not inside a git repository" in warning and warning.endswith("The pages show no comparison.")
    page = soup(page_path(site, "journeys/rondreis/"))
    assert page.select_one("#journey-compare") is None and page.select_one(".journey-compare-banner") is None
    result = project.run_mkdocs("build", "--strict")
    assert result.returncode != 0 and "is not inside a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_git_one_warning(project: Project, journey_log: pytest.LogCaptureFixture,
                                 monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("PATH", str(tmp_path_factory.mktemp("no-git")))
    project.set_options(compare_ref="main", history=True)
    project.build()
    found = warnings(journey_log)
    assert len(found) == 2 and all("git is not installed" in w for w in found)
    assert "compare_ref:" in found[0] and "history:" in found[1]


def test_an_unknown_ref_says_how_to_fetch_it(project: Project, repo: Repo,
                                             journey_log: pytest.LogCaptureFixture) -> None:
    project.set_options(compare_ref="origin/nope")
    project.build()
    [warning] = warnings(journey_log)
    assert "unknown git ref `origin/nope`" in warning and "git fetch origin nope" in warning


def test_a_shallow_clone_without_the_ref(project: Project, repo: Repo, journey_log: pytest.LogCaptureFixture,
                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotion: 3"))
    repo.commit("Second version")
    clone_root = tmp_path_factory.mktemp("ci") / "clone"
    git(clone_root.parent, "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone_root))
    clone = Project(clone_root, project.config)
    clone.set_options(compare_ref="HEAD~1")
    site = clone.build()
    [warning] = warnings(journey_log)
    assert "shallow clone" in warning and "fetch-depth: 0" in warning
    page = soup(page_path(site, "journeys/rondreis/"))
    assert page.select_one("#journey-compare") is None
    # The history shows what the clone has, and says that older history is not there.
    assert [e.select_one(".journey-history__subject").get_text(strip=True)
            for e in page.select(".journey-history__entry")] == ["Second version"]
    assert "ondiepe kloon" in page.select_one(".journey-history__shallow").get_text()


def test_an_old_version_with_errors_is_skipped(project: Project, repo: Repo,
                                               journey_log: pytest.LogCaptureFixture) -> None:
    shutil.copy(project.docs / "journeys/rondreis.journey.yml", project.root / "good.yml")
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotoin: 2"))
    repo.commit("A typo on main")
    project.write("journeys/rondreis.journey.yml", (project.root / "good.yml").read_text("utf-8"))
    project.set_options(compare_ref="HEAD")
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one("#journey-compare") is None
    assert not warnings(journey_log)
    infos = [r.getMessage() for r in plugin_records(journey_log, logging.INFO)]
    assert any("its version at `HEAD` has errors" in m for m in infos)


def test_a_map_excluded_from_the_site_is_still_compared_without_a_link(project: Project) -> None:
    project.write(f"{FUTURE}.journey.yml", FUTURE_MAP)
    project.config["exclude_docs"] = "journeys/rondreis.journey.yml\n"
    site = project.build()
    assert not page_path(site, "journeys/rondreis/").exists()
    page = soup(page_path(site, f"{FUTURE}/"))
    source = page.select_one(".journey-compare__source")
    assert source.find("a") is None and "Rondreis door de VS boeken" in source.get_text()
    assert [p.get_text(strip=True) for p in page.select(".journey-emotion__was")] == ["was 2"]


def test_compare_ref_from_the_environment(project: Project, repo: Repo) -> None:
    """``compare_ref: !ENV [JOURNEY_COMPARE_REF, null]``, as the docs and the recipe write it."""
    import os
    import subprocess
    import sys

    from .conftest import EPOCH

    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotion: 3"))
    repo.commit("Better website")
    config = project.write_config()
    config.write_text(config.read_text("utf-8").replace(
        "- journey: {}", "- journey:\n    compare_ref: !ENV [JOURNEY_COMPARE_REF, null]"), encoding="utf-8")
    assert "!ENV" in config.read_text("utf-8")
    site = project.root / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=project.root, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1",
                                 "JOURNEY_COMPARE_REF": "HEAD~1"})
    assert result.returncode == 0, result.stderr
    page = soup(page_path(site, "journeys/rondreis/"))
    assert [p.get_text(strip=True) for p in page.select(".journey-emotion__was")] == ["was 2"]
