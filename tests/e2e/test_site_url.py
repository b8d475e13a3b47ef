"""Both shipped sites, built as GitHub Pages publishes them: under a sub-path.

GitHub Pages serves a project site under ``/<repository>/``, the docs at its root
and the example site under ``/example/``. Without ``site_url`` the sitemap is empty
and ``404.html`` (served for any missing path, at any depth) links to ``/assets/…``,
which is outside the project. So both ``mkdocs.yml`` files set ``site_url``, the
docs workflow replaces it with the Pages site's real URL through the ``SITE_URL``
and ``EXAMPLE_SITE_URL`` environment variables, and these tests build the two
sites into the layout Pages serves and follow every link of the 404 pages and
every sitemap entry there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import EXAMPLE_SITE, REPO

DOCS_URL = "https://mkdocs-journey.github.io/mkdocs-journey/"
EXAMPLE_URL = DOCS_URL + "example/"
FORK_URL = "https://someone.github.io/journeys-fork/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True)
class Pages:
    """The folder GitHub Pages serves at ``base_url``: the docs site, the example site in ``example/``."""

    root: Path
    base_url: str

    def file_for(self, url: str) -> Path | None:
        """The file a URL under ``base_url`` serves, as a static server finds it, or None for other hosts."""
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and not url.startswith(self.base_url):
            return None
        base_path = urlsplit(self.base_url).path
        path = unquote(parts.path)
        assert path.startswith(base_path), f"{url} leaves {base_path}"
        target = self.root / PurePosixPath(path[len(base_path):])
        return target / "index.html" if path.endswith("/") or target.is_dir() else target


def _build(config: Path, site_dir: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=config.parent, env=env, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def _publish(folder: Path, urls: dict[str, str] | None = None) -> Pages:
    """Build both sites as .github/workflows/docs.yml does, with its environment variables if given."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "EXAMPLE_SITE_URL")}
    env.update(urls or {})
    _build(REPO / "mkdocs.yml", folder, env)
    _build(EXAMPLE_SITE / "mkdocs.yml", folder / "example", env)
    return Pages(folder, (urls or {}).get("SITE_URL", DOCS_URL))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    return _publish(tmp_path_factory.mktemp("pages") / "site")


def _sitemap(site: Path) -> list[str]:
    tree = ET.parse(site / "sitemap.xml")
    return [loc.text or "" for loc in tree.iter(f"{SITEMAP}loc")]


@pytest.mark.parametrize(("folder", "url"), [("", DOCS_URL), ("example", EXAMPLE_URL)])
def test_sitemaps_list_every_page_under_the_published_url(pages: Pages, folder: str, url: str) -> None:
    locations = _sitemap(pages.root / folder)
    assert len(locations) >= 5, locations
    for location in locations:
        assert location.startswith(url), location
        target = pages.file_for(location)
        assert target is not None and target.is_file(), f"the sitemap names {location}, which was not built"


@pytest.mark.parametrize("folder", ["", "example"])
def test_404_page_links_work_at_any_depth(pages: Pages, folder: str) -> None:
    """Pages serves 404.html for a missing URL at any depth, so its local links must be absolute."""
    page = pages.root / folder / "404.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    checked = 0
    for element in soup.find_all(["a", "link", "script", "img"]):
        url = element.get("href") or element.get("src")
        if not isinstance(url, str) or url.startswith(("#", "mailto:", "data:")) or url == "":
            continue
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            target = pages.file_for(url)
        else:
            assert url.startswith("/"), f"{folder}/404.html: relative link {url!r} breaks below the site root"
            base_path = urlsplit(pages.base_url).path
            assert parts.path.startswith(base_path), f"{folder}/404.html: {url} is outside {base_path}"
            target = pages.file_for(urljoin(pages.base_url, parts.path))
        if target is None:
            continue
        checked += 1
        assert target.is_file(), f"{folder}/404.html: {url} -> {target} does not exist"
    assert checked >= 5, "the 404 page links the stylesheets, scripts and navigation"


def test_the_docs_home_and_examples_page_link_the_published_example_site(pages: Pages) -> None:
    for page, url in (("index.html", pages.base_url), ("examples/index.html", pages.base_url + "examples/")):
        soup = BeautifulSoup((pages.root / page).read_text(encoding="utf-8"), "html.parser")
        links = [str(a["href"]) for a in soup.select("article a[href]")
                 if urlsplit(str(a["href"])).path.rstrip("/").endswith("example")]
        assert links, f"{page} does not link the example site"
        for href in links:
            assert pages.file_for(urljoin(url, href)) == pages.root / "example" / "index.html", f"{page}: {href}"


def test_the_workflow_s_pages_url_replaces_the_written_one(tmp_path: Path) -> None:
    """A fork (or a custom domain) publishes with its own URL: docs.yml passes it in."""
    pages = _publish(tmp_path / "site", {"SITE_URL": FORK_URL, "EXAMPLE_SITE_URL": FORK_URL + "example/"})
    assert all(loc.startswith(FORK_URL) for loc in _sitemap(pages.root)), _sitemap(pages.root)
    assert all(loc.startswith(FORK_URL + "example/") for loc in _sitemap(pages.root / "example"))
    assert 'href="/journeys-fork/' in (pages.root / "404.html").read_text(encoding="utf-8")
