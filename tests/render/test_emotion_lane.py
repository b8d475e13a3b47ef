"""The emotion lane: one SVG per touchpoint cell, smileys, a curve with gaps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_journey.engine.render.emotion_curve import HEIGHT, MOUTHS, WIDTH, emotion_points, level
from mkdocs_journey.engine.render.icons import PATHS

from .conftest import Render

CURVE = """\
title: Curve
stages:
  - name: A
    touchpoints:
      - {name: one, emotion: 1}
      - {name: two, emotion: 2, moment_of_truth: true}
      - {name: three, emotion: 3}
  - name: B
    touchpoints:
      - {name: four, emotion: 4}
      - {name: gap}
      - {name: five, emotion: 5, feeling: happy}
"""


def _smileys(soup: object, scope: str) -> list[object]:
    """The smileys shown in ``scope``, each resolved from its ``<use>`` to the sprite's symbol."""
    uses = soup.select(f"{scope} use[href*='journey-s']")  # type: ignore[attr-defined]
    return [soup.select_one(f"symbol[id='{use['href'][1:]}'] .journey-smiley") for use in uses]  # type: ignore[attr-defined]


def _pieces(soup: object) -> list[object]:
    """Per emotion cell with an svg, the sprite's symbol its curve piece shows (None: it draws no curve)."""
    pieces = []
    for svg in soup.select("tr.journey-lane--emotion td > svg"):  # type: ignore[attr-defined]
        use = svg.select_one(":scope > use")
        pieces.append(soup.select_one(f"symbol[id='{use['href'][1:]}']") if use else None)  # type: ignore[attr-defined]
    return pieces


def test_one_smiley_per_touchpoint_with_an_emotion(render: Render) -> None:
    soup = render(CURVE)
    cells = soup.select("tr.journey-lane--emotion td")
    assert len(cells) == 6
    assert len(_smileys(soup, "tr.journey-lane--emotion")) == 5
    assert cells[4].find("svg") is None
    assert cells[4].select_one(".journey-emotion__none").get_text() == "no emotion recorded"
    assert cells[5].select_one("p:not([class])").get_text() == "happy"


def test_five_distinct_faces_with_their_colour_class(render: Render) -> None:
    soup = render(CURVE)
    smileys = _smileys(soup, "tr.journey-lane--emotion")
    classes = [next(c for c in s["class"] if c.startswith("journey-smiley--")) for s in smileys]
    assert classes == [f"journey-smiley--{n}" for n in (1, 2, 3, 4, 5)]
    mouths = [s.select_one("path")["d"] for s in smileys]  # the mouth: a smiley's one path
    assert len(set(mouths)) == 5


def test_each_score_is_drawn_once_and_used_by_the_lane_and_the_strip(render: Render) -> None:
    # The smileys are a sprite of one symbol per score the map shows; every point is a <use>.
    soup = render(CURVE)
    symbols = soup.select(".journey-sprite symbol[id*='journey-s']")
    assert [s["id"] for s in symbols] == [f"journey-s{n}" for n in (1, 2, 3, 4, 5)]
    assert len(soup.select(".journey-smiley")) == 5
    assert [u["href"] for u in soup.select(".journey-strip use")] == [f"#journey-s{n}" for n in (1, 2, 3, 4, 5)]
    assert soup.select_one(".journey-sprite")["aria-hidden"] == "true"


def test_every_point_is_labelled_for_screen_readers(render: Render) -> None:
    # An svg with role="img" is named by its <title> (which also shows on hover): no aria-label repeats it.
    svgs = render(CURVE).select("tr.journey-lane--emotion td > svg")
    assert not any(svg.has_attr("aria-label") for svg in svgs)
    labels = [svg.title.get_text() for svg in svgs]
    assert labels == ["1 of 5, very negative", "2 of 5, negative, moment of truth", "3 of 5, neutral",
                      "4 of 5, positive", "5 of 5, very positive"]
    dutch = render(CURVE, language="nl").select("tr.journey-lane--emotion td > svg")
    assert [svg.title.get_text() for svg in dutch][1] == "2 van 5, negatief, moment van de waarheid"
    assert all(svg["role"] == "img" for svg in dutch)


