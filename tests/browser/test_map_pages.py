"""Journey map pages as readers see them: Chromium at desktop and phone widths, light and dark.

Each page is opened from a real build of the example site (Dutch labels: the USA
round trip and the English-language SaaS map) and of the docs site (English
labels), in Material's light (``default``) and dark (``slate``) schemes. The checks
are the ones a reader notices first: the page never scrolls sideways (only the
map's own box may), no two pieces of text sit on top of each other, text is at
least 12px and readable against its background, the smileys say what they show,
the screenshot shows the curve and the smileys in their colours, and a printout
holds the whole map. Screenshots land in ``test-artifacts/screenshots/`` for a
human to look at.
"""

from __future__ import annotations

import base64
import itertools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from .conftest import ARTIFACTS, Served, journey_url

pytestmark = pytest.mark.browser

def _script(name: str) -> str:
    """A page function from ``name``, with the shared colour helpers (colours.js) at the top of its body."""
    here = Path(__file__).parent
    script = (here / name).read_text(encoding="utf-8")
    body = script.index("() => {") + len("() => {")
    return script[:body] + "\n" + (here / "colours.js").read_text(encoding="utf-8") + script[body:]


MEASURE = _script("measure.js")
PAINT = _script("paint.js")
#: Reads the colours at points of a PNG (base64): per point, the smallest largest-channel
#: difference from the expected colour among the pixels within ``reach`` of it.
PIXELS = """async ({png, samples, reach}) => {
  const image = new Image();
  image.src = "data:image/png;base64," + png;
  await image.decode();
  const xs = samples.map((s) => Math.round(s.x)), ys = samples.map((s) => Math.round(s.y));
  const x0 = Math.max(0, Math.min(...xs) - reach), y0 = Math.max(0, Math.min(...ys) - reach);
  const x1 = Math.min(image.width, Math.max(...xs) + reach + 1), y1 = Math.min(image.height, Math.max(...ys) + reach + 1);
  const canvas = document.createElement("canvas");
  canvas.width = x1 - x0;
  canvas.height = y1 - y0;
  const context = canvas.getContext("2d", {willReadFrequently: true});
  context.drawImage(image, x0, y0, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  return samples.map((s, n) => {
    let best = Infinity;
    for (let dy = -reach; dy <= reach; dy++) for (let dx = -reach; dx <= reach; dx++) {
      const x = xs[n] - x0 + dx, y = ys[n] - y0 + dy;
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
      const i = (y * canvas.width + x) * 4;
      best = Math.min(best, Math.max(Math.abs(data[i] - s.colour.r), Math.abs(data[i + 1] - s.colour.g),
                                     Math.abs(data[i + 2] - s.colour.b)));
    }
    return best;
  });
}"""
#: A pixel shows a CSS colour when no channel is further off than this (anti-aliasing, rounding).
COLOUR_TOLERANCE = 16
#: The curve and the smileys differ from the cell behind them by at least this much in one channel.
VISIBLE_DIFFERENCE = 48
#: Look at the 5×5 pixels around a point: a 2.5px line is anti-aliased at its edges.
PIXEL_REACH = 2
SCREENSHOTS = ARTIFACTS / "screenshots"

#: name -> (site folder under the server, journey file in that site's docs)
PAGES = {
    "rondreis-vs": ("example", "journeys/rondreis-vs.journey.yml"),
    # The future state, compared with the current one: ghost curve, `was N`, new badges, the panel.
    "rondreis-vs-toekomst": ("example", "journeys/rondreis-vs-toekomst.journey.yml"),
    "saas-trial": ("example", "journeys/saas-trial.journey.yml"),
    "docs-booking": ("docs", "examples/booking.journey.yml"),
}
SCHEMES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 375, "height": 812}}

#: Two texts may touch (anti-aliasing, tight line boxes), but not overlap by more than this.
OVERLAP_TOLERANCE_PX = 2.0
MIN_FONT_PX = 12.0
#: Below 3:1 text is hard to read for anyone (WCAG's floor for large text). Text
#: between this and AA's 4.5:1 is listed in test-artifacts/contrast/ for review, not
#: failed: Material's own link colours on some primary palettes (teal) sit there.
MIN_CONTRAST = 3.0
AA_CONTRAST = 4.5


@dataclass(frozen=True)
class View:
    name: str
    scheme: str
    viewport: str
    page: Any
    """The Playwright page, loaded, with the colour scheme applied."""

    @property
    def label(self) -> str:
        return f"{self.name}-{self.scheme}-{self.viewport}"

    def measure(self) -> list[dict[str, Any]]:
        result = self.page.evaluate(MEASURE)
        assert result["found"], f"{self.label}: no .journey content on the page"
        items: list[dict[str, Any]] = result["items"]
        assert items, f"{self.label}: no visible text in the map"
        return items


