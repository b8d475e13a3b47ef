"""The overview strip: every stage and touchpoint in one look, each a link to its column in the map."""

from __future__ import annotations

import re

import pytest

from mkdocs_journey.engine.render.emotion_curve import level
from mkdocs_journey.engine.render.strip import UNIT, curve_path

from .conftest import FULL_MAP, Render


def test_the_strip_comes_first_under_the_title(render: Render) -> None:
    soup = render()
    journey = soup.select_one(".journey")
    first = next(child for child in journey.children if getattr(child, "name", None))
    assert first.name == "nav" and "journey-strip" in first["class"]
    assert first["aria-label"] == "The journey at a glance"


def test_every_stage_is_a_band_spanning_its_columns(render: Render) -> None:
    soup = render()
    bands = soup.select(".journey-strip__stages > li")
    assert [b.get_text(strip=True) for b in bands] == ["Orientation", "Consideration", "Booking"]
    # Orientation: 2 touchpoints, Consideration: empty (1 placeholder column), Booking: 3.
    assert [b["style"] for b in bands] == ["grid-column:1/3", "grid-column:3/4", "grid-column:4/7"]
    assert soup.select_one(".journey-strip__body")["style"] == "--journey-strip-columns:6"
    stage_ids = {th["id"] for th in soup.select("tr.journey-map__stages > th[id]")}
    assert {b.a["href"][1:] for b in bands} == stage_ids


def test_every_touchpoint_links_to_its_column_in_order(render: Render) -> None:
    soup = render()
    links = [a["href"][1:] for a in soup.select(".journey-strip__points a")]
    columns = [th["id"] for th in soup.select("tr.journey-lane--touchpoint th[id]")]
    assert links == columns and len(links) == 5
    assert len(soup.select(".journey-strip__point--empty")) == 1


def test_screen_readers_read_each_point_in_order(render: Render) -> None:
    soup = render()
    # A point's words are its link's title, which names the link (it holds no text of its own) and is
    # its tooltip; an empty stage's placeholder has no link, its words are a visually hidden span.
    said = [li.a["title"] if li.a else li.find("span").get_text(" ", strip=True)
            for li in soup.select(".journey-strip__points > li")]
    assert said == [
        "Orientation › Google search: 4 of 5, positive",
        "Orientation › Website: 2 of 5, negative, moment of truth",
        "Consideration: still to be filled in",
        "Booking › Book online: no emotion recorded",
        "Booking › Confirmation: 5 of 5, very positive",
        "Booking › Payment: 1 of 5, very negative, lowest point",
    ]
    # The pictures say nothing of their own: the text above is what is read.
    for svg in soup.select(".journey-strip svg"):
        assert svg.find_parent(attrs={"aria-hidden": "true"}) or svg.get("aria-hidden") == "true"


def test_a_point_is_a_plain_item_whose_link_holds_its_words_and_its_smiley(render: Render) -> None:
    soup = render()
    items = soup.select(".journey-strip__points > li")
    # Only modifiers: the list implies a point, the strip a band.
    assert [li.get("class") for li in items] == [
        None, ["journey-strip__point--moment-of-truth"], ["journey-strip__point--empty"], None, None,
        ["journey-strip__point--lowest"]]
    assert all(li.get("class") is None for li in soup.select(".journey-strip__stages > li"))
    google = items[0].a
    assert [child.name for child in google.children] == ["svg"] and google.get_text() == ""
    assert google["title"] == "Orientation › Google search: 4 of 5, positive"
    assert google.svg.attrs == {"aria-hidden": "true"}
    # A plain smiley is the sprite's symbol placed by its <use>; no svg around it.
    use = google.svg.find("use")
    assert use.parent is google.svg
    assert (use["x"], use["y"], use["href"]) == ("50%", "36.5", "#journey-s4")
    # A ringed or marked smiley is drawn around its centre: a positioned svg holds the ring or the mark.
    for item in (items[1], items[5]):
        inner = item.a.svg.svg
        assert inner["x"] == "50%" and inner.find("use") is not None


def test_moments_of_truth_and_the_lowest_point_are_marked(render: Render) -> None:
    soup = render()
    assert [li.a["href"] for li in soup.select(".journey-strip__point--moment-of-truth")] == ["#tp-orientation--website"]
    lowest = soup.select(".journey-strip__point--lowest")
    assert [li.a["href"] for li in lowest] == ["#tp-booking--pay"]
    mark = lowest[0].select_one("svg svg > path:last-child")  # the mark under the smiley, its svg's last path
    assert mark is not None and mark["d"].startswith("M-6 ") and "class" not in mark.attrs
    assert lowest[0].select_one(".journey-smiley__ring") is None
    assert soup.select_one(".journey-strip__point--moment-of-truth .journey-smiley__ring") is not None
    legend = soup.select_one(".journey-strip__legend").get_text(" ", strip=True)
    assert legend == "moment of truth lowest point: Payment"


def test_no_lowest_point_on_a_flat_journey(render: Render) -> None:
    flat = re.sub(r"emotion: (\d|null)", "emotion: 3", FULL_MAP)
    soup = render(flat)
    assert soup.select(".journey-strip__point--lowest") == []
    assert "lowest" not in soup.select_one(".journey-strip__legend").get_text()


def test_the_labels_follow_the_language(render: Render) -> None:
    soup = render(language="nl")
    assert soup.select_one("nav.journey-strip")["aria-label"] == "De reis in één oogopslag"
    assert "laagste punt" in soup.select_one(".journey-strip__point--lowest a")["title"]


def test_user_text_in_the_strip_is_escaped(render: Render) -> None:
    soup = render(FULL_MAP.replace("name: Payment", 'name: "<img src=x onerror=alert(1)>"'))
    assert soup.select(".journey-strip img") == []
    assert "<img src=x" in soup.select_one(".journey-strip__point--lowest a")["title"]
    # A name is the point's title: a quote in it cannot end the attribute.
    soup = render(FULL_MAP.replace("name: Payment", """name: 'Pay" onmouseover="alert(1)'"""))
    link = soup.select_one(".journey-strip__point--lowest a")
    assert "onmouseover" not in link.attrs and 'Pay" onmouseover="alert(1)' in link["title"]


@pytest.mark.parametrize(("scores", "expected"), [
    ([], ""),
    ([3], ""),
    ([3, None, 4], ""),
    ([5, 1], f"M50 {level(5):g}C100 {level(5):g} 100 {level(1):g} 150 {level(1):g}"),
    # After the first piece, S: its first control point is the previous piece's second, mirrored.
    ([5, 1, 3], f"M50 {level(5):g}C100 {level(5):g} 100 {level(1):g} 150 {level(1):g}"
                f"S200 {level(3):g} 250 {level(3):g}"),
    ([5, 1, None, 2, 4], f"M50 {level(5):g}C100 {level(5):g} 100 {level(1):g} 150 {level(1):g}"
                         f"M350 {level(2):g}C400 {level(2):g} 400 {level(4):g} 450 {level(4):g}"),
])
def test_the_curve_passes_through_each_column_centre(scores: list[int | None], expected: str) -> None:
    assert curve_path(scores) == expected


def test_a_missing_emotion_breaks_the_curve() -> None:
    path = curve_path([4, 2, None, 5, 3])
    assert path.count("M") == 2
    xs = [float(x) for x in re.findall(r"(?:[MCS]|\s)(\d+(?:\.\d+)?) \d", path)]
    assert 2.5 * UNIT not in xs  # nothing at the unscored column's centre
