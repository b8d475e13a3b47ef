"""Every link in the built example site leads somewhere, in every URL style a site can use.

The plugin writes generated pages, copies images and a stylesheet, and links maps,
backlog rows and touchpoints to each other. A broken relative path only shows on a
published site, usually under a sub-path (GitHub Pages) or with
``use_directory_urls: false`` (sites opened from disk), so the example site is
built three ways and every ``href``/``src`` of every page is followed on disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import build_site, write_inheriting_config

SITE_URL = "https://example.org/reisbureau/handboek/"

#: The example site's own ``site_url`` is switched off (``None``) where a variant
#: tests a site without one; tests/e2e/test_site_url.py builds it as shipped.
VARIANTS: dict[str, dict[str, Any]] = {
    "directory-urls": {"use_directory_urls": True, "site_url": None},
    "file-urls": {"use_directory_urls": False, "site_url": None},
    "site-url": {"use_directory_urls": True, "site_url": SITE_URL},
}

#: Links to elsewhere: not this test's business.
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data"}

#: Attributes that hold a URL the browser fetches or follows.
URL_ATTRIBUTES = ("href", "src", "xlink:href", "poster", "action")


@dataclass(frozen=True)
class Link:
    page: str
    """The page holding the link, relative to the site folder."""
    tag: str
    url: str


@dataclass(frozen=True)
class Site:
    root: Path
    settings: dict[str, Any]

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def parse(self, page: Path) -> BeautifulSoup:
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp(f"links-{request.param}")
    settings = VARIANTS[request.param]
    config = write_inheriting_config(folder, **settings)
    return Site(build_site(config, folder / "site"), settings)


def links(site: Site, page: Path) -> Iterator[Link]:
    soup = site.parse(page)
    relative = page.relative_to(site.root).as_posix()
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str):
                yield Link(relative, element.name, value.strip())
        srcset = element.get("srcset")
        if isinstance(srcset, str):
            for candidate in srcset.split(","):
                if candidate.strip():
                    yield Link(relative, element.name, candidate.split()[0])


def resolve(site: Site, link: Link) -> Path | None:
    """The file a local link fetches, or None for an external link.

    A URL under ``site_url`` counts as local (canonical links, the 404 page), and a
    folder URL means its ``index.html``, as any web server serves it.
    """
    parts = urlsplit(link.url)
    path = unquote(parts.path)
    if parts.scheme in ("http", "https") and site.settings.get("site_url") and link.url.startswith(SITE_URL):
        pass  # `path` is already the absolute path under the site's base path.
    elif parts.scheme or parts.netloc:
        return None
    if path.startswith("/"):
        base = urlsplit(site.settings.get("site_url") or "/").path
        assert path.startswith(base), f"{link.page}: <{link.tag}> {link.url!r} leaves the site's path {base!r}"
        target = PurePosixPath(path[len(base):])
    elif path == "":
        target = PurePosixPath(link.page)
    else:
        target = PurePosixPath(link.page).parent / path
    resolved = (site.root / target).resolve()
    if link.url.split("#")[0].split("?")[0].endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def ids(site: Site, page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        cache[page] = {str(e["id"]) for e in site.parse(page).find_all(id=True)}
    return cache[page]


def test_the_site_has_the_example_maps(site: Site) -> None:
    maps = [p for p in site.pages() if site.parse(p).select_one(".journey .journey-map")]
    assert len(maps) >= 3, [p.relative_to(site.root).as_posix() for p in site.pages()]


def test_no_link_runs_script(site: Site) -> None:
    bad = [link for page in site.pages() for link in links(site, page)
           if urlsplit(link.url).scheme.lower() in {"javascript", "vbscript"}]
    assert bad == []


def test_every_local_link_resolves_to_a_built_file(site: Site) -> None:
    broken: list[str] = []
    checked = 0
    for page in site.pages():
        for link in links(site, page):
            if link.url.startswith("#"):
                continue
            target = resolve(site, link)
            if target is None:
                continue
            checked += 1
            if not target.is_file() or not target.is_relative_to(site.root.resolve()):
                broken.append(f"{link.page}: <{link.tag}> {link.url} -> {target}")
    assert checked > 100, "the site should hold many local links"
    assert broken == [], "\n".join(broken)


def test_every_anchor_exists_on_the_page_it_names(site: Site) -> None:
    missing: list[str] = []
    cache: dict[Path, set[str]] = {}
    checked = 0
    for page in site.pages():
        for link in links(site, page):
            parts = urlsplit(link.url)
            if not parts.fragment or link.tag in ("script", "img", "link"):
                continue
            target = page if link.url.startswith("#") else resolve(site, link)
            if target is None or not target.is_file() or target.suffix != ".html":
                continue
            checked += 1
            if unquote(parts.fragment) not in ids(site, target, cache):
                missing.append(f"{link.page}: <{link.tag}> {link.url}")
    assert checked > 50, "the maps alone link many touchpoints and backlog rows"
    assert missing == [], "\n".join(missing)


def test_journeys_json_urls_name_built_pages(site: Site) -> None:
    # The example site keeps the default `export: true`: a build without the export has
    # lost a feature (tools and the browser tests read it), which must fail, not skip.
    export = site.root / "journeys.json"
    assert export.is_file(), f"the build wrote no journeys.json in {site.root}"
    data = json.loads(export.read_text(encoding="utf-8"))
    urls = [journey["url"] for journey in data["journeys"]]
    assert urls, "the example site's maps are exported"
    for url in urls:
        target = site.root / url
        if url.endswith("/") or url == "":
            target = target / "index.html"
        assert target.is_file(), f"journeys.json names {url!r}, which was not built"
        assert site.parse(target).select_one(".journey-map"), f"{url!r} is not a map page"