def page_url(served: Served, name: str) -> str:
    site, source = PAGES[name]
    return served.url(f"{site}/{journey_url(served.root / site, source)}")


def open_page(browser: Any, served: Served, name: str, scheme: str, viewport: str) -> Iterator[Any]:
    phone = viewport == "phone"
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], device_scale_factor=1, is_mobile=phone, has_touch=phone,
        color_scheme="dark" if scheme == "dark" else "light", reduced_motion="reduce",
    )
    # Only the local server: web fonts and anything else from outside would make the
    # test slow, flaky and dependent on the network.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served.base_url)
                  else route.abort())
    page = context.new_page()
    try:
        page.goto(page_url(served, name), wait_until="load")
        # Material's palette follows this attribute through its CSS variables.
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", SCHEMES[scheme])
        page.evaluate("document.fonts.ready")
        # Lazy pictures load when a full-page screenshot brings them into view, moving the
        # rows below them after the test has measured where things are: load them first.
        page.evaluate("""async () => {
          for (const img of document.querySelectorAll('.journey img')) {
            img.loading = 'eager';
            try { await img.decode(); } catch (error) { /* a broken picture is another test's */ }
          }
        }""")
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module", params=list(itertools.product(PAGES, SCHEMES, VIEWPORTS)), ids="-".join)
def view(request: pytest.FixtureRequest, browser: Any, served: Served) -> Iterator[View]:
    name, scheme, viewport = request.param
    for page in open_page(browser, served, name, scheme, viewport):
        yield View(name, scheme, viewport, page)


def _overlap(a: dict[str, float], b: dict[str, float]) -> tuple[float, float]:
    dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return dx, dy


