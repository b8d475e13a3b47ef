"""The example site built by the other generators: Zensical (no plugins) and ProperDocs (with the plugin).

Zensical runs the Markdown extension but no MkDocs plugin, so the example site carries
what the Zensical recipe (docs/recipes/zensical.md) says: the extension and its
superfences fence in ``mkdocs.yml``, and the pages ``mkdocs-journey pages`` wrote;
the test writes the stylesheet with ``mkdocs-journey assets`` as the recipe does.
ProperDocs, MkDocs' fork, loads the plugin as MkDocs does. Each builds a copy of
the example site in a subprocess, and the built HTML must show every map.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ..ci_skips import LOWEST_ONLY, lowest_run
from ..installed import console_script
from .conftest import EXAMPLE_SITE

MAPS = {
    "journeys/rondreis-vs/": "Rondreis door de VS boeken",
    "journeys/rondreis-vs-toekomst/": "Rondreis door de VS boeken — toekomst",
    "journeys/groepsreis/": "Groepsreis voor een vereniging organiseren",
    "journeys/saas-trial/": "From free trial to onboarded customer",
}
ENV = {"SOURCE_DATE_EPOCH": "1798761600", "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}


def require(module: str) -> None:
    """The generator must be installed; only the oldest-dependency run goes without (see ci_skips)."""
    if importlib.util.find_spec(module) is not None:
        return
    if lowest_run():
        pytest.skip(LOWEST_ONLY + module)
    pytest.fail(f"`{module}` is not installed: pip install -e '.[test,test-generators]' (or run `bash scripts/test`)",
                pytrace=False)


def copy_example(tmp_path: Path) -> Path:
    site = tmp_path / "example-site"
    shutil.copytree(EXAMPLE_SITE, site, ignore=shutil.ignore_patterns("site", ".cache"))
    return site


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **ENV}, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def assert_every_map_and_the_overview(site: Path) -> None:
    for url, title in MAPS.items():
        html = page(site, url)
        assert html.find("h1").get_text(strip=True).rstrip("¶") == title, url
        assert html.find("table", class_="journey-map") is not None, url
        assert html.find(class_="journey-backlog") or html.find(class_="journey-backlog__empty"), url
        ids = [e["id"] for e in html.find_all(id=True)]
        assert len(ids) == len(set(ids)), url
        # The same anchors as the plugin's map pages, so links between maps work on either site.
        assert html.find(id="journey-map") is not None, url
    overview = page(site, "overzicht/")
    fences = overview.find_all("div", class_="journey-fence")
    assert len(fences) == 3
    assert fences[0].find(class_="journey-map--compact").select_one("tr.journey-lane--emotion td > svg") is not None
    assert [len(f.select("ol.journey-backlog > li")) > 0 for f in fences[1:]] == [True, True]
    assert [h.get_text(strip=True).rstrip("¶") for h in overview.find_all("h3")] == ["Verbeterbacklog"] * 2
    for link in overview.select(".journey-fence a[href]"):
        href = link["href"].split("#")[0]
        if href and "://" not in href:
            assert (site / "overzicht" / href / "index.html").resolve().is_file(), href
    assert (site / "assets" / "stylesheets" / "journey.css").is_file()


@pytest.mark.slow
def test_zensical_builds_the_example_site_with_every_map(tmp_path: Path) -> None:
    require("zensical")
    folder = copy_example(tmp_path)
    run([str(console_script()), "pages", "--check", "docs"], folder)  # the committed pages are up to date
    run([str(console_script()), "assets", "docs"], folder)
    run([sys.executable, "-m", "zensical", "build", "--clean"], folder)
    assert_every_map_and_the_overview(folder / "site")


@pytest.mark.slow
def test_zensical_keeps_the_yaml_off_the_site_with_exclude_docs(tmp_path: Path) -> None:
    require("zensical")
    folder = copy_example(tmp_path)
    run([str(console_script()), "assets", "docs"], folder)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "exclude_docs: |\n  *.journey.yml\n  *.persona.yml\n", "utf-8")
    run([sys.executable, "-m", "zensical", "build", "--clean"], folder)
    site = folder / "site"
    assert_every_map_and_the_overview(site)
    assert sorted(p.name for p in site.rglob("*.yml")) == []


@pytest.mark.slow
def test_properdocs_builds_the_example_site_with_the_plugin(tmp_path: Path) -> None:
    require("properdocs")
    folder = copy_example(tmp_path)
    run([sys.executable, "-m", "properdocs", "build", "--strict"], folder)
    site = folder / "site"
    assert_every_map_and_the_overview(site)
    assert (site / "journeys.json").is_file()  # the plugin ran, not only the extension
    assert not list(site.rglob("*.journey.yml"))


ZENSICAL_TOML = '''\
[project]
site_name = "Handbook"
extra_css = ["assets/stylesheets/journey.css"]
exclude_docs = """
*.journey.yml
*.persona.yml
"""

[project.markdown_extensions.pymdownx.superfences]
custom_fences = [
  { name = "journey", class = "journey", format = "mkdocs_journey.markdown.fence_format", validator = "mkdocs_journey.markdown.fence_validator" },
]

[project.markdown_extensions."mkdocs_journey.markdown"]
'''


@pytest.mark.slow
def test_zensical_toml_as_the_recipe_writes_it(tmp_path: Path) -> None:
    """The recipe's ``zensical.toml``: a fence on the home page, a page per map, no YAML on the site."""
    require("zensical")
    recipe = (EXAMPLE_SITE.parent / "docs" / "recipes" / "zensical.md").read_text("utf-8")
    assert ZENSICAL_TOML.split("\n", 3)[3] in recipe.replace("   # quoted: the name has a dot", "")
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML, "utf-8")
    (tmp_path / "docs" / "journeys").mkdir(parents=True)
    shutil.copy(EXAMPLE_SITE.parent / "docs" / "examples" / "booking.journey.yml", tmp_path / "docs" / "journeys")
    (tmp_path / "docs" / "index.md").write_text(
        "# Home\n\n```journey\nfile: journeys/booking.journey.yml\nshow: [title, curve]\n```\n", "utf-8")
    run([str(console_script()), "assets", "docs"], tmp_path)
    run([str(console_script()), "pages", "docs"], tmp_path)
    run([sys.executable, "-m", "zensical", "build", "--clean"], tmp_path)
    site = tmp_path / "site"
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    assert home.select_one(".journey-fence .journey-map--compact tr.journey-lane--emotion td > svg") is not None
    assert home.select_one(".journey-fence__title a")["href"] == "journeys/booking/"
    assert page(site, "journeys/booking/").find("table", class_="journey-map") is not None
    assert not list(site.rglob("*.yml"))