def test_moment_of_truth_is_marked(render: Render) -> None:
    svgs = render(CURVE).select("tr.journey-lane--emotion td > svg")
    assert [bool(svg.select_one(".journey-smiley__ring")) for svg in svgs] == [False, True, False, False, False]


def test_the_smiley_star_is_the_badge_star(render: Render) -> None:
    # One shape for "moment of truth": the smiley's star and the badge's icon share icons.py's path.
    soup = render(CURVE)
    star = soup.select_one(".journey-smiley__star")
    badge = soup.select_one(".journey-badge--moment-of-truth .journey-icon--star")
    assert star is not None and badge is not None
    assert star["d"] == PATHS["star"] and star["d"].startswith("M12 2.5 ")


def tokens(path: str) -> list[str]:
    """A path's commands and numbers, in order (it is written without spaces around its commands)."""
    return re.findall(r"[A-Za-z]|-?[0-9.]+", path)


def test_the_curve_breaks_where_emotion_is_missing(render: Render) -> None:
    paths = [piece.select_one(":scope > path.journey-emotion__curve") if piece else None for piece in _pieces(render(CURVE))]
    d = [p["d"] if p else "" for p in paths]
    # First cell: only towards its right neighbour; "four" and "five" border the gap.
    assert tokens(d[0])[:2] == ["M", str(WIDTH // 2)]
    assert tokens(d[3])[:2] == ["M", "0"] and tokens(d[3])[-2:] == [str(WIDTH // 2), f"{level(4):g}"]
    assert d[4] == ""
    assert not re.search(r" [MC]|[MC] ", "".join(d))  # written short: no space around a command


def test_the_text_in_the_lane_is_readable() -> None:
    css = (__import__("mkdocs_journey").__path__[0] + "/assets/stylesheets/journey.css")
    text = open(css, encoding="utf-8").read()
    sizes = [int(px) for px in re.findall(r"font-size:\s*(\d+)px", text)]
    assert sizes and min(sizes) >= 12


@pytest.mark.parametrize("scores", [[1, 5], [3, 3, 3], [5, 1, 4, 2], [2, None, 4, 4]])
def test_halves_meet_at_the_cell_borders(scores: list[int | None]) -> None:
    points = emotion_points(scores, [False] * len(scores))
    for left, right in zip(points, points[1:]):
        if left.score is None or right.score is None:
            assert str(WIDTH) not in tokens(left.path) or left.score is None
            continue
        left_end = tokens(left.path)[-2:]
        right_start = tokens(right.path)[1:3]
        assert left_end[0] == str(WIDTH) and right_start[0] == "0"
        assert left_end[1] == right_start[1]
        # Smooth: the control points either side of the border are mirror images.
        left_control = [float(v) for v in tokens(left.path)[-4:-2]]
        right_control = [float(v) for v in tokens(right.path)[4:6]]
        border = float(left_end[1])
        assert left_control[0] - WIDTH == -right_control[0]
        assert border - left_control[1] == pytest.approx(right_control[1] - border)


def test_mouths_go_from_frown_to_grin() -> None:
    # The control point of the mouth rises as the score falls (a frown bends up).
    bends = [float(MOUTHS[s].split()[5]) for s in (1, 2, 4, 5)]
    assert bends == sorted(bends)


def test_the_number_sits_above_or_below_its_smiley_never_beside(render: Render) -> None:
    # Beside the face the curve ran into the number and "4" read as "-4".
    svgs = render(CURVE).select("tr.journey-lane--emotion td > svg")
    numbers = [svg.select_one(":scope > svg > text") for svg in svgs]  # the point's svg
    assert [n.get_text() for n in numbers] == ["1", "2", "3", "4", "5"]
    assert all(n.get("x", "0") == "0" for n in numbers)  # centred on the point (text-anchor: journey.css)
    offsets = [int(n["y"]) for n in numbers]
    assert offsets[0] < -15 and offsets[1] < -20  # over a low point (and over the ring of a moment of truth)
    assert all(offset > 15 + 10 for offset in offsets[2:])  # under a middle or high point


def test_the_lane_is_compact_but_keeps_five_levels() -> None:
    ys = [level(score) for score in (1, 2, 3, 4, 5)]
    assert HEIGHT <= 100
    assert all(a - b >= 12 for a, b in zip(ys, ys[1:]))
    # Room for the ring and star over a 5 and the ring under a 1.
    assert level(5) >= 24 and HEIGHT - level(1) >= 21


def test_the_stylesheets_guides_sit_at_the_five_levels() -> None:
    # The guides are a background in journey.css (one per score); they must meet the curve's levels.
    css = (Path(__file__).resolve().parents[2] / "mkdocs_journey" / "assets" / "stylesheets" / "journey.css").read_text()
    rule = css[css.index("\n.journey-lane--emotion td > svg {"):]
    positions = re.search(r"background-position: ([^;]+);", rule)
    assert positions is not None
    tops = [float(part.split()[1].removesuffix("px")) for part in positions.group(1).split(",")]
    assert tops == [level(score) - 0.5 for score in (5, 4, 3, 2, 1)]  # 1 px lines centred on each level
    assert f"of the lane's {HEIGHT} px" in rule


def test_each_curve_piece_is_a_symbol_written_once_and_no_cell_draws_its_own(render: Render) -> None:
    # A cell's piece of the curve depends on its level and its neighbours': a map has few distinct ones,
    # each a symbol of the sprite (stretched like the cell), which the cells show by a <use>.
    repeated = CURVE.replace("{name: gap}", "{name: gap}\n      - {name: six, emotion: 3}\n      - {name: seven, emotion: 3}"
                                             "\n      - {name: eight, emotion: 3}\n      - {name: nine, emotion: 3}")
    soup = render(repeated)
    # No piece written inline again: a cell's only paths are a moment of truth's star; the line is the
    # symbol's path, with its class (a <use> shows a copy that selectors about its place cannot reach).
    assert [path.get("class") for path in soup.select("tr.journey-lane--emotion path")] == [["journey-smiley__star"]]
    assert not soup.select("tr.journey-lane--emotion td > svg > svg[viewbox]")
    symbols = soup.select(".journey-sprite symbol[id*='journey-c']")
    assert [s["id"] for s in symbols] == [f"journey-c{n}" for n in range(1, len(symbols) + 1)]  # in order of use
    # (html.parser lowers attribute names)
    assert all((s["viewbox"], s["preserveaspectratio"]) == (f"0 0 {WIDTH} {HEIGHT}", "none") for s in symbols)
    ds = [s.select_one(":scope > path.journey-emotion__curve")["d"] for s in symbols]
    assert len(ds) == len(set(ds))  # each once
    pieces = _pieces(soup)
    # one, two, three, four (before the gap), six (after it), seven and eight (3 between 3s: one symbol),
    # nine, five.
    assert len(pieces) == 9 and None not in pieces and pieces[5] is pieces[6]
    assert len(symbols) == len({id(p) for p in pieces}) == 8
    for use in soup.select("tr.journey-lane--emotion use[href*='journey-c']"):  # sized by the cell's svg
        assert set(use.attrs) == {"href"}


def test_a_point_without_neighbours_shows_no_piece(render: Render) -> None:
    soup = render(CURVE.replace("{name: four, emotion: 4}", "{name: four}"))
    # "five" stands alone between the gap and the end: its smiley only.
    last = soup.select("tr.journey-lane--emotion td > svg")[-1]
    assert last.select_one(":scope > use") is None and last.select_one("svg > use")["href"] == "#journey-s5"