def _luminance(colour: dict[str, float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour["r"]) + 0.7152 * channel(colour["g"]) + 0.0722 * channel(colour["b"])


def contrast(foreground: dict[str, float], background: dict[str, float]) -> float:
    alpha = foreground.get("a", 1)
    blended = {k: foreground[k] * alpha + background[k] * (1 - alpha) for k in ("r", "g", "b")}
    light, dark = sorted((_luminance(blended), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _difference(a: dict[str, float], b: dict[str, float]) -> float:
    return max(abs(a[channel] - b[channel]) for channel in "rgb")


def read_pixels(view: View, png: bytes, samples: list[dict[str, Any]]) -> list[float]:
    """For each sample, how far (largest channel difference) the nearest pixel around it is from its colour.

    The screenshot is decoded by the browser itself (an image on a canvas, in a page
    of its own), so no imaging library is needed.
    """
    reader = view.page.context.new_page()
    try:
        distances: list[float] = reader.evaluate(
            PIXELS, {"png": base64.b64encode(png).decode("ascii"), "samples": samples, "reach": PIXEL_REACH})
    finally:
        reader.close()
    return distances


def test_screenshot_shows_the_curve_and_the_smileys(view: View) -> None:
    """The full-page screenshot (kept for people) has the emotion curve and the smileys painted.

    The DOM checks below cannot see whether something covers the map, a colour
    vanishes into its background or a stroke is not painted at all; the pixels can.
    Every smiley in view must show its colour, and the curve between the smileys
    its stroke (blended over the cell, as it is translucent).
    """
    where = view.page.evaluate(PAINT)
    assert where["found"], f"{view.label}: no .journey-map__scroll box"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = view.page.screenshot(path=str(SCREENSHOTS / f"{view.label}.png"), full_page=True)
    samples: list[dict[str, Any]] = where["samples"]
    curve = [s for s in samples if s["kind"] == "curve"]
    smileys = [s for s in samples if s["kind"] == "smiley"]
    assert curve and smileys, f"{view.label}: no curve or no smiley in view ({len(curve)}, {len(smileys)})"
    faint = [s for s in samples if _difference(s["colour"], s["behind"]) < VISIBLE_DIFFERENCE]
    assert faint == [], f"{view.label}: drawn in (almost) the colour behind it: {faint[:3]}"
    distances = read_pixels(view, png, samples)
    wrong = {kind: [f"({s['x']:.0f}, {s['y']:.0f}) is {d:.0f} off {s['colour']}"
                    for s, d in zip(samples, distances) if s["kind"] == kind and d > COLOUR_TOLERANCE]
             for kind in ("curve", "smiley")}
    assert wrong["smiley"] == [], f"{view.label}: smileys not painted in their colour:\n" + "\n".join(wrong["smiley"])
    # Where the curve crosses a level line or a cell border the blend differs: allow a few such points.
    assert len(wrong["curve"]) <= len(curve) // 10, (
        f"{view.label}: the curve is not painted at {len(wrong['curve'])} of {len(curve)} points:\n"
        + "\n".join(wrong["curve"]))


def test_page_never_scrolls_sideways(view: View) -> None:
    widths = view.page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
        " map: !!document.querySelector('.journey-map__scroll'),"
        " overflow: getComputedStyle(document.querySelector('.journey-map__scroll')).overflowX})"
    )
    assert widths["scroll"] <= widths["inner"], f"{view.label}: the page scrolls sideways: {widths}"
    assert widths["map"], f"{view.label}: no .journey-map__scroll box"
    assert widths["overflow"] in ("auto", "scroll"), f"{view.label}: the map's box cannot scroll: {widths}"


def text_clashes(items: list[dict[str, Any]]) -> list[str]:
    """Pairs of different, unrelated elements whose glyph boxes overlap beyond the tolerance."""
    # Sweep down the page: each glyph box is compared with the boxes that start above its bottom.
    boxes = sorted(((box, item) for item in items for box in item["boxes"]), key=lambda pair: pair[0]["y"])
    clashes: dict[tuple[int, int], str] = {}
    for index, (box_a, a) in enumerate(boxes):
        for box_b, b in boxes[index + 1:]:
            if box_b["y"] >= box_a["y"] + box_a["h"] - OVERLAP_TOLERANCE_PX:
                break
            if a["id"] == b["id"] or a["id"] in b["ancestors"] or b["id"] in a["ancestors"]:
                continue
            dx, dy = _overlap(box_a, box_b)
            if dx > OVERLAP_TOLERANCE_PX and dy > OVERLAP_TOLERANCE_PX:
                clashes.setdefault((min(a["id"], b["id"]), max(a["id"], b["id"])), (
                    f"{a['tag']}.{a['cls']} {a['text']!r} overlaps {b['tag']}.{b['cls']} {b['text']!r} "
                    f"by {dx:.0f}x{dy:.0f}px at ({box_a['x']:.0f}, {box_a['y']:.0f})"))
    return list(clashes.values())


def test_no_text_overlaps_other_text(view: View) -> None:
    clashes = text_clashes(view.measure())
    assert clashes == [], f"{view.label}:\n" + "\n".join(clashes)


def test_text_is_at_least_12px(view: View) -> None:
    small = [f"{i['tag']}.{i['cls']} {i['text']!r}: {i['fontSize']:.1f}px" for i in view.measure()
             if i["fontSize"] < MIN_FONT_PX - 0.05]
    assert small == [], f"{view.label}: text below {MIN_FONT_PX:.0f}px:\n" + "\n".join(small)


def test_text_is_readable_against_its_background(view: View) -> None:
    poor: list[str] = []
    below_aa: list[str] = []
    for item in view.measure():
        if item["svg"] or item["colour"] is None or item["background"] is None:
            continue
        ratio = contrast(item["colour"], item["background"])
        line = f"{item['tag']}.{item['cls']} {item['text']!r}: contrast {ratio:.2f}"
        if ratio < MIN_CONTRAST:
            poor.append(line)
        elif ratio < AA_CONTRAST:
            below_aa.append(line)
    report = ARTIFACTS / "contrast" / f"{view.label}.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("".join(f"{line}\n" for line in sorted(set(below_aa))), encoding="utf-8")
    assert poor == [], f"{view.label}: text below {MIN_CONTRAST}:1 contrast:\n" + "\n".join(poor)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_smiley_says_what_it_shows(browser: Any, served: Served, name: str) -> None:
    for page in open_page(browser, served, name, "light", "desktop"):
        smileys = page.evaluate(
            """() => Array.from(document.querySelectorAll('tr.journey-lane--emotion td > svg')).map(svg => ({
                 role: svg.getAttribute('role'),
                 title: (svg.querySelector(':scope > title') || {}).textContent || '',
                 score: (svg.querySelector(':scope > svg > text') || {}).textContent || '',
               }))"""
        )
        assert smileys, f"{name}: no emotion smileys"
        for smiley in smileys:
            assert smiley["role"] == "img"
            assert smiley["title"].strip() and smiley["score"].strip() in smiley["title"], smiley
        # The browser names each image by its <title> (no aria-label repeats it): what a screen reader reads.
        for title in {smiley["title"] for smiley in smileys}:
            named = page.get_by_role("img", name=title, exact=True)
            assert named.count() == sum(1 for smiley in smileys if smiley["title"] == title), title


@pytest.fixture(scope="module", params=list(PAGES))
def printed(request: pytest.FixtureRequest, browser: Any, served: Served) -> Iterator[View]:
    """A map page under print media on A4 landscape (96 dpi, less Chromium's default margins)."""
    name = request.param
    for page in open_page(browser, served, name, "light", "desktop"):
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 1047, "height": 720})
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-print.png"), full_page=True)
        page.pdf(path=str(SCREENSHOTS / f"{name}-print.pdf"), format="A4", landscape=True, print_background=True)
        yield View(name, "light", "print", page)


