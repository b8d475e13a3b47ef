"""The whole journey at a glance, in Chromium: the overview strip, room for the map, lanes on
demand, print on few pages, and no accessibility violations from the map's markup.

The pages are the real builds of ``conftest.served`` (the Dutch example site and the
English docs site); one extra site in a temporary folder holds a 25-touchpoint map,
the largest the strip is meant to show without scrolling at 1440 px. axe-core
(bundled by ``axe-playwright-python``) judges every map page in light and dark,
desktop and phone; only Material's own chrome around the page (its header with
the search, its navigation sidebars, tabs and footer) is left out, as none of it
is the plugin's markup.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from .conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Served
from .test_map_pages import PAGES, SCHEMES, VIEWPORTS, open_page, page_url

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "screenshots"
#: Material's chrome around the page; everything else on a map page is the plugin's.
MATERIAL_CHROME = [[".md-header"], [".md-sidebar"], [".md-tabs"], [".md-footer"]]
ROUND_TRIP = "rondreis-vs"


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium wrote: its page objects (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _open(browser: Any, served: Served, name: str, scheme: str = "light", viewport: str = "desktop") -> Iterator[Any]:
    yield from open_page(browser, served, name, scheme, viewport)


# -- The first screen ----------------------------------------------------------------------


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_first_screen_shows_the_whole_journey_and_the_start_of_the_swimlanes(
        browser: Any, served: Served, scheme: str) -> None:
    for page in _open(browser, served, ROUND_TRIP, scheme):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"glance-first-screen-{scheme}.png"))
        where = page.evaluate("""() => {
          const strip = document.querySelector('.journey-strip__scroll');
          const row = document.querySelector('table.journey-map tr.journey-lane--touchpoint');
          const title = document.querySelector('.md-content h1');
          return {stripTop: strip.getBoundingClientRect().top, stripBottom: strip.getBoundingClientRect().bottom,
                  titleBottom: title.getBoundingClientRect().bottom,
                  stripScroll: strip.scrollWidth, stripClient: strip.clientWidth,
                  points: document.querySelectorAll('.journey-strip__points > li').length,
                  rowTop: row.getBoundingClientRect().top, height: window.innerHeight};
        }""")
        assert where["titleBottom"] <= where["stripTop"], where  # under the title
        assert where["stripBottom"] <= where["height"], where
        assert where["stripScroll"] <= where["stripClient"] + 1, f"the strip scrolls at 1440px: {where}"
        assert where["points"] == 14, where  # every touchpoint
        assert where["rowTop"] < where["height"], f"the swimlanes start below the first screen: {where}"


def _twenty_five_touchpoints() -> str:
    stages = []
    for s in range(5):
        points = "\n".join(f"      - {{name: Touchpoint {s}.{t} with a longer name, emotion: {1 + (s + t) % 5}}}"
                           for t in range(5))
        stages.append(f"  - name: Stage number {s} of the journey\n    touchpoints:\n{points}")
    return "title: Twenty-five touchpoints\nstages:\n" + "\n".join(stages) + "\n"


@pytest.fixture(scope="module")
def wide_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Material site with one 25-touchpoint map, built into a folder (opened as files)."""
    root = tmp_path_factory.mktemp("wide")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "wide.journey.yml").write_text(_twenty_five_touchpoints(), encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Wide\ntheme: {name: material}\nplugins: [journey]\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
                            cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return root / "site" / "wide" / "index.html"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_strip_fits_25_touchpoints_at_1440px_and_scrolls_inside_itself_on_a_phone(
        browser: Any, wide_map: Path, viewport: str) -> None:
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        page.goto(wide_map.as_uri())
        sizes = page.evaluate("""() => {
          const strip = document.querySelector('.journey-strip__scroll');
          const point = document.querySelector('.journey-strip__points > li');
          return {scroll: strip.scrollWidth, client: strip.clientWidth, page: document.documentElement.scrollWidth,
                  inner: window.innerWidth, point: point.getBoundingClientRect().width,
                  points: document.querySelectorAll('.journey-strip__points a').length};
        }""")
        page.screenshot(path=str(SCREENSHOTS / f"glance-25-touchpoints-{viewport}.png"))
    finally:
        context.close()
    assert sizes["points"] == 25
    assert sizes["page"] <= sizes["inner"], f"the page scrolls sideways: {sizes}"
    if phone:
        assert sizes["scroll"] > sizes["client"] and sizes["point"] >= 40, sizes  # legible, scrolls in its box
    else:
        assert sizes["scroll"] <= sizes["client"] + 1, f"25 touchpoints do not fit at 1440px: {sizes}"


# -- The strip's curve -------------------------------------------------------------------

#: How far (px) the strip's curve may pass from a smiley's centre: anti-aliasing and rounding.
CURVE_TOLERANCE_PX = 1.5


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_the_strip_curve_runs_through_every_smiley(browser: Any, served: Served, name: str, viewport: str) -> None:
    # The curve is one svg stretched over the row (preserveAspectRatio="none"); each smiley is its
    # point's own svg. Theme rules for every svg in the page (Material's `height: auto`) must not
    # rescale the curve: where it passes each point's x it must be at that smiley's centre.
    for page in _open(browser, served, name, viewport=viewport):
        found = page.evaluate("""() => {
          const line = document.querySelector('svg.journey-strip__line'), path = line.querySelector('path');
          // The path's anchors are the smileys' centres in the curve's units (strip.py): the last pair
          // of every command (M starts a piece after a gap, C and S end at the next point).
          const anchors = [...path.getAttribute('d').matchAll(/[MCS]([^MCS]*)/g)].map(m => m[1].trim().split(/[ ,]+/).map(Number).slice(-2));
          const ctm = path.getScreenCTM();
          const curve = anchors.map(([x, y]) => { const p = new DOMPoint(x, y).matrixTransform(ctm); return [p.x, p.y]; });
          // A smiley is its point's svg: centred across the column, at the y its first child names
          // (a point without a score is a hollow dot the curve leaves out).
          const smileys = [...document.querySelectorAll('.journey-strip__points a > svg')]
            .filter(svg => !svg.querySelector('.journey-strip__unscored')).map(svg => {
              const box = svg.getBoundingClientRect();
              return [box.left + box.width / 2, box.top + Number(svg.firstElementChild.getAttribute('y'))];
            });
          const row = line.parentElement.getBoundingClientRect(), own = line.getBoundingClientRect();
          return {curve, smileys, row: [row.width, row.height], line: [own.width, own.height]};
        }""")
    assert found["smileys"] and len(found["curve"]) == len(found["smileys"]), found
    assert found["line"] == found["row"], f"the curve does not fill its row: {found}"
    for (cx, cy), (sx, sy) in zip(found["curve"], found["smileys"]):
        assert abs(cx - sx) <= CURVE_TOLERANCE_PX and abs(cy - sy) <= CURVE_TOLERANCE_PX, (
            f"{name} ({viewport}): the curve passes ({cx:.1f}, {cy:.1f}), the smiley is at ({sx:.1f}, {sy:.1f})")


# -- The strip's links -------------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_strip_link_lands_on_its_column(browser: Any, served: Served, viewport: str) -> None:
    for page in _open(browser, served, ROUND_TRIP, "light", viewport):
        hrefs = page.eval_on_selector_all(".journey-strip__points a", "links => links.map(a => a.getAttribute('href'))")
        assert len(hrefs) == 14
        for href in hrefs:
            page.click(f".journey-strip__points a[href='{href}']")
            page.wait_for_timeout(50)
            where = page.evaluate("""id => {
              const cell = document.getElementById(id);
              const box = cell.closest('.journey-map__scroll');
              const label = box.querySelector('tr > th:first-child');
              const c = cell.getBoundingClientRect(), b = box.getBoundingClientRect();
              return {hash: location.hash, left: c.left, right: c.right, top: c.top,
                      boxLeft: b.left + label.getBoundingClientRect().width, boxRight: b.right,
                      height: window.innerHeight};
            }""", href[1:])
            assert where["hash"] == href
            # In view: beside the sticky lane labels, inside the map's box (all of it where it
            # fits: a phone's column is wider than the room beside the labels) and on the screen.
            assert where["left"] >= where["boxLeft"] - 1, (href, where)
            if viewport == "desktop":
                assert where["right"] <= where["boxRight"] + 1, (href, where)
            else:
                assert where["left"] < where["boxRight"] - 100, (href, where)
            assert 0 <= where["top"] < where["height"], (href, where)


def test_screen_readers_read_the_strip_in_order(browser: Any, served: Served) -> None:
    for page in _open(browser, served, "docs-booking"):
        snapshot = page.locator("nav.journey-strip").aria_snapshot()
    links = re.findall(r'link "([^"]+)"', snapshot)
    stages, points = links[:4], [link for link in links[4:] if "›" in link]
    assert stages == ["Discover", "Book", "Stay", "After the stay"], snapshot
    assert len(points) == 8, snapshot
    assert all("›" in p and ("of 5" in p or "no emotion" in p) for p in points), snapshot
    assert any("moment of truth" in p for p in points) and any("lowest point" in p for p in points), snapshot
    assert "img" not in snapshot, "the strip's pictures are hidden; their words are in the links"


# -- Lanes on demand ---------------------------------------------------------------------


def _shown_lanes(page: Any) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('table.journey-map tbody tr'))
        .filter(row => getComputedStyle(row).display !== 'none')
        .map(row => Array.from(row.classList).find(c => c.startsWith('journey-lane--')).slice(14))""")


def test_readers_hide_and_show_lanes(browser: Any, served: Served) -> None:
    for page in _open(browser, served, ROUND_TRIP):
        assert page.is_visible("fieldset.journey-lanes")
        every = _shown_lanes(page)
        # A ticked box per row of the map's body, in its order, labelled by the row's label.
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('fieldset.journey-lanes label'))
            .map(label => [label.className, label.querySelector('input').dataset.lane, label.textContent,
                           label.querySelector('input').checked])""")
        labels = page.evaluate("""() => Array.from(document.querySelectorAll('table.journey-map tbody tr'))
            .map(row => row.cells[0].textContent)""")
        assert boxes == [["journey-lanes__lane", lane, f" {label}", True] for lane, label in zip(every, labels)]
        assert "pains" in every and "emotion" in every
        page.uncheck("fieldset.journey-lanes input[data-lane='pains']")
        page.uncheck("fieldset.journey-lanes input[data-lane='emotion']")
        assert _shown_lanes(page) == [lane for lane in every if lane not in ("pains", "emotion")]
        page.check("fieldset.journey-lanes input[data-lane='pains']")
        assert _shown_lanes(page) == [lane for lane in every if lane != "emotion"]
        # Material's instant navigation keeps the page: the list still works after a second `document$`.
        page.evaluate("() => window.document$ && window.document$.next && window.document$.next(document)")
        page.check("fieldset.journey-lanes input[data-lane='emotion']")
        assert _shown_lanes(page) == every


