"""The overview of all maps as readers see it: desktop and phone, light and dark, with and without JavaScript.

The example site's overview (``journeys/``) is opened in Chromium from a real build.
It is checked as the map pages are (no sideways scrolling, no text on text, text of
12px or more, readable contrast), and its backlog filters are used as a reader
would: the menus where JavaScript runs, the links where it does not.
"""

from __future__ import annotations

import itertools
from typing import Any, Iterator

import pytest

from .conftest import ARTIFACTS, Served
from .test_map_pages import AA_CONTRAST, MEASURE, MIN_CONTRAST, MIN_FONT_PX, SCHEMES, VIEWPORTS, contrast, text_clashes

pytestmark = pytest.mark.browser

OVERVIEW = "example/journeys/"


def open_overview(browser: Any, served: Served, scheme: str, viewport: str, *, javascript: bool = True,
                  fragment: str = "") -> Iterator[Any]:
    phone = viewport == "phone"
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], device_scale_factor=1, is_mobile=phone, has_touch=phone,
        color_scheme="dark" if scheme == "dark" else "light", reduced_motion="reduce", java_script_enabled=javascript,
    )
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served.base_url)
                  else route.abort())
    page = context.new_page()
    try:
        page.goto(served.url(OVERVIEW + fragment), wait_until="load")
        if javascript:
            page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", SCHEMES[scheme])
            page.evaluate("document.fonts.ready")
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module", params=list(itertools.product(SCHEMES, VIEWPORTS)), ids="-".join)
def overview(request: pytest.FixtureRequest, browser: Any, served: Served) -> Iterator[tuple[str, Any]]:
    scheme, viewport = request.param
    for page in open_overview(browser, served, scheme, viewport):
        label = f"overview-{scheme}-{viewport}"
        (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "screenshots" / f"{label}.png"), full_page=True)
        yield label, page


def test_the_overview_never_scrolls_sideways(overview: tuple[str, Any]) -> None:
    label, page = overview
    widths = page.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    assert widths["scroll"] <= widths["inner"], f"{label}: the page scrolls sideways: {widths}"
    table = page.evaluate("() => { const box = document.querySelector('.journey-overview__scroll');"
                          " return {scroll: box.scrollWidth, client: box.clientWidth}; }")
    assert table["scroll"] <= table["client"] + 1, f"{label}: the maps table needs sideways scrolling: {table}"


def test_no_text_overlaps_and_all_is_readable(overview: tuple[str, Any]) -> None:
    label, page = overview
    result = page.evaluate(MEASURE)
    assert result["found"] and result["items"]
    items = result["items"]
    clashes = text_clashes(items)
    assert clashes == [], f"{label}:\n" + "\n".join(clashes)
    small = [f"{i['tag']}.{i['cls']} {i['text']!r}: {i['fontSize']:.1f}px" for i in items
             if i["fontSize"] < MIN_FONT_PX - 0.05]
    assert small == [], f"{label}: text below {MIN_FONT_PX:.0f}px:\n" + "\n".join(small)
    poor = []
    for item in items:
        if item["svg"] or item["colour"] is None or item["background"] is None:
            continue
        ratio = contrast(item["colour"], item["background"])
        if ratio < MIN_CONTRAST:
            poor.append(f"{item['tag']}.{item['cls']} {item['text']!r}: contrast {ratio:.2f}")
    assert poor == [], f"{label}: text below {MIN_CONTRAST}:1 contrast (AA is {AA_CONTRAST}):\n" + "\n".join(poor)


def _shown_cards(page: Any) -> list[str]:
    return page.locator("ol.journey-portfolio-backlog > li:visible .journey-backlog__title").all_inner_texts()


def test_the_menus_combine_the_filters(browser: Any, served: Served) -> None:
    for page in open_overview(browser, served, "light", "desktop"):
        every = _shown_cards(page)
        assert len(every) > 10
        assert page.locator(".journey-filters__links").is_hidden()  # the menus replace the links
        form = page.locator("form[data-journey-filters]")
        owner = form.locator("select[name=owner]")
        marketing = owner.locator("option", has_text="Marketing").get_attribute("value")
        owner.select_option(marketing)
        by_marketing = _shown_cards(page)
        assert 0 < len(by_marketing) < len(every)
        assert all("journey-f-owner-marketing" in (page.locator(f"ol.journey-portfolio-backlog > li:visible").nth(n)
                                                    .get_attribute("class") or "")
                   for n in range(len(by_marketing)))
        form.locator("select[name=status]").select_option("journey-f-status-idea")
        both = _shown_cards(page)
        assert 0 < len(both) < len(by_marketing)
        assert form.locator("output").inner_text() == f"{len(both)} van {len(every)} verbeteringen getoond"
        owner.select_option("")
        form.locator("select[name=status]").select_option("")
        assert _shown_cards(page) == every


def test_the_filter_links_work_without_javascript(browser: Any, served: Served) -> None:
    for page in open_overview(browser, served, "light", "phone", javascript=False):
        every = _shown_cards(page)
        assert page.locator("form[data-journey-filters]").is_hidden()
        page.locator(".journey-filters__links a[href='#journey-backlog-owner-marketing']").click()
        shown = _shown_cards(page)
        assert 0 < len(shown) < len(every)
        assert page.locator("#journey-backlog-owner-marketing").is_visible()  # "Alleen: Marketing."
        page.locator("#journey-backlog-owner-marketing a").click()  # show all
        assert _shown_cards(page) == every