def test_print_shows_the_whole_map(printed: View) -> None:
    """Nothing of the map is cut off by its scroll box or the paper's width."""
    geometry = printed.page.evaluate(
        """() => {
             const box = document.querySelector('.journey-map__scroll');
             const table = box.querySelector('table');
             return {boxScroll: box.scrollWidth, boxClient: box.clientWidth,
                     tableRight: table.getBoundingClientRect().right,
                     page: document.documentElement.clientWidth};
           }"""
    )
    assert geometry["boxScroll"] <= geometry["boxClient"] + 1, f"{printed.name}: the printed map is clipped: {geometry}"
    assert math.floor(geometry["tableRight"]) <= geometry["page"], f"{printed.name}: wider than paper: {geometry}"


def test_printed_text_does_not_overlap(printed: View) -> None:
    clashes = text_clashes(printed.measure())
    assert clashes == [], f"{printed.label}:\n" + "\n".join(clashes)


#: The compared map's ghost curve: its stroke over the cell behind it, and how it is dashed.
GHOST = """() => {
  // Each cell shows its pieces of both curves by a <use> of a symbol of the map's sprite.
  const symbol = (use) => document.getElementById(use.getAttribute("href").slice(1));
  const uses = [...document.querySelectorAll("tr.journey-lane--emotion td > svg > use")]
    .filter((use) => symbol(use).querySelector(".journey-emotion__ghost"));
  return uses.map((use) => {
    const style = getComputedStyle(symbol(use).querySelector(".journey-emotion__ghost"));
    const stroke = parseColour(style.stroke);
    const behind = background(use.closest("td"));
    return {colour: blend(stroke, behind), behind, dash: style.strokeDasharray,
            curve: getComputedStyle(document.querySelector(".journey-emotion__curve")).strokeDasharray};
  });
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_ghost_curve_is_visible_and_dashed(browser: Any, served: Served, scheme: str) -> None:
    """On the compared future map the other map's curve shows, faint but visible, dashed where the own is not."""
    for page in open_page(browser, served, "rondreis-vs-toekomst", scheme, "desktop"):
        found = page.evaluate(_script_with_colours(GHOST))
        assert found, "no ghost curve on the compared map"
        for ghost in found:
            assert _difference(ghost["colour"], ghost["behind"]) >= 40, ghost
            assert ghost["dash"] not in ("", "none") and ghost["curve"] == "none", ghost
        was = page.locator(".journey-emotion__was").first
        assert was.is_visible() and was.inner_text() == "was 2"


def _script_with_colours(script: str) -> str:
    body = script.index("() => {") + len("() => {")
    return script[:body] + "\n" + (Path(__file__).parent / "colours.js").read_text(encoding="utf-8") + script[body:]



@pytest.mark.parametrize("source", [source for site, source in PAGES.values() if site == "example"]
                         + ["journeys/groepsreis.journey.yml"])  # a stage without touchpoints
def test_lane_labels_are_row_headers_and_stages_and_touchpoints_column_headers(browser: Any, served: Served,
                                                                               source: str) -> None:
    # Every header cell says its `scope`: without it the browser took a label of empty cells, or a touchpoint
    # beside an empty stage, the other way. (Playwright reads roles with its own code: before 1.50 it named a
    # `scope="colgroup"` stage no column header, so with the oldest dependencies the stages may be missing.)
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    try:
        page.goto(served.url(f"example/{journey_url(served.root / 'example', source)}"), wait_until="load")
        table = page.locator("table.journey-map").first
        labels = table.locator("tbody > tr > th:first-child, tr.journey-lane--touchpoint > th:first-child")
        assert table.get_by_role("rowheader").all_inner_texts() == labels.all_inner_texts()
        stages = table.locator("tr.journey-map__stages > th").all_inner_texts()
        touchpoints = table.locator("tr.journey-lane--touchpoint > th:not(:first-child)").all_inner_texts()
        assert table.get_by_role("columnheader").all_inner_texts() in (stages + touchpoints, stages[:1] + touchpoints)
        assert len(stages) > 1 and len(touchpoints) > 2
    finally:
        page.close()