def test_without_script_every_lane_shows_and_no_lane_list(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(page_url(served, ROUND_TRIP))
        assert not page.is_visible("fieldset.journey-lanes")
        rows = page.evaluate("() => document.querySelectorAll('table.journey-map tbody tr').length")
        assert len(_shown_lanes(page)) == rows > 8
    finally:
        context.close()


# -- Accessibility -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_axe_violations_from_the_map(browser: Any, served: Served, name: str, scheme: str,
                                         viewport: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for page in _open(browser, served, name, scheme, viewport):
        results = Axe().run(page, context={"exclude": MATERIAL_CHROME},
                            options={"resultTypes": ["violations"]})
    found = [f"{v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '')}"
             for v in results.response["violations"] for node in v["nodes"]]
    assert found == [], f"{name}-{scheme}-{viewport}:\n" + "\n".join(found)


def test_the_map_scrolls_from_the_keyboard_with_a_visible_focus(browser: Any, served: Served) -> None:
    for page in _open(browser, served, ROUND_TRIP):
        # Tab from the lane list's last box to the map's scroll box, as a keyboard user would.
        page.focus("fieldset.journey-lanes label:last-of-type input")
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
          const e = document.activeElement, s = getComputedStyle(e);
          return {box: e.classList.contains('journey-map__scroll'), role: e.getAttribute('role'),
                  label: e.getAttribute('aria-label'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
        }""")
        assert focused["box"] and focused["role"] == "region" and focused["label"], focused
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
        before = page.evaluate("document.querySelector('.journey-map__scroll').scrollLeft")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)
        after = page.evaluate("document.querySelector('.journey-map__scroll').scrollLeft")
        assert before == 0 and after > 100, (before, after)


def test_forced_colours_keep_smileys_and_chips_apart(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], forced_colors="active", color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(page_url(served, ROUND_TRIP))
        page.evaluate("document.getElementById('journey-map').scrollIntoView()")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "glance-forced-colours.png"))
        looks = page.evaluate("""() => {
          const fills = {};
          for (const face of document.querySelectorAll('.journey-sprite .journey-smiley > circle:first-child')) {
            const score = face.closest('.journey-smiley').className.baseVal.match(/--(\\d)/)[1];
            fills[score] = getComputedStyle(face).fill;
          }
          const chips = Array.from(document.querySelectorAll('[class*="journey-badge--"], [class*="journey-rating--"], [class*="journey-status--"]'))
            .map(chip => getComputedStyle(chip).borderTopStyle);
          return {fills, chips, forced: matchMedia('(forced-colors: active)').matches};
        }""")
    finally:
        context.close()
    assert looks["forced"]
    assert len(looks["fills"]) == 5 and len(set(looks["fills"].values())) == 5, looks["fills"]
    assert looks["chips"] and set(looks["chips"]) == {"solid"}, looks["chips"]


def test_reduced_motion_stops_transitions(browser: Any, served: Served) -> None:
    for page in _open(browser, served, ROUND_TRIP):  # open_page asks for reduced motion
        durations = page.evaluate("""() => Array.from(document.querySelectorAll('.journey a'))
            .map(a => getComputedStyle(a).transitionDuration)""")
    assert durations and set(durations) == {"0s"}, set(durations)


# -- Print -------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_round_trip_prints_on_at_most_four_landscape_pages(browser: Any, served: Served, paper: str) -> None:
    for page in _open(browser, served, ROUND_TRIP):
        pdf = page.pdf(path=str(SCREENSHOTS / f"glance-print-{paper.lower()}.pdf"), format=paper, landscape=True,
                       print_background=True)
        left = page.evaluate("document.querySelectorAll('.journey-print-map').length")
    assert pdf_pages(pdf) <= 4, f"{paper}: {pdf_pages(pdf)} pages"
    assert left == 0, "the printed copy is removed after printing"


def test_printed_parts_repeat_the_lane_labels_carry_no_ids_and_keep_hidden_lanes_hidden(browser: Any, served: Served) -> None:
    for page in _open(browser, served, ROUND_TRIP):
        page.uncheck("fieldset.journey-lanes input[data-lane='pains']")  # a lane the reader hid
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        hidden = page.evaluate("""() => Array.from(document.querySelectorAll('.journey-print-map tr.journey-lane--pains'))
            .map(row => getComputedStyle(row).display)""")
        parts = page.evaluate("""() => Array.from(document.querySelectorAll('.journey-print-map__part')).map(part => ({
          columns: part.querySelector('tr.journey-lane--touchpoint').cells.length - 1,
          labels: Array.from(part.querySelectorAll('tr > th:first-child')).map(th => th.textContent.trim()),
          ids: part.querySelectorAll('[id]').length,
          stages: Array.from(part.querySelectorAll('tr.journey-map__stages > th + th')).map(th => th.colSpan),
          continued: part.querySelectorAll('.journey-stage--continued').length,
        }))""")
        screen = page.evaluate("getComputedStyle(document.querySelector('.journey-map__scroll')).display")
        labels = page.evaluate("""() => Array.from(document.querySelectorAll('table.journey-map tr > th:first-child'))
            .map(th => th.textContent.trim())""")
    assert [p["columns"] for p in parts] == [7, 7], parts  # 14 touchpoints: 7 + 7, not 7 + 7 + ...
    assert all(p["labels"] == labels and p["ids"] == 0 for p in parts), parts
    assert [sum(p["stages"]) for p in parts] == [7, 7] and parts[1]["continued"] == 1, parts
    assert screen == "none"
    assert hidden == ["none", "none"], "a lane hidden on the screen stays hidden on paper"


def test_parts_without_classes_get_their_look_from_their_place(browser: Any, served: Served) -> None:
    # The strip's points, the backlog's cards, the plan's columns and the matrix carry no class
    # their place implies: journey.css must still reach them. The words for screen readers stay
    # read but unseen (1 px, clipped), the icons are drawn, the parts keep their layout.
    for page in _open(browser, served, ROUND_TRIP):
        found = page.evaluate("""() => {
          const box = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
          const style = (e, pseudo) => getComputedStyle(e, pseudo || null);
          const hidden = [...document.querySelectorAll(
              '.journey-strip__point--empty > span, ol.journey-backlog > li > div > div:first-of-type > span:last-child > span:first-child, '
              + 'ol.journey-backlog > li > div > div:last-child > span:first-child')];
          const card = document.querySelector('ol.journey-backlog > li');
          const smiley = document.querySelector('.journey-strip__points a > svg');
          return {
            hidden: hidden.length, visible: hidden.filter(e => box(e)[0] > 1 || box(e)[1] > 1).map(e => e.textContent),
            smiley: box(smiley)[1],
            rank: style(card.querySelector(':scope > div > span')).borderRadius,
            head: style(card.querySelector(':scope > div')).display,
            icons: [...card.querySelectorAll(':scope > dl > div > dt')].map(dt => style(dt, '::before').maskImage.slice(0, 4)),
            facts: style(card.querySelector(':scope > dl')).display,
            plan: style(document.querySelector('ol.journey-plan > li > h3 > span:last-child')).marginLeft !== '0px',
            dot: style(document.querySelector('.journey-matrix__chart a text')).textAnchor,
            grid: style(document.querySelector('.journey-matrix__grid path')).stroke !== 'none',
          };
        }""")
    # (The strip's points name their links by their title: test_a_strip_point_is_named_and_titled_by_its_words.)
    assert found["hidden"] > 10 and found["visible"] == [], found
    assert found["smiley"] == 106, found  # as high as the strip's curve row
    assert found["head"] == "flex" and found["facts"] == "grid" and found["rank"] != "0px", found
    assert found["icons"][0] == "url(" and found["icons"][-1] == "url(", found  # the owner's and the targets' icons
    assert found["plan"] and found["dot"] == "middle" and found["grid"], found


def test_backstage_pairs_each_start_a_line_of_their_own(browser: Any, served: Served) -> None:
    # The backstage list holds its terms and definitions without a div around each pair: journey.css
    # breaks the line before every term but the first. Each term starts at the list's left edge
    # below the pair before it, and its definition runs on after it, on the term's line.
    for page in _open(browser, served, ROUND_TRIP):
        lists = page.evaluate("""() => [...document.querySelectorAll(
            'table.journey-map tr.journey-lane--backstage dl')].map(dl => {
          const left = dl.getBoundingClientRect().left;
          return [...dl.querySelectorAll(':scope > dt')].map(dt => {
            // The boxes of the term's words and the definition's (not of the generated ": " and break).
            const boxes = node => { const r = document.createRange(); r.selectNodeContents(node); return r.getClientRects(); };
            const term = boxes(dt.firstChild)[0], words = boxes(dt.nextElementSibling)[0];
            return [Math.round(term.left - left), Math.round(term.top), Math.round(words.top - term.top),
                    words.left > term.right];
          });
        })""")
    assert len(lists) > 5 and all(len(pairs) >= 2 for pairs in lists), lists
    for pairs in lists:
        assert [p[0] for p in pairs] == [0] * len(pairs), pairs  # every term at the left edge
        tops = [p[1] for p in pairs]
        assert tops == sorted(set(tops)), pairs  # each pair below the one before
        assert all(p[2] == 0 and p[3] for p in pairs), pairs  # the definition on the term's line, after ": "


def test_a_strip_point_is_named_and_titled_by_its_words(browser: Any, served: Served) -> None:
    # A point's link holds no text: its title names it (what a screen reader reads) and is its
    # tooltip, the stage, the touchpoint and the emotion in words.
    for page in _open(browser, served, ROUND_TRIP):
        titles = page.evaluate("""() => [...document.querySelectorAll('.journey-strip__points a')]
            .map(a => [a.title, a.textContent])""")
        assert len(titles) > 10 and all(title and text == "" for title, text in titles), titles
        assert all(" › " in title and ":" in title for title, _ in titles), titles
        for title, _ in titles[:3]:
            assert page.locator(".journey-strip__points").get_by_role("link", name=title, exact=True).count() == 1
